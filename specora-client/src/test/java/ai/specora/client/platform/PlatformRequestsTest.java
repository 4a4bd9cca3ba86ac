package ai.specora.client.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * The request records check their arguments where they are built, naming the field,
 * and are immutable.
 */
class PlatformRequestsTest {

	@Test
	void requestsRefuseMissingOrNegativeValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> PolicyCheckRequest.of("", "run-1"))
			.withMessageContaining("subject type");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ExecutionRecordRequest.builder(Provider.OPENAI, "gpt-4").costMicros(-1).build())
			.withMessageContaining("costMicros");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ExecutionRecordRequest.builder(Provider.UNKNOWN, "gpt-4").build())
			.withMessageContaining("provider");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ExecutionRecordRequest.builder(null, "gpt-4").build())
			.withMessageContaining("provider");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PreAuthorizeRequest.builder(Provider.OPENAI, " ").build())
			.withMessageContaining("model");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PreAuthorizeRequest.builder(Provider.OPENAI, "gpt-4").estimatedCostMicros(-5).build())
			.withMessageContaining("estimatedCostMicros");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ProxyExecuteRequest.builder(Provider.OPENAI, "gpt-4").build())
			.withMessageContaining("messages");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ProxyExecuteRequest.builder(Provider.OPENAI, "gpt-4")
				.message(ChatMessage.user("x"))
				.maxTokens(0)
				.build())
			.withMessageContaining("maxTokens");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ProxyExecuteRequest.builder(Provider.OPENAI, "gpt-4")
				.message(ChatMessage.user("x"))
				.temperature(Double.NaN)
				.build())
			.withMessageContaining("temperature");
		assertThatIllegalArgumentException().isThrownBy(() -> new Assumption("a1", "x", Severity.UNKNOWN))
			.withMessageContaining("impactLevel");
		assertThatIllegalArgumentException().isThrownBy(() -> EvidenceBundleRequest.of(" "))
			.withMessageContaining("runId");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PreferenceResolveRequest(List.of("x"), WorkflowType.UNKNOWN))
			.withMessageContaining("workflowType");
		assertThatNullPointerException().isThrownBy(() -> new PolicyCheckRequest(null, Map.of()));
	}

	@Test
	void requestsCopyWhatTheyAreGiven() {
		Map<String, Object> scope = new HashMap<>(Map.of("project", "a"));
		BudgetValidationRequest request = BudgetValidationRequest.scoped(scope);
		scope.put("project", "b");
		assertThat(request.scope()).containsEntry("project", "a");
		List<String> types = new ArrayList<>(List.of("trace"));
		EvidenceBundleRequest evidence = new EvidenceBundleRequest("run-1", types, null);
		types.add("confidence_report");
		assertThat(evidence.artifactTypes()).containsExactly("trace");
		assertThat(BudgetValidationRequest.tenant().scope()).isEmpty();
	}

	@Test
	void theExecutionBuilderDefaultsToSuccess() {
		ExecutionRecordRequest request = ExecutionRecordRequest.builder(Provider.VLLM, "m").build();
		assertThat(request.success()).isTrue();
		assertThat(request.durationMs()).isNull();
		assertThat(request.metadata()).isEmpty();
	}

}
