package ai.specora.client.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes Specora webhook signatures: {@code sha256=} followed by the lowercase hex
 * HMAC-SHA256, keyed with the secret's UTF-8 bytes, of {@code <timestamp>.<raw body>}.
 * <p>
 * Useful in tests that post signed events to an application's webhook endpoint, and
 * to anything that sends events in the Specora format.
 */
public final class WebhookSignatures {

	/** The prefix of every signature value. */
	public static final String SCHEME_PREFIX = "sha256=";

	private static final String ALGORITHM = "HmacSHA256";

	private WebhookSignatures() {
	}

	/**
	 * Signs a webhook body.
	 * @param secret the shared webhook secret
	 * @param timestamp the Unix time in seconds sent as {@code X-Specora-Timestamp}
	 * @param body the exact bytes of the request body
	 * @return the {@code X-Specora-Signature} value, {@code sha256=<64 lowercase hex>}
	 */
	public static String sign(String secret, long timestamp, byte[] body) {
		return SCHEME_PREFIX + HexFormat.of().formatHex(hmac(secret, timestamp, body));
	}

	/**
	 * Computes the raw HMAC-SHA256 of {@code <timestamp>.<body>}.
	 * @param secret the shared webhook secret
	 * @param timestamp the Unix time in seconds
	 * @param body the exact bytes of the request body
	 * @return the 32-byte MAC
	 */
	static byte[] hmac(String secret, long timestamp, byte[] body) {
		Objects.requireNonNull(body, "body must not be null");
		return hmac(key(secret), Long.toString(timestamp), body);
	}

	/**
	 * Builds the HMAC key of a secret: its UTF-8 bytes.
	 * @param secret the shared webhook secret
	 * @return the key
	 */
	static SecretKeySpec key(String secret) {
		Objects.requireNonNull(secret, "secret must not be null");
		if (secret.isEmpty()) {
			throw new IllegalArgumentException("secret must not be empty");
		}
		return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
	}

	/**
	 * Computes the raw HMAC-SHA256 of {@code <timestamp>.<body>}, the timestamp taken
	 * exactly as it was sent.
	 * @param key the key built by {@link #key(String)}
	 * @param timestamp the timestamp text, as sent in {@code X-Specora-Timestamp}
	 * @param body the exact bytes of the request body
	 * @return the 32-byte MAC
	 */
	static byte[] hmac(SecretKeySpec key, String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
			mac.update((byte) '.');
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is not available in this JVM", ex);
		}
	}

}
