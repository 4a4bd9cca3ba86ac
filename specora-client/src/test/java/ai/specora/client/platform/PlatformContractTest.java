package ai.specora.client.platform;

import java.util.List;
import java.util.Map;

import ai.specora.client.contract.OpenApiContract;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON the platform client sends — with every optional field set and with none —
 * and the answers the tests feed it, checked against the project's OpenAPI copy of the
 * protocol.
 */
class PlatformContractTest {

	@RegisterExtension
	static WireMockExtension platform = PlatformFixtures.platform();

	private final OpenApiContract contract = OpenApiContract.get();

	@Test
	void everyRequestTheClientSendsMatchesTheContract() {
		stubEveryCall();
		PlatformClient client = PlatformFixtures.modelB(platform).workflowId("pr-review-pipeline").build().platform();
		client.checkPolicy(PolicyCheckRequest.of("pr_run", "run-1"));
		client.checkPolicy(PolicyCheckRequest.builder("pr_run", "run-1").inputs(Map.of("files", List.of("a"))).build());
		client.validateBudget();
		client.validateBudget(BudgetValidationRequest.scoped(Map.of("project", "checkout")));
		client.recordExecution(PlatformFixtures.executionRequest());
		client.recordExecution(ExecutionRecordRequest.builder(Provider.QWEN, "qwen-max").build());
		client.validateAssumptions(AssumptionsValidationRequest.builder("run-1")
			.assumption("a1", "No breaking changes", Severity.HIGH)
			.assumption("a2", "", Severity.LOW)
			.build());
		client.validateAssumptions(AssumptionsValidationRequest.builder("run-2").build());
		client.generateEvidenceBundle(EvidenceBundleRequest.of("run-1", "confidence_report", "trace"));
		client.generateEvidenceBundle(new EvidenceBundleRequest("run-1", List.of(), null));
		client.preAuthorize(PlatformFixtures.preAuthorizeRequest());
		client.preAuthorize(PreAuthorizeRequest.builder(Provider.GEMINI, "gemini-2.5-pro")
			.routingHints(RoutingHints.builder()
				.workflowType(WorkflowType.SPEC)
				.preferredRegion("eu")
				.requiredCapability("long_context")
				.fallbackAllowed(true)
				.build())
			.build());
		client.proxyExecute(PlatformFixtures.proxyRequest(null));
		client.proxyExecute(ProxyExecuteRequest.builder(Provider.VLLM, "llama3")
			.message(ChatMessage.system("s"))
			.message(ChatMessage.assistant(""))
			.maxTokens(1)
			.temperature(0)
			.authorizationId("auth_1")
			.routingHints(RoutingHints.builder().purpose("summarize").build())
			.build());
		client.resolvePreference(PreferenceResolveRequest.of(WorkflowType.CODEGEN, "code_generation"));
		client.resolvePreference(new PreferenceResolveRequest(null, null));
		List<LoggedRequest> sent = platform.findAll(anyRequestedFor(anyUrl()));
		assertThat(sent).hasSize(16);
		for (LoggedRequest request : sent) {
			this.contract.assertValidRequest(request.getMethod().value(), request.getUrl(), request.getBodyAsString());
		}
	}

	@Test
	void theTestPlatformAnswersMatchTheContract() {
		this.contract.assertValidResponse("POST", "/v1/platform/policy/check", 200, PlatformFixtures.POLICY_ALLOW);
		this.contract.assertValidResponse("POST", "/v1/platform/policy/check", 200, PlatformFixtures.POLICY_BLOCK);
		this.contract.assertValidResponse("POST", "/v1/platform/budget/validate", 200, PlatformFixtures.BUDGET);
		this.contract.assertValidResponse("POST", "/v1/platform/executions", 200, PlatformFixtures.EXECUTION);
		this.contract.assertValidResponse("POST", "/v1/platform/executions", 402,
				PlatformFixtures.error("budget_exceeded", "exhausted"));
		this.contract.assertValidResponse("POST", "/v1/platform/assumptions/validate", 200,
				PlatformFixtures.ASSUMPTIONS);
		this.contract.assertValidResponse("POST", "/v1/platform/evidence/bundles", 200, PlatformFixtures.EVIDENCE);
		this.contract.assertValidResponse("GET", "/v1/platform/risk-score", 200, PlatformFixtures.RISK);
		this.contract.assertValidResponse("POST", "/v1/platform/preauthorize", 200, PlatformFixtures.AUTHORIZED);
		this.contract.assertValidResponse("POST", "/v1/platform/preauthorize", 200, PlatformFixtures.DENIED);
		this.contract.assertValidResponse("POST", "/v1/platform/proxy/execute", 200, PlatformFixtures.PROXY);
		this.contract.assertValidResponse("GET", "/v1/platform/preferences", 200, PlatformFixtures.PREFERENCES);
		this.contract.assertValidResponse("POST", "/v1/platform/preferences/resolve", 200,
				PlatformFixtures.RESOLVED);
	}

	@Test
	void aCamelCaseOrFloatMoneyBodyWouldBeCaught() {
		assertThat(this.contract.validateRequest("POST", "/v1/platform/executions", """
				{"provider": "openai", "model": "gpt-4", "costMicros": 5000, "input_tokens": 1, "output_tokens": 1,
				 "success": true}
				""")).isNotEmpty();
		assertThat(this.contract.validateRequest("POST", "/v1/platform/executions", """
				{"provider": "openai", "model": "gpt-4", "cost_micros": 0.005, "input_tokens": 1, "output_tokens": 1,
				 "success": true}
				""")).isNotEmpty();
		assertThat(this.contract.validateRequest("POST", "/v1/platform/preauthorize", """
				{"provider": "openai", "model": "gpt-4", "routing_hints": {"agent_name": null}}
				""")).isNotEmpty();
	}

	private static void stubEveryCall() {
		Map.of("/v1/platform/policy/check", PlatformFixtures.POLICY_ALLOW, "/v1/platform/budget/validate",
				PlatformFixtures.BUDGET, "/v1/platform/executions", PlatformFixtures.EXECUTION,
				"/v1/platform/assumptions/validate", PlatformFixtures.ASSUMPTIONS, "/v1/platform/evidence/bundles",
				PlatformFixtures.EVIDENCE, "/v1/platform/preauthorize", PlatformFixtures.AUTHORIZED,
				"/v1/platform/proxy/execute", PlatformFixtures.PROXY, "/v1/platform/preferences/resolve",
				PlatformFixtures.RESOLVED)
			.forEach((path, body) -> platform.stubFor(post(path).willReturn(PlatformFixtures.json(200, body))));
		platform.stubFor(get("/v1/platform/risk-score").willReturn(PlatformFixtures.json(200, PlatformFixtures.RISK)));
		platform.stubFor(get(urlPathEqualTo("/v1/platform/preferences")).willReturn(PlatformFixtures.json(200,
				PlatformFixtures.PREFERENCES)));
	}

}
