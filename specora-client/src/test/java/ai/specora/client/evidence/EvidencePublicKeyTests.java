package ai.specora.client.evidence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link EvidencePublicKey} against the signature vector of the public format.
 */
class EvidencePublicKeyTests {

	private static final String VECTOR = "signature/signed-artifact-001/";

	@Test
	void theVectorSignatureVerifiesWithThePemAndTheBase64Key() {
		String hash = CanonicalJson.sha256Hex(CanonicalJson.parse(Vectors.bytes(VECTOR + "artifact.json")));
		assertThat(hash).isEqualTo(Vectors.text(VECTOR + "artifact.sha256.txt"));
		String signature = Vectors.text(VECTOR + "signature.b64");
		EvidencePublicKey pem = EvidencePublicKey.fromPem(Vectors.text(VECTOR + "pubkey.pem"));
		EvidencePublicKey base64 = EvidencePublicKey.fromBase64(Vectors.text(VECTOR + "pubkey.b64"));
		assertThat(pem).isEqualTo(base64);
		assertThat(pem.verifyHash(hash, signature)).isTrue();
		assertThat(base64.verifyHash(hash, signature)).isTrue();
		assertThat(EvidencePublicKey.fromRaw(base64.raw()).verifyHash(hash, signature)).isTrue();
		assertThat(EvidencePublicKey.parse(Vectors.text(VECTOR + "pubkey.pem"))).isEqualTo(pem);
		assertThat(EvidencePublicKey.parse(Vectors.text(VECTOR + "pubkey.b64"))).isEqualTo(pem);
	}

	@Test
	void theKeyIdAndFingerprintAreThoseOfTheVectorMetadata() {
		Map<?, ?> metadata = (Map<?, ?>) CanonicalJson.parse(Vectors.bytes(VECTOR + "metadata.json"));
		EvidencePublicKey key = EvidencePublicKey.fromPem(Vectors.text(VECTOR + "pubkey.pem"));
		assertThat(key.fingerprint()).isEqualTo(metadata.get("key_fingerprint_sha256"));
		assertThat(key.keyId()).isEqualTo(metadata.get("derived_key_id")).isEqualTo("spk-e1c8139bffc31826");
		assertThat(key.toPem().strip()).isEqualTo(Vectors.text(VECTOR + "pubkey.pem"));
		assertThat(key.toBase64()).isEqualTo(Vectors.text(VECTOR + "pubkey.b64"));
		assertThat(key.publicKey().getAlgorithm()).isIn("Ed25519", "EdDSA");
		assertThat(key).hasToString("EvidencePublicKey[spk-e1c8139bffc31826]");
	}

	@Test
	void aChangedArtifactOrSignatureFails() {
		EvidencePublicKey key = EvidencePublicKey.fromBase64(Vectors.text(VECTOR + "pubkey.b64"));
		String signature = Vectors.text(VECTOR + "signature.b64");
		String changed = new String(Vectors.bytes(VECTOR + "artifact.json"), StandardCharsets.UTF_8)
			.replace("\"policies_evaluated\": 5", "\"policies_evaluated\": 6");
		String hash = CanonicalJson.sha256Hex(CanonicalJson.parse(changed.getBytes(StandardCharsets.UTF_8)));
		assertThat(hash).isNotEqualTo(Vectors.text(VECTOR + "artifact.sha256.txt"));
		assertThat(key.verifyHash(hash, signature)).isFalse();
		byte[] tampered = Base64.getDecoder().decode(signature);
		tampered[10] ^= 1;
		assertThat(key.verifyHash(Vectors.text(VECTOR + "artifact.sha256.txt"),
				Base64.getEncoder().encodeToString(tampered))).isFalse();
		assertThat(key.verifyHash(Vectors.text(VECTOR + "artifact.sha256.txt"), "not base64!")).isFalse();
		// the signature covers the 64 hex characters, not the 32 raw bytes of the hash
		assertThat(key.verify(java.util.HexFormat.of().parseHex(Vectors.text(VECTOR + "artifact.sha256.txt")),
				Base64.getDecoder().decode(signature))).isFalse();
	}

	@Test
	void keysOfOtherShapesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> EvidencePublicKey.fromRaw(new byte[31]))
			.withMessageContaining("32 bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> EvidencePublicKey.fromBase64("%%%"));
		assertThatIllegalArgumentException().isThrownBy(() -> EvidencePublicKey.fromPem("no pem here"));
		// an RSA-sized SubjectPublicKeyInfo is not an Ed25519 key
		assertThatIllegalArgumentException().isThrownBy(() -> EvidencePublicKey
			.fromPem("-----BEGIN PUBLIC KEY-----\nMFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf\n"
					+ "9Cnzj4p4WGeKLs1Pt8QuKUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQ==\n-----END PUBLIC KEY-----"));
		assertThatIllegalArgumentException().isThrownBy(() -> EvidencePublicKey.keyIdOf("ABC"));
	}

}
