package ai.specora.client;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EnforceRequestTest {

	@Test
	void leavesTheRequestIdToEachCallWhenNoneIsGiven() {
		EnforceRequest request = EnforceRequest.builder("db_write").scope("table", "users").build();
		assertThat(request.requestId()).isNull();
		assertThat(request.toString()).contains("requestId=(new for each call)");
	}

	@Test
	void withRequestIdFixesOrClearsTheKey() {
		UUID id = UUID.randomUUID();
		EnforceRequest request = EnforceRequest.builder("db_write").scope("table", "users").build();
		assertThat(request.withRequestId(id).requestId()).isEqualTo(id);
		assertThat(request.withRequestId(id).withRequestId(null).requestId()).isNull();
	}

	@Test
	void keepsTheGivenRequestIdAndDefaults() {
		UUID id = UUID.randomUUID();
		EnforceRequest request = EnforceRequest.builder("db_write").requestId(id).scope(Map.of("table", "users")).build();
		assertThat(request.requestId()).isEqualTo(id);
		assertThat(request.estimatedCost()).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(request.estimatedVolume()).isEqualTo(1);
		assertThat(request.writeOp()).isFalse();
		assertThat(request.args()).isEmpty();
	}

	@Test
	void refusesAnEmptyScope() {
		assertThatIllegalArgumentException().isThrownBy(() -> EnforceRequest.builder("db_write").build())
			.withMessageContaining("scope of action 'db_write' must not be empty");
	}

	@Test
	void refusesAnEmptyActionType() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EnforceRequest.builder(" ").scope("table", "users").build())
			.withMessageContaining("actionType");
	}

	@Test
	void refusesNegativeNumbers() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EnforceRequest.builder("a").scope("k", "v").estimatedCost(-0.01).build())
			.withMessageContaining("estimatedCost");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EnforceRequest.builder("a").scope("k", "v").estimatedVolume(-1).build())
			.withMessageContaining("estimatedVolume");
	}

	@Test
	void mapsAreCopiedAndUnmodifiable() {
		java.util.HashMap<String, Object> scope = new java.util.HashMap<>(Map.of("table", "users"));
		EnforceRequest request = EnforceRequest.builder("db_write").scope(scope).build();
		scope.put("table", "orders");
		assertThat(request.scope()).containsEntry("table", "users");
		assertThat(request.scope()).isUnmodifiable();
	}

	@Test
	void toStringShowsNoArgumentValues() {
		EnforceRequest request = EnforceRequest.builder("payment")
			.scope("account", "123")
			.arg("card", "4111111111111111")
			.build();
		assertThat(request.toString()).doesNotContain("4111111111111111").contains("payment");
	}

	@Test
	void completionTruncatesLongErrorsAndRefusesNegativeCost() {
		Completion completion = Completion.builder(CompletionStatus.FAILURE).error("x".repeat(500)).build();
		assertThat(completion.error()).hasSize(200);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Completion.builder(CompletionStatus.SUCCESS).costActual(new BigDecimal("-1")).build());
	}

}
