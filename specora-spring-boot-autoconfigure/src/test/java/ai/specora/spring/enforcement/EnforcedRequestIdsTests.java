package ai.specora.spring.enforcement;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

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
		assertThat(new EnforcedRequestIds("refund").of(id)).isSameAs(id);
		assertThat(new EnforcedRequestIds("refund").of(id.toString())).isEqualTo(id);
		assertThat(new EnforcedRequestIds("refund").of(" " + id.toString().toUpperCase() + " ")).isEqualTo(id);
	}

	@Test
	void businessIdBecomesADeterministicNameBasedUuid() {
		UUID id = new EnforcedRequestIds("refund").of("re_42");
		assertThat(id.version()).isEqualTo(3);
		assertThat(id).isEqualTo(new EnforcedRequestIds("refund").of("re_42"))
			.isEqualTo(UUID.nameUUIDFromBytes("specora:6:refund:re_42".getBytes(StandardCharsets.UTF_8)));
		assertThat(new EnforcedRequestIds("refund").of("re_43")).isNotEqualTo(id);
	}

	@Test
	void oneInstanceGivesTheSameIdsFromManyThreads() {
		EnforcedRequestIds ids = new EnforcedRequestIds("refund");
		List<UUID> expected = IntStream.range(0, 64)
			.mapToObj((i) -> UUID.nameUUIDFromBytes(("specora:6:refund:re_" + i).getBytes(StandardCharsets.UTF_8)))
			.toList();
		List<UUID> derived = IntStream.range(0, 20_000)
			.parallel()
			.mapToObj((i) -> ids.of("re_" + (i % 64)))
			.toList();
		for (int i = 0; i < derived.size(); i++) {
			assertThat(derived.get(i)).isEqualTo(expected.get(i % 64));
		}
	}

	@Test
	void twoActionTypesNeverShareAnId() {
		assertThat(new EnforcedRequestIds("refund").of("re_42")).isNotEqualTo(new EnforcedRequestIds("payout").of("re_42"));
		assertThat(new EnforcedRequestIds("a:b").of("c")).isNotEqualTo(new EnforcedRequestIds("a").of("b:c"));
	}

	@Test
	void numbersAreIdsByTheirValue() {
		assertThat(new EnforcedRequestIds("order").of(42)).isEqualTo(new EnforcedRequestIds("order").of(42L))
			.isEqualTo(new EnforcedRequestIds("order").of("42"));
		assertThat(new EnforcedRequestIds("order").of(new BigDecimal("4.20")))
			.isEqualTo(new EnforcedRequestIds("order").of(new BigDecimal("4.2")));
		assertThat(new EnforcedRequestIds("order").of("not-a-uuid-but-36-characters-long-xx").version()).isEqualTo(3);
	}

	@Test
	void nullOrBlankIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EnforcedRequestIds("refund").of(null))
			.withMessageContaining("evaluated to null");
		assertThatIllegalArgumentException().isThrownBy(() -> new EnforcedRequestIds("refund").of("  "))
			.withMessageContaining("blank");
	}

	@Test
	void valueWithoutAStableFormIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EnforcedRequestIds("refund").of(List.of("re_42")))
			.withMessageContaining("must evaluate to a UUID, a string, an integer or a BigDecimal")
			.withMessageNotContaining("re_42");
		assertThatIllegalArgumentException().isThrownBy(() -> new EnforcedRequestIds("refund").of(4.2d))
			.withMessageContaining("java.lang.Double");
	}

}
