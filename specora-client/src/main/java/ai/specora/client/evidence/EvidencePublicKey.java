package ai.specora.client.evidence;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An Ed25519 public key that signs evidence manifests, with the identifiers of the
 * public format: its fingerprint (the lowercase hex SHA-256 of the raw 32 key bytes) and
 * its key id ({@code spk-} and the first 16 hex characters of the fingerprint).
 * <p>
 * Accepted as PEM (SubjectPublicKeyInfo, {@code -----BEGIN PUBLIC KEY-----}), as the
 * base64 of the raw 32 bytes, or as the raw 32 bytes. Signatures are checked with the
 * JDK's own Ed25519 ({@code java.security}); no other cryptography library is used.
 * Immutable and thread-safe.
 */
public final class EvidencePublicKey {

	/** The DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32 bytes follow it. */
	private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

	private static final int RAW_LENGTH = 32;

	private static final String PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";

	private static final String PEM_END = "-----END PUBLIC KEY-----";

	private final byte[] raw;

	private final String fingerprint;

	private final PublicKey publicKey;

	private EvidencePublicKey(byte[] raw) {
		if (raw.length != RAW_LENGTH) {
			throw new IllegalArgumentException(
					"an Ed25519 public key is " + RAW_LENGTH + " bytes, not " + raw.length);
		}
		this.raw = raw.clone();
		this.fingerprint = CanonicalJson.sha256Hex(this.raw);
		try {
			this.publicKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki(this.raw)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("not a usable Ed25519 public key: " + ex.getMessage(), ex);
		}
	}

	/**
	 * A key from its raw 32 bytes.
	 * @param raw the 32 bytes of the key
	 * @return the key
	 * @throws IllegalArgumentException when the bytes are not an Ed25519 key
	 */
	public static EvidencePublicKey fromRaw(byte[] raw) {
		return new EvidencePublicKey(Objects.requireNonNull(raw, "raw must not be null"));
	}

	/**
	 * A key from the standard base64 (with padding) of its raw 32 bytes.
	 * @param base64 the base64 text; surrounding whitespace is ignored
	 * @return the key
	 * @throws IllegalArgumentException when the text is not base64 of 32 bytes
	 */
	public static EvidencePublicKey fromBase64(String base64) {
		Objects.requireNonNull(base64, "base64 must not be null");
		return fromRaw(decodeBase64(base64.strip(), "base64 key"));
	}

