package ai.specora.client.platform;

import java.time.Duration;
import java.util.Map;

import ai.specora.client.SpecoraClient;
import ai.specora.client.SpecoraClientBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * Shared set-up of the platform tests: a WireMock platform on 127.0.0.1, clients in
 * Model A and Model B with short back-off and no workflow id from the environment, and
 * the platform's canned answers (each valid against the OpenAPI copy).
 */
final class PlatformFixtures {

	static final String API_KEY = "sk_test_4f9c2e7a1b";

	static final String ORG_ID = "6f1d2c3b-0000-4000-8000-000000000001";

	static final String VENDOR_ID = "0b7e6c5d-0000-4000-8000-000000000003";

	static final String TENANT_ID = "1c8f7d6e-0000-4000-8000-000000000004";

	static final String POLICY_ALLOW = """
			{"decision": "allow", "severity": "low",
			 "invariants": [{"id": "inv_budget", "status": "pass", "reason": null},
			                {"id": "inv_tests", "status": "fail", "reason": "2 tests failing"}],
			 "override": {"eligible": true, "required_justification": true, "expires_max_seconds": 3600},
			 "some_future_field": 1}
			""";

	static final String POLICY_BLOCK = """
			{"decision": "block", "severity": "critical", "invariants": [], "override": {"eligible": false}}
			""";

	static final String BUDGET = """
			{"budget_remaining": 412.35, "budget_total": 500.00, "usage_percent": 17.53,
			 "forecast_breach": false, "enforcement_state": "normal"}
			""";

	static final String EXECUTION = """
			{"execution_id": "exe_1", "budget_remaining_micros": 412345678, "usage_percent": 17.6,
			 "enforcement_state": "throttled"}
			""";

	static final String ASSUMPTIONS = """
			{"severity": "high", "verification_required": true, "merge_eligible": false,
			 "violations": [{"assumption_id": "a1", "reason": "public API changed"}],
			 "recommendations": ["add a migration note"]}
			""";

	static final String EVIDENCE = """
			{"bundle_id": "bnd_1",
			 "bundle_hash": "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
			 "storage_path": "evidence/run-123/bnd_1.json"}
			""";

	static final String RISK = """
			{"risk_percentile": 42.5, "drift_risk": 0.12, "override_frequency_risk": 0.03,
			 "anomaly_status": "elevated"}
			""";

	static final String AUTHORIZED = """
			{"authorized": true, "authorization_id": "auth_1", "selected_provider": "deepseek",
			 "selected_model": "deepseek-chat", "reason": "workflow assignment", "expires_at": "2026-12-01T09:00:00Z"}
			""";

	static final String DENIED = """
			{"authorized": false, "authorization_id": null, "selected_provider": null, "selected_model": null,
			 "reason": "provider quarantined", "expires_at": null}
			""";

	static final String PROXY = """
			{"id": "cmpl_1", "provider": "deepseek", "model": "deepseek-chat", "content": "Hello!",
			 "finish_reason": "stop", "usage": {"input_tokens": 12, "output_tokens": 3}, "cost_micros": 42}
			""";

	static final String PREFERENCES = """
			{"preferences": [{"slot": 1, "provider_name": "anthropic", "model_name": "claude-sonnet-4",
			                  "capabilities": ["code_generation", "review"]},
			                 {"slot": 2, "provider_name": "ollama", "model_name": "qwen2.5-coder:32b"}]}
			""";

	static final String RESOLVED = """
			{"provider_name": "anthropic", "model_name": "claude-sonnet-4", "source": "workflow",
			 "fallback_used": false}
			""";

	private PlatformFixtures() {
	}

	static WireMockExtension platform() {
		return WireMockExtension.newInstance()
			.options(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"))
			.build();
	}

	/** A Model A (org-scoped) client; no workflow id from the process environment. */
	static SpecoraClientBuilder modelA(WireMockExtension platform) {
		return SpecoraClient.builder()
			.baseUrl("http://127.0.0.1:" + platform.getPort())
			.apiKey(API_KEY)
			.orgId(ORG_ID)
			.environment(Map.<String, String>of()::get)
			.timeout(Duration.ofSeconds(5))
			.deadline(Duration.ofSeconds(30))
			.retryBackoff(Duration.ofMillis(5), Duration.ofMillis(20));
	}

	/** A Model B (vendor-reseller) client. */
	static SpecoraClientBuilder modelB(WireMockExtension platform) {
		return modelA(platform).vendorId(VENDOR_ID).tenantId(TENANT_ID);
	}

	static ResponseDefinitionBuilder json(int status, String body) {
		return WireMock.aResponse()
			.withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Request-Id", "req_srv_42")
			.withBody(body);
	}

	static String error(String code, String message) {
		return """
				{"error": {"code": "%s", "message": "%s", "details": {"usage_percent": 104.5}}}
				""".formatted(code, message);
	}

	static PreAuthorizeRequest preAuthorizeRequest() {
		return PreAuthorizeRequest.builder(Provider.ANTHROPIC, "claude-sonnet-4-20250514")
			.estimatedTokens(2000)
			.estimatedCostMicros(500)
			.routingHints(RoutingHints.builder().agentName("pr-review-pipeline").purpose("summarize").build())
			.build();
	}

	static ExecutionRecordRequest executionRequest() {
		return ExecutionRecordRequest.builder(Provider.OPENAI, "gpt-4")
			.costMicros(5000)
			.tokens(1000, 500)
			.duration(Duration.ofMillis(1500))
			.externalRunId("your-id")
			.metadata("team", "checkout")
			.build();
	}

	static ProxyExecuteRequest proxyRequest(String authorizationId) {
		ProxyExecuteRequest.Builder builder = ProxyExecuteRequest.builder(Provider.OPENAI, "gpt-4")
			.message(ChatMessage.user("Hello"));
		return ((authorizationId != null) ? builder.authorizationId(authorizationId) : builder).build();
	}

}
