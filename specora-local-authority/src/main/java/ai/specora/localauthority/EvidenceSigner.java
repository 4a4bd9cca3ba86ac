package ai.specora.localauthority;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import ai.specora.client.evidence.EvidencePublicKey;

/**
 * The Ed25519 key pair that signs evidence manifests: Ed25519 over the 64 ASCII
 * characters of the manifest's hex hash, as the public evidence format signs.
 */
final class EvidenceSigner {

	private static final String PKCS8_BEGIN = "-----BEGIN PRIVATE KEY-----";

	private static final String PKCS8_END = "-----END PRIVATE KEY-----";

	private final PrivateKey privateKey;

	private final EvidencePublicKey publicKey;

	private EvidenceSigner(KeyPair keyPair) {
		this.privateKey = keyPair.getPrivate();
		this.publicKey = EvidencePublicKey.of(keyPair.getPublic());
	}

	/** A signer of a fresh key pair. */
	static EvidenceSigner generate() {
		try {
			return new EvidenceSigner(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Ed25519 is not available", ex);
		}
	}

	/**
	 * A signer of a configured key pair, checked: both halves Ed25519 and of one pair.
	 * @throws IllegalArgumentException when they are not
	 */
	static EvidenceSigner of(KeyPair keyPair) {
		EvidenceSigner signer;
		try {
			signer = new EvidenceSigner(keyPair);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("evidenceSigningKey: " + ex.getMessage(), ex);
		}
		String probe = "0".repeat(64);
		if (!signer.publicKey.verifyHash(probe, signer.sign(probe))) {
			throw new IllegalArgumentException(
					"evidenceSigningKey: the private key does not belong to the public key " + signer.publicKey.keyId());
		}
		return signer;
	}

	/**
	 * Reads a key pair from its PEM texts: the private key as PKCS#8
	 * ({@code -----BEGIN PRIVATE KEY-----}), the public key as PEM or base64.
	 * @throws IllegalArgumentException when either is not an Ed25519 key
	 */
	static KeyPair keyPair(String privateKeyPem, String publicKey) {
		int begin = privateKeyPem.indexOf(PKCS8_BEGIN);
		int end = privateKeyPem.indexOf(PKCS8_END);
		if (begin < 0 || end < begin) {
			throw new IllegalArgumentException(
					"evidenceSigningKey: the private key is not PKCS#8 PEM (" + PKCS8_BEGIN + " ... " + PKCS8_END + ")");
		}
		try {
			byte[] der = Base64.getDecoder()
				.decode(privateKeyPem.substring(begin + PKCS8_BEGIN.length(), end).replaceAll("\\s", ""));
			PrivateKey privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
			return new KeyPair(EvidencePublicKey.parse(publicKey).publicKey(), privateKey);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("evidenceSigningKey: not an Ed25519 key: " + ex.getMessage(), ex);
		}
	}

	/** The base64 Ed25519 signature of a hex hash's 64 ASCII characters. */
	String sign(String hashHex) {
		try {
			Signature signer = Signature.getInstance("Ed25519");
			signer.initSign(this.privateKey);
			signer.update(hashHex.getBytes(StandardCharsets.US_ASCII));
			return Base64.getEncoder().encodeToString(signer.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Ed25519 signing failed", ex);
		}
	}

	EvidencePublicKey publicKey() {
		return this.publicKey;
	}

}