	/**
	 * A key from PEM: a SubjectPublicKeyInfo between {@code -----BEGIN PUBLIC KEY-----}
	 * and {@code -----END PUBLIC KEY-----}.
	 * @param pem the PEM text
	 * @return the key
	 * @throws IllegalArgumentException when the text is not the PEM of an Ed25519 key
	 */
	public static EvidencePublicKey fromPem(String pem) {
		Objects.requireNonNull(pem, "pem must not be null");
		int begin = pem.indexOf(PEM_BEGIN);
		int end = pem.indexOf(PEM_END);
		if (begin < 0 || end < begin) {
			throw new IllegalArgumentException("not a PEM public key: " + PEM_BEGIN + " ... " + PEM_END + " expected");
		}
		String body = pem.substring(begin + PEM_BEGIN.length(), end).replaceAll("\\s", "");
		byte[] der = decodeBase64(body, "PEM body");
		if (der.length != SPKI_PREFIX.length + RAW_LENGTH
				|| !Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
			throw new IllegalArgumentException("the PEM key is not an Ed25519 SubjectPublicKeyInfo");
		}
		return fromRaw(Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length));
	}

	/**
	 * A key from a JDK Ed25519 {@link PublicKey} (its X.509 SubjectPublicKeyInfo
	 * encoding).
	 * @param publicKey the key, e.g. of a {@code KeyPairGenerator.getInstance("Ed25519")}
	 * key pair
	 * @return the key
	 * @throws IllegalArgumentException when the key is not an Ed25519 key
	 */
	public static EvidencePublicKey of(PublicKey publicKey) {
		Objects.requireNonNull(publicKey, "publicKey must not be null");
		byte[] der = publicKey.getEncoded();
		if (der == null || der.length != SPKI_PREFIX.length + RAW_LENGTH
				|| !Arrays.equals(der, 0, SPKI_PREFIX.length, SPKI_PREFIX, 0, SPKI_PREFIX.length)) {
			throw new IllegalArgumentException("not an Ed25519 public key: " + publicKey.getAlgorithm());
		}
		return fromRaw(Arrays.copyOfRange(der, SPKI_PREFIX.length, der.length));
	}

	/**
	 * A key written in either text form: PEM when the text holds
	 * {@code -----BEGIN PUBLIC KEY-----}, otherwise the base64 of the raw 32 bytes.
	 * @param text the key
	 * @return the key
	 * @throws IllegalArgumentException when the text is neither form of an Ed25519 key
	 */
	public static EvidencePublicKey parse(String text) {
		Objects.requireNonNull(text, "text must not be null");
		return text.contains(PEM_BEGIN) ? fromPem(text) : fromBase64(text);
	}

	/**
	 * The key id of a fingerprint: {@code spk-} and its first 16 hex characters.
	 * @param fingerprint the 64 lowercase hex characters of a key's SHA-256
	 * @return the key id
	 */
	public static String keyIdOf(String fingerprint) {
		if (fingerprint == null || !fingerprint.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("a fingerprint is 64 lowercase hex characters");
		}
		return "spk-" + fingerprint.substring(0, 16);
	}

	/**
	 * The raw 32 bytes of the key.
	 * @return a copy of the bytes
	 */
	public byte[] raw() {
		return this.raw.clone();
	}

	/**
	 * The key's fingerprint: the lowercase hex SHA-256 of its raw 32 bytes.
	 * @return 64 hex characters
	 */
	public String fingerprint() {
		return this.fingerprint;
	}

	/**
	 * The key's id: {@code spk-} and the first 16 hex characters of its fingerprint.
	 * @return the key id, e.g. {@code spk-e1c8139bffc31826}
	 */
	public String keyId() {
		return keyIdOf(this.fingerprint);
	}

	/**
	 * The key as a JDK {@link PublicKey}.
	 * @return the key (algorithm {@code Ed25519})
	 */
	public PublicKey publicKey() {
		return this.publicKey;
	}

	/**
	 * The key as PEM (SubjectPublicKeyInfo), ending with a newline.
	 * @return the PEM text
	 */
	public String toPem() {
		return PEM_BEGIN + "\n" + Base64.getEncoder().encodeToString(spki(this.raw)) + "\n" + PEM_END + "\n";
	}

	/**
	 * The base64 of the raw 32 bytes.
	 * @return the base64 text, with padding
	 */
	public String toBase64() {
		return Base64.getEncoder().encodeToString(this.raw);
	}

	/**
	 * Checks an Ed25519 signature made by this key's private key.
	 * @param message the signed bytes
	 * @param signature the 64 signature bytes
	 * @return whether the signature is valid; {@code false} for a signature of the wrong
	 * length or shape too
	 */
	public boolean verify(byte[] message, byte[] signature) {
		Objects.requireNonNull(message, "message must not be null");
		Objects.requireNonNull(signature, "signature must not be null");
		try {
			Signature verifier = Signature.getInstance("Ed25519");
			verifier.initVerify(this.publicKey);
			verifier.update(message);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	/**
	 * Checks the signature of a hash as the format signs it: Ed25519 over the 64 ASCII
	 * characters of the lowercase hex hash (not over its 32 raw bytes).
	 * @param hashHex the 64 lowercase hex characters
	 * @param signatureBase64 the signature, standard base64 with padding
	 * @return whether the signature is valid; {@code false} when it is not base64
	 */
	public boolean verifyHash(String hashHex, String signatureBase64) {
		Objects.requireNonNull(hashHex, "hashHex must not be null");
		Objects.requireNonNull(signatureBase64, "signatureBase64 must not be null");
		byte[] signature;
		try {
			signature = Base64.getDecoder().decode(signatureBase64);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return verify(hashHex.getBytes(StandardCharsets.US_ASCII), signature);
	}

	static byte[] spki(byte[] raw) {
		byte[] der = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + raw.length);
		System.arraycopy(raw, 0, der, SPKI_PREFIX.length, raw.length);
		return der;
	}

	private static byte[] decodeBase64(String text, String what) {
		try {
			return Base64.getDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("the " + what + " is not base64: " + ex.getMessage(), ex);
		}
	}

	@Override
	public boolean equals(Object other) {
		return (this == other) || (other instanceof EvidencePublicKey key && Arrays.equals(this.raw, key.raw));
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.raw);
	}

	@Override
	public String toString() {
		return "EvidencePublicKey[" + keyId() + "]";
	}

}
