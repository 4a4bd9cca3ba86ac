package ai.specora.client.evidence;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RevocationList}: the format's fields, checked.
 */
class RevocationListTests {

	private static final String FINGERPRINT = "e1c8139bffc31826d0bad3384200ed2be209b29cced8af4221368019e59a3ae0";

	@Test
	void parsesAListAndFindsAKeyByIdOrFingerprint() {
		RevocationList list = RevocationList.parse(list("spk-e1c8139bffc31826", "revoked"));
		assertThat(list.version()).isEqualTo(1);
		assertThat(list.authority()).isEqualTo("Specora Key Authority");
		RevocationList.Entry entry = list.keys().get(0);
		assertThat(entry.status()).isEqualTo(KeyStatus.REVOKED);
		assertThat(entry.statusReason()).isEqualTo("compromise");
		assertThat(entry.effectiveAt()).isEqualTo("2026-02-15T00:00:00Z");
		EvidencePublicKey key = EvidencePublicKey
			.fromBase64(Vectors.text("signature/signed-artifact-001/pubkey.b64"));
		assertThat(list.lookup(key)).contains(entry);
		assertThat(list.lookup("spk-e1c8139bffc31826")).contains(entry);
		assertThat(list.lookup("spk-0000000000000000")).isEmpty();
	}

	@Test
	void aKeyIdThatDoesNotAgreeWithItsFingerprintIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RevocationList.parse(list("spk-e1c8139bffc31827", "active")))
			.withMessageContaining("keys[0]")
			.withMessageContaining("does not agree with its fingerprint");
	}

	@Test
	void malformedListsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> RevocationList.parse(list("spk-e1c8139bffc31826", "lost")))
			.withMessageContaining("unknown key status 'lost'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RevocationList.parse("{\"version\":1}".getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("generated_at");
		assertThatIllegalArgumentException().isThrownBy(() -> RevocationList.parse(
				"{\"version\":1,\"generated_at\":\"2026-03-01\",\"authority\":\"a\",\"keys\":[]}"
					.getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("YYYY-MM-DDTHH:MM:SSZ");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RevocationList.parse("[]".getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("not a JSON object");
	}

	private static byte[] list(String keyId, String status) {
		return ("{\"version\": 1, \"generated_at\": \"2026-03-01T00:00:00Z\", \"authority\": \"Specora Key Authority\","
				+ " \"keys\": [{\"derived_key_id\": \"" + keyId + "\", \"fingerprint_sha256\": \"" + FINGERPRINT
				+ "\", \"status\": \"" + status + "\", \"status_reason\": \"compromise\","
				+ " \"effective_at\": \"2026-02-15T00:00:00Z\"}]}")
			.getBytes(StandardCharsets.UTF_8);
	}

}
