package ai.specora.client.platform;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ai.specora.client.SpecoraClient;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Every platform call against a WireMock platform: the JSON sent (snake_case, micro-USD
 * integers, unset fields omitted), the headers, and every field of the answer.
 */
class PlatformCallsTest {

	private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	@RegisterExtension
	static WireMockExtension platform = PlatformFixtures.platform();

	private final SpecoraClient client = PlatformFixtures.modelB(platform).build();

	@Test
	void checkPolicySendsSubjectAndInputsAndReadsEveryField() {
		platform.stubFor(post("/v1/platform/policy/check").willReturn(PlatformFixtures.json(200,
				PlatformFixtures.POLICY_ALLOW)));
		PolicyCheckResult result = this.client.platform()
			.checkPolicy(PolicyCheckRequest.builder("pr_run", "run-123").input("branch", "main").build());
		platform.verify(postRequestedFor(urlEqualTo("/v1/platform/policy/check")).withRequestBody(equalToJson("""
				{"subject": {"type": "pr_run", "id": "run-123"}, "inputs": {"branch": "main"}}
				""", false, false)));
		assertThat(result.decision()).isEqualTo(PolicyDecision.ALLOW);
		assertThat(result.isAllowed()).isTrue();
		assertThat(result.isFailOpen()).isFalse();
		assertThat(result.failOpen()).isFalse();
		assertThat(result.severity()).isEqualTo(Severity.LOW);
		assertThat(result.invariants()).containsExactly(new PolicyInvariant("inv_budget", InvariantStatus.PASS, null),
				new PolicyInvariant("inv_tests", InvariantStatus.FAIL, "2 tests failing"));
		assertThat(result.override()).isEqualTo(new PolicyOverride(true, true, 3600L));
	}

	@Test
	void checkPolicyWithoutInputsOmitsThem() {
		platform.stubFor(post("/v1/platform/policy/check").willReturn(PlatformFixtures.json(200,
				PlatformFixtures.POLICY_BLOCK)));
		PolicyCheckResult result = this.client.platform().checkPolicy(PolicyCheckRequest.of("pr_run", "run-9"));
		platform.verify(postRequestedFor(urlEqualTo("/v1/platform/policy/check")).withRequestBody(equalToJson("""
				{"subject": {"type": "pr_run", "id": "run-9"}}
				""", false, false)));
		assertThat(result.decision()).isEqualTo(PolicyDecision.BLOCK);
		assertThat(result.isAllowed()).isFalse();
		assertThat(result.severity()).isEqualTo(Severity.CRITICAL);
		assertThat(result.override()).isEqualTo(new PolicyOverride(false, false, null));
	}

	@Test
	void validateBudgetSendsAnEmptyObjectOrAScopeAndReadsDecimalUsd() {
		platform.stubFor(post("/v1/platform/budget/validate").willReturn(PlatformFixtures.json(200,
				PlatformFixtures.BUDGET)));
		BudgetValidationResult result = this.client.platform().validateBudget();
		this.client.platform().validateBudget(BudgetValidationRequest.scoped(java.util.Map.of("project", "checkout")));
		List<String> bodies = platform.findAll(postRequestedFor(urlEqualTo("/v1/platform/budget/validate")))
			.stream()
			.map((request) -> request.getBodyAsString())
			.toList();
		assertThat(bodies).containsExactly("{}", "{\"scope\":{\"project\":\"checkout\"}}");
		assertThat(result.budgetRemaining()).isEqualByComparingTo(new BigDecimal("412.35"));
		assertThat(result.budgetTotal()).isEqualByComparingTo(new BigDecimal("500.00"));
		assertThat(result.usagePercent()).isEqualTo(17.53);
		assertThat(result.forecastBreach()).isFalse();
		assertThat(result.enforcementState()).isEqualTo(EnforcementState.NORMAL);
	}

	@Test
	void recordExecutionSendsMicroUsdIntegers() {
		platform.stubFor(post("/v1/platform/executions").willReturn(PlatformFixtures.json(200,
				PlatformFixtures.EXECUTION)));
		ExecutionRecordResult result = this.client.platform().recordExecution(PlatformFixtures.executionRequest());
		platform.verify(postRequestedFor(urlEqualTo("/v1/platform/executions")).withRequestBody(equalToJson("""
				{"provider": "openai", "model": "gpt-4", "cost_micros": 5000, "input_tokens": 1000,
				 "output_tokens": 500, "duration_ms": 1500, "success": true, "external_run_id": "your-id",
				 "metadata": {"team": "checkout"}}
				""", false, false)));
		assertThat(result).isEqualTo(new ExecutionRecordResult("exe_1", 412345678L, 17.6,
				EnforcementState.THROTTLED));
	}

