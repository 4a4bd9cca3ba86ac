package ai.specora.spring.enforcement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How a {@code requestId} expression's value becomes the protocol's request id.
 */
class EnforcedRequestIdsTests {

	@Test
	void uuidAndUuidStringAreUsedAsIs() {
		UUID id = UUID.fromString("0d4f3c2a-1b2c-4d5e-8f90-123456789abc");
		assertThat(EnforcedRequestIds.of("refund", id)).isSameAs(id);
		assertThat(EnforcedRequestIds.of("refund", id.toString())).isEqualTo(id);
		assertThat(EnforcedRequestIds.of("refund", " " + id.toString().toUpperCase() + " ")).isEqualTo(id);
	}

	@Test
	void businessIdBecomesADeterministicNameBasedUuid() {
		UUID id = EnforcedRequestIds.of("refund", "re_42");
		assertThat(id.version()).isEqualTo(3);
		assertThat(id).isEqualTo(EnforcedRequestIds.of("refund", "re_42"))
			.isEqualTo(UUID.nameUUIDFromBytes("specora:6:refund:re_42".getBytes(StandardCharsets.UTF_8)));
		assertThat(EnforcedRequestIds.of("refund", "re_43")).isNotEqualTo(id);
	}

	@Test
	void twoActionTypesNeverShareAnId() {
		assertThat(EnforcedRequestIds.of("refund", "re_42")).isNotEqualTo(EnforcedRequestIds.of("payout", "re_42"));
		assertThat(EnforcedRequestIds.of("a:b", "c")).isNotEqualTo(EnforcedRequestIds.of("a", "b:c"));
	}

	@Test
	void numbersAreIdsByTheirValue() {
		assertThat(EnforcedRequestIds.of("order", 42)).isEqualTo(EnforcedRequestIds.of("order", 42L))
			.isEqualTo(EnforcedRequestIds.of("order", "42"));
		assertThat(EnforcedRequestIds.of("order", new BigDecimal("4.20")))
			.isEqualTo(EnforcedRequestIds.of("order", new BigDecimal("4.2")));
		assertThat(EnforcedRequestIds.of("order", "not-a-uuid-but-36-characters-long-xx").version()).isEqualTo(3);
	}

	@Test
	void nullOrBlankIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> EnforcedRequestIds.of("refund", null))
			.withMessageContaining("evaluated to null");
		assertThatIllegalArgumentException().isThrownBy(() -> EnforcedRequestIds.of("refund", "  "))
			.withMessageContaining("blank");
	}

	@Test
	void valueWithoutAStableFormIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> EnforcedRequestIds.of("refund", List.of("re_42")))
			.withMessageContaining("must evaluate to a UUID, a string, an integer or a BigDecimal")
			.withMessageNotContaining("re_42");
		assertThatIllegalArgumentException().isThrownBy(() -> EnforcedRequestIds.of("refund", 4.2d))
			.withMessageContaining("java.lang.Double");
	}

}
