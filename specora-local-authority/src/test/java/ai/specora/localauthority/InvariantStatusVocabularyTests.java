package ai.specora.localauthority;

import ai.specora.client.platform.InvariantStatus;
import ai.specora.localauthority.PlatformPolicy.Invariant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The local authority answers invariant statuses in the client's vocabulary
 * ({@link InvariantStatus}): {@code pass}, {@code fail} and {@code warn}.
 */
class InvariantStatusVocabularyTests {

	@Test
	void everyStatusTheAuthorityAnswersIsOneTheClientKnows() {
		for (String status : new String[] { "pass", "fail", "warn", "passed", "failed", "warned", "FAIL" }) {
			String answered = new Invariant("i", status, null).status();
			assertThat(InvariantStatus.fromWireName(answered)).as(status).isNotEqualTo(InvariantStatus.UNKNOWN);
		}
		assertThat(Invariant.failed("i", "r").status()).isEqualTo(InvariantStatus.FAIL.wireName());
		assertThat(Invariant.passed("i").status()).isEqualTo(InvariantStatus.PASS.wireName());
		assertThat(new Invariant("i", "failed", null).status()).isEqualTo("fail");
	}

	@Test
	void aStatusOutsideTheVocabularyIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Invariant("i", "broken", null))
			.withMessageContaining("pass, fail, warn");
	}

}