	@Test
	void recordExecutionOmitsUnsetOptionalFields() {
		platform.stubFor(post("/v1/platform/executions").willReturn(PlatformFixtures.json(200,
				PlatformFixtures.EXECUTION)));
		this.client.platform()
			.recordExecution(ExecutionRecordRequest.builder(Provider.OLLAMA, "llama3:8b").success(false).build());
		platform.verify(postRequestedFor(urlEqualTo("/v1/platform/executions")).withRequestBody(equalToJson("""
				{"provider": "ollama", "model": "llama3:8b", "cost_micros": 0, "input_tokens": 0,
				 "output_tokens": 0, "success": false}
				""", false, false)));
	}

	@Test
	void validateAssumptionsSendsImpactLevelsAndReadsViolations() {
		platform.stubFor(post("/v1/platform/assumptions/validate").willReturn(PlatformFixtures.json(200,
				PlatformFixtures.ASSUMPTIONS)));
		AssumptionsValidationResult result = this.client.platform()
			.validateAssumptions(AssumptionsValidationRequest.builder("run-123")
				.assumption("a1", "No breaking changes", Severity.HIGH)
				.build());
		platform.verify(postRequestedFor(urlEqualTo("/v1/platform/assumptions/validate"))
			.withRequestBody(equalToJson("""
					{"run_id": "run-123",
					 "assumptions": [{"id": "a1", "description": "No breaking changes", "impact_level": "high"}]}
					""", false, false)));
		assertThat(result.severity()).isEqualTo(Severity.HIGH);
		assertThat(result.verificationRequired()).isTrue();
		assertThat(result.mergeEligible()).isFalse();
		assertThat(result.violations()).containsExactly(new AssumptionViolation("a1", "public API changed"));
		assertThat(result.recommendations()).containsExactly("add a migration note");
	}

	@Test
	void generateEvidenceBundleSendsArtifactTypes() {
		platform.stubFor(post("/v1/platform/evidence/bundles").willReturn(PlatformFixtures.json(200,
				PlatformFixtures.EVIDENCE)));
		EvidenceBundleResult result = this.client.platform()
			.generateEvidenceBundle(EvidenceBundleRequest.of("run-123", "confidence_report", "trace"));
		platform.verify(postRequestedFor(urlEqualTo("/v1/platform/evidence/bundles")).withRequestBody(equalToJson("""
				{"run_id": "run-123", "artifact_types": ["confidence_report", "trace"], "include_provenance": true}
				""", false, false)));
		assertThat(result.bundleId()).isEqualTo("bnd_1");
		assertThat(result.bundleHash()).startsWith("sha256:").hasSize(71);
		assertThat(result.storagePath()).isEqualTo("evidence/run-123/bnd_1.json");
	}

	@Test
	void getRiskScoreIsAGetWithoutBodyOrIdempotencyKey() {
		platform.stubFor(get("/v1/platform/risk-score").willReturn(PlatformFixtures.json(200, PlatformFixtures.RISK)));
		RiskScoreResult result = this.client.platform().getRiskScore();
		platform.verify(getRequestedFor(urlEqualTo("/v1/platform/risk-score")).withHeader("Idempotency-Key", absent()));
		assertThat(result).isEqualTo(new RiskScoreResult(42.5, 0.12, 0.03, AnomalyStatus.ELEVATED));
	}

	@Test
	void preAuthorizeSendsRoutingHintsAndReadsTheSelectedProvider() {
		platform.stubFor(post("/v1/platform/preauthorize").willReturn(PlatformFixtures.json(200,
				PlatformFixtures.AUTHORIZED)));
		PreAuthorizationResult result = this.client.platform().preAuthorize(PlatformFixtures.preAuthorizeRequest());
		platform.verify(postRequestedFor(urlEqualTo("/v1/platform/preauthorize")).withRequestBody(equalToJson("""
				{"provider": "anthropic", "model": "claude-sonnet-4-20250514", "estimated_tokens": 2000,
				 "estimated_cost_micros": 500,
				 "routing_hints": {"agent_name": "pr-review-pipeline", "purpose": "summarize"}}
				""", false, false)));
		assertThat(result.authorized()).isTrue();
		assertThat(result.authorizationId()).isEqualTo("auth_1");
		assertThat(result.selectedProvider()).isEqualTo(Provider.DEEPSEEK);
		assertThat(result.selectedModel()).isEqualTo("deepseek-chat");
		assertThat(result.reason()).isEqualTo("workflow assignment");
		assertThat(result.expiresAt()).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
		assertThat(result.isFailOpen()).isFalse();
	}

