package ai.specora.client.webhook;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import ai.specora.client.webhook.WebhookVerificationException.Reason;

/**
 * Checks the {@value WebhookVerifier#SIGNATURE_HEADER} header of a request against the
 * secrets of a {@link WebhookVerifier}: the header holds at most
 * {@value WebhookVerifier#MAX_SIGNATURES} comma-separated values, and one of its
 * {@code sha256=<hex>} values must be the HMAC-SHA256 of {@code <timestamp>.<raw body>}
 * under one of the secrets. Every value is compared with every secret's MAC in constant
 * time; values of other schemes and malformed ones are ignored. Anything else is refused
 * as {@link Reason#BAD_SIGNATURE}.
 * <p>
 * Instances are immutable and thread-safe, and do not show their keys.
 */
final class WebhookSignatureCheck {

	private static final String SCHEME_PREFIX = WebhookSignatures.SCHEME_PREFIX;

	private static final int SIGNATURE_LENGTH = SCHEME_PREFIX.length() + 64;

	private static final HexFormat HEX = HexFormat.of();

	private final List<SecretKeySpec> keys;

	/**
	 * Creates a check over the given keys.
	 * @param keys the keys built by {@link WebhookSignatures#key(String)}, at least one
	 */
	WebhookSignatureCheck(List<SecretKeySpec> keys) {
		this.keys = List.copyOf(keys);
	}

	/**
	 * Returns the number of keys.
	 * @return the number of keys
	 */
	int keyCount() {
		return this.keys.size();
	}

	/**
	 * Checks that the signature header holds a valid signature of the request.
	 * @param rawBody the exact bytes of the request body
	 * @param timestamp the stripped timestamp header, as sent
	 * @param signatureHeader the stripped signature header, all its lines joined
	 * @throws WebhookVerificationException if no value matches or there are too many
	 */
	void check(byte[] rawBody, String timestamp, String signatureHeader) {
		List<byte[]> candidates = candidates(signatureHeader);
		boolean matched = false;
		if (!candidates.isEmpty()) {
			for (SecretKeySpec key : this.keys) {
				byte[] expected = WebhookSignatures.hmac(key, timestamp, rawBody);
				for (byte[] candidate : candidates) {
					matched |= MessageDigest.isEqual(expected, candidate);
				}
			}
		}
		if (!matched) {
			throw new WebhookVerificationException(Reason.BAD_SIGNATURE, "Invalid signature");
		}
	}

	/**
	 * Decodes the well-formed {@code sha256=} values; values of other schemes and
	 * malformed ones are ignored, empty list elements are not counted, and more than
	 * {@link WebhookVerifier#MAX_SIGNATURES} values are refused.
	 */
	private static List<byte[]> candidates(String signatureHeader) {
		List<byte[]> candidates = new ArrayList<>(2);
		int values = 0;
		int start = 0;
		while (start <= signatureHeader.length()) {
			int end = signatureHeader.indexOf(',', start);
			if (end < 0) {
				end = signatureHeader.length();
			}
			String value = signatureHeader.substring(start, end).strip();
			start = end + 1;
			if (value.isEmpty()) {
				continue;
			}
			if (++values > WebhookVerifier.MAX_SIGNATURES) {
				throw new WebhookVerificationException(Reason.BAD_SIGNATURE,
						"More than " + WebhookVerifier.MAX_SIGNATURES + " signatures");
			}
			if (value.length() == SIGNATURE_LENGTH
					&& value.regionMatches(true, 0, SCHEME_PREFIX, 0, SCHEME_PREFIX.length())) {
				try {
					candidates.add(HEX.parseHex(value, SCHEME_PREFIX.length(), value.length()));
				}
				catch (IllegalArgumentException ex) {
					// Not hexadecimal: a value that cannot match, ignored like an unknown scheme
				}
			}
		}
		return candidates;
	}

}