	@Test
	void preAuthorizeRefusalIsReturnedNotRaised() {
		platform.stubFor(post("/v1/platform/preauthorize").willReturn(PlatformFixtures.json(200,
				PlatformFixtures.DENIED)));
		PreAuthorizationResult result = this.client.platform().preAuthorize(PlatformFixtures.preAuthorizeRequest());
		assertThat(result.authorized()).isFalse();
		assertThat(result.authorizationId()).isNull();
		assertThat(result.selectedProvider()).isNull();
		assertThat(result.reason()).isEqualTo("provider quarantined");
		assertThat(result.failOpen()).isFalse();
	}

	@Test
	void proxyExecuteCarriesTheAuthorizationAndTheSelectedModel() {
		platform.stubFor(post("/v1/platform/preauthorize").willReturn(PlatformFixtures.json(200,
				PlatformFixtures.AUTHORIZED)));
		platform.stubFor(post("/v1/platform/proxy/execute").willReturn(PlatformFixtures.json(200,
				PlatformFixtures.PROXY)));
		PreAuthorizationResult authorization = this.client.platform()
			.preAuthorize(PlatformFixtures.preAuthorizeRequest());
		ProxyExecuteResult result = this.client.platform()
			.proxyExecute(ProxyExecuteRequest.builder(Provider.ANTHROPIC, "claude-sonnet-4-20250514")
				.message(ChatMessage.system("Be brief."))
				.message("user", "Hello")
				.maxTokens(256)
				.temperature(0.2)
				.authorization(authorization)
				.build());
		platform.verify(postRequestedFor(urlEqualTo("/v1/platform/proxy/execute")).withRequestBody(equalToJson("""
				{"provider": "deepseek", "model": "deepseek-chat",
				 "messages": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hello"}],
				 "max_tokens": 256, "temperature": 0.2, "authorization_id": "auth_1"}
				""", false, false)));
		assertThat(result).isEqualTo(new ProxyExecuteResult("cmpl_1", Provider.DEEPSEEK, "deepseek-chat", "Hello!",
				"stop", new TokenUsage(12, 3), 42));
	}

	@Test
	void getPreferencesGlobalAndPerWorkflowType() {
		platform.stubFor(get(urlPathEqualTo("/v1/platform/preferences")).willReturn(PlatformFixtures.json(200,
				PlatformFixtures.PREFERENCES)));
		PreferencesResult global = this.client.platform().getPreferences();
		this.client.platform().getPreferences(WorkflowType.CODEGEN);
		platform.verify(getRequestedFor(urlEqualTo("/v1/platform/preferences")));
		platform.verify(getRequestedFor(urlEqualTo("/v1/platform/preferences?workflow_type=codegen")));
		assertThat(global.preferences()).containsExactly(
				new ModelPreference(1, Provider.ANTHROPIC, "claude-sonnet-4", List.of("code_generation", "review")),
				new ModelPreference(2, Provider.OLLAMA, "qwen2.5-coder:32b", List.of()));
	}

	@Test
	void resolvePreferenceSendsCapabilitiesAndWorkflowType() {
		platform.stubFor(post("/v1/platform/preferences/resolve").willReturn(PlatformFixtures.json(200,
				PlatformFixtures.RESOLVED)));
		PreferenceResolveResult result = this.client.platform()
			.resolvePreference(PreferenceResolveRequest.of(WorkflowType.CODEGEN, "code_generation"));
		platform.verify(postRequestedFor(urlEqualTo("/v1/platform/preferences/resolve"))
			.withRequestBody(equalToJson("""
					{"capabilities": ["code_generation"], "workflow_type": "codegen"}
					""", false, false)));
		assertThat(result).isEqualTo(new PreferenceResolveResult(Provider.ANTHROPIC, "claude-sonnet-4", "workflow",
				false));
		assertThat(result.isResolved()).isTrue();
	}

	@Test
	void resolvePreferenceWithNothingMatched() {
		platform.stubFor(post("/v1/platform/preferences/resolve").willReturn(PlatformFixtures.json(200, """
				{"provider_name": null, "model_name": null, "source": null, "fallback_used": true}
				""")));
		PreferenceResolveResult result = this.client.platform()
			.resolvePreference(new PreferenceResolveRequest(List.of("vision"), null));
		platform.verify(postRequestedFor(urlEqualTo("/v1/platform/preferences/resolve"))
			.withRequestBody(equalToJson("{\"capabilities\": [\"vision\"]}", false, false)));
		assertThat(result.isResolved()).isFalse();
		assertThat(result.fallbackUsed()).isTrue();
	}

	@Test
	void everyPostCarriesAuthUserAgentModelBHeadersAndAFreshIdempotencyKey() {
		platform.stubFor(post("/v1/platform/executions").willReturn(PlatformFixtures.json(200,
				PlatformFixtures.EXECUTION)));
		this.client.platform().recordExecution(PlatformFixtures.executionRequest());
		this.client.platform().recordExecution(PlatformFixtures.executionRequest());
		var sent = platform.findAll(postRequestedFor(urlEqualTo("/v1/platform/executions"))
			.withHeader("Authorization", equalTo("Bearer " + PlatformFixtures.API_KEY))
			.withHeader("Content-Type", matching("application/json.*"))
			.withHeader("User-Agent", matching("specora-java/[^ ]+ \\(java/.+\\)"))
			.withHeader("X-Specora-Retry-Count", equalTo("0"))
			.withHeader("X-Specora-Vendor-Id", equalTo(PlatformFixtures.VENDOR_ID))
			.withHeader("X-Specora-Tenant-Id", equalTo(PlatformFixtures.TENANT_ID))
			.withHeader("Idempotency-Key", matching(UUID_PATTERN)));
		assertThat(sent).hasSize(2);
		assertThat(sent.get(0).getHeader("Idempotency-Key")).isNotEqualTo(sent.get(1).getHeader("Idempotency-Key"));
	}

	@Test
	void aRecordSentUnderTheCallersKeyCarriesThatKeyEveryTime() {
		platform.stubFor(post("/v1/platform/executions").willReturn(PlatformFixtures.json(200,
				PlatformFixtures.EXECUTION)));
		UUID key = UUID.fromString("0b6f3c2e-7d1a-4c55-9a1e-3f2d8c4b5a61");
		this.client.platform().recordExecution(PlatformFixtures.executionRequest(), key);
		this.client.reactive().platform().recordExecution(PlatformFixtures.executionRequest(), key).block();
		var sent = platform.findAll(postRequestedFor(urlEqualTo("/v1/platform/executions")));
		assertThat(sent).hasSize(2);
		assertThat(sent).allSatisfy((request) -> assertThat(request.getHeader("Idempotency-Key"))
			.isEqualTo(key.toString()));
		assertThatNullPointerException()
			.isThrownBy(() -> this.client.platform().recordExecution(PlatformFixtures.executionRequest(), null))
			.withMessageContaining("idempotencyKey");
	}

	@Test
	void theReactiveClientMakesTheSameCallsWithoutBlocking() {
		platform.stubFor(get("/v1/platform/risk-score").willReturn(PlatformFixtures.json(200, PlatformFixtures.RISK)));
		platform.stubFor(post("/v1/platform/preauthorize").willReturn(PlatformFixtures.json(200,
				PlatformFixtures.AUTHORIZED)));
		ReactivePlatformClient reactive = this.client.reactive().platform();
		assertThat(this.client.platform().reactive()).isSameAs(reactive);
		StepVerifier.create(reactive.getRiskScore())
			.assertNext((risk) -> assertThat(risk.anomalyStatus()).isEqualTo(AnomalyStatus.ELEVATED))
			.verifyComplete();
		StepVerifier.create(reactive.preAuthorize(PlatformFixtures.preAuthorizeRequest()))
			.assertNext((auth) -> assertThat(auth.authorizationId()).isEqualTo("auth_1"))
			.verifyComplete();
	}

	@Test
	void aReactiveCallSendsNothingUntilSubscribed() {
		this.client.reactive().platform().recordExecution(PlatformFixtures.executionRequest());
		assertThat(platform.getAllServeEvents()).isEmpty();
	}

	@Test
	void theApiKeyIsNeverShown() {
		assertThat(this.client.platform().toString()).doesNotContain(PlatformFixtures.API_KEY);
		assertThat(this.client.reactive().platform().toString()).doesNotContain(PlatformFixtures.API_KEY);
	}

}
