package ai.specora.localauthority;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.specora.client.contract.OpenApiContract;
import ai.specora.localauthority.AuthorityClient.Reply;
import ai.specora.localauthority.PlatformPolicy.Invariant;
import ai.specora.localauthority.PlatformPolicy.OverrideEligibility;
import ai.specora.localauthority.PlatformPolicy.Severity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Platform API endpoint of the local authority, its answers and its errors
 * validated against the project's OpenAPI copy of the protocol.
 */
class PlatformContractTests extends AbstractLocalAuthorityTests {

	private final OpenApiContract contract = OpenApiContract.get();

	@BeforeEach
	void startAuthority() {
		start((settings) -> settings.orgId("org-1")
			.platformBudget(PlatformBudget.daily("tenant-daily", 10_000))
			.platformPolicy(PlatformPolicy.block("unreviewed", "pr_run", Severity.HIGH,
					Invariant.failed("two-reviewers", "only one reviewer approved"))
				.withOverride(OverrideEligibility.withJustification(3600)))
			.preference(ModelPreference.forWorkflow("codegen", 1, "anthropic", "claude-sonnet-4", "code_generation"))
			.preference(ModelPreference.global(1, "openai", "gpt-4o", "chat"))
			.modelAssignment(ModelAssignment.of("support-agent", "deepseek", "deepseek-chat")));
	}

	private Reply post(String path, Object body) {
		String json = AuthorityClient.JSON.writeValueAsString(body);
		this.contract.assertValidRequest("POST", path, json);
		Reply reply = this.client.post(path, json);
		this.contract.assertValidResponse("POST", path, reply.status(), reply.raw());
		return reply;
	}

	private Reply get(String path) {
		Reply reply = this.client.get(path);
		this.contract.assertValidResponse("GET", path, reply.status(), reply.raw());
		return reply;
	}

	@Test
	void policyCheckAnswersMatchTheContract() {
		Reply blocked = post("/v1/platform/policy/check",
				Map.of("subject", Map.of("type", "pr_run", "id", "run-1"), "inputs", Map.of("repo", "shop")));
		assertThat(blocked.status()).isEqualTo(200);
		assertThat(blocked.text("decision")).isEqualTo("block");
		Reply allowed = post("/v1/platform/policy/check", Map.of("subject", Map.of("type", "deploy", "id", "d-1")));
		assertThat(allowed.text("decision")).isEqualTo("allow");
	}

	@Test
	void budgetValidationMatchesTheContract() {
		assertThat(post("/v1/platform/budget/validate", Map.of()).status()).isEqualTo(200);
		assertThat(post("/v1/platform/budget/validate", Map.of("scope", Map.of("action_type", "llm_call"))).status())
			.isEqualTo(200);
	}

	@Test
	void budgetValidationWithoutBudgetsMatchesTheContract() {
		start((settings) -> {
		});
		Reply reply = post("/v1/platform/budget/validate", Map.of());
		assertThat(reply.decimal("budget_total")).isZero();
		assertThat(reply.text("enforcement_state")).isEqualTo("normal");
	}

	@Test
	void executionsAndTheirExhaustionMatchTheContract() {
		Map<String, Object> execution = Map.of("provider", "openai", "model", "gpt-4o", "cost_micros", 10_000,
				"input_tokens", 1000, "output_tokens", 500, "duration_ms", 1500, "success", true,
				"external_run_id", "run-1", "metadata", Map.of("ticket", "T-1"));
		assertThat(post("/v1/platform/executions", execution).status()).isEqualTo(200);
		Reply exhausted = post("/v1/platform/executions", execution);
		assertThat(exhausted.status()).isEqualTo(402);
	}

	@Test
	void assumptionVerdictsMatchTheContract() {
		Reply reply = post("/v1/platform/assumptions/validate", Map.of("run_id", "run-1", "assumptions",
				List.of(Map.of("id", "a1", "description", "No breaking changes", "impact_level", "critical"),
						Map.of("id", "a2", "description", "Tests cover it", "impact_level", "low"))));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(post("/v1/platform/assumptions/validate", Map.of("run_id", "run-2", "assumptions", List.of()))
			.status()).isEqualTo(200);
	}

	@Test
	void evidenceBundlesMatchTheContract() {
		Reply reply = post("/v1/platform/evidence/bundles",
				Map.of("run_id", "run-1", "artifact_types", List.of("confidence_report", "trace"),
						"include_provenance", true));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text("bundle_hash")).matches("sha256:[0-9a-f]{64}");
		String bundlePath = "/v1/platform/evidence/bundles/{bundle_id}";
		assertThat(this.contract.document().at("/paths/" + bundlePath.replace("/", "~1") + "/get/responses/200/content")
			.has("application/zip")).isTrue();
		assertThat(this.contract.document()
			.at("/paths/~1v1~1platform~1evidence~1signing-key/get/responses/200/content")
			.has("application/x-pem-file")).isTrue();
		assertThat(get("/v1/platform/evidence/bundles/evb_unknown").status()).isEqualTo(404);
	}

	@Test
	void riskScoreMatchesTheContract() {
		assertThat(get("/v1/platform/risk-score").status()).isEqualTo(200);
	}

	@Test
	void preauthorizationsMatchTheContract() {
		Reply routed = post("/v1/platform/preauthorize",
				Map.of("provider", "anthropic", "model", "claude-sonnet-4", "estimated_tokens", 2000,
						"estimated_cost_micros", 500, "routing_hints",
						Map.of("agent_name", "support-agent", "purpose", "summarize", "workflow_type", "review",
								"preferred_region", "eu", "required_capability", "chat", "fallback_allowed", true)));
		assertThat(routed.body().get("authorized").asBoolean()).isTrue();
		Reply refused = post("/v1/platform/preauthorize", Map.of("provider", "openai", "model", "gpt-4o",
				"routing_hints", Map.of("agent_name", "unknown-agent", "fallback_allowed", false)));
		assertThat(refused.body().get("authorized").asBoolean()).isFalse();
		Reply overBudget = post("/v1/platform/preauthorize",
				Map.of("provider", "openai", "model", "gpt-4o", "estimated_cost_micros", 20_000));
		assertThat(overBudget.status()).isEqualTo(402);
	}

	@Test
	void proxyExecutionsMatchTheContract() {
		Reply authorized = post("/v1/platform/preauthorize", Map.of("provider", "openai", "model", "gpt-4o"));
		Reply reply = post("/v1/platform/proxy/execute",
				Map.of("provider", "openai", "model", "gpt-4o",
						"messages", List.of(Map.of("role", "system", "content", "Be brief."),
								Map.of("role", "user", "content", "Hello")),
						"max_tokens", 64, "temperature", 0.2, "authorization_id", authorized.text("authorization_id"),
						"routing_hints", Map.of("agent_name", "support-agent")));
		assertThat(reply.status()).isEqualTo(200);
		Reply unknown = post("/v1/platform/proxy/execute", Map.of("provider", "openai", "model", "gpt-4o",
				"messages", List.of(Map.of("role", "user", "content", "Hi")), "authorization_id", "auth_missing"));
		assertThat(unknown.status()).isEqualTo(422);
		this.clock.advance(Duration.ofMinutes(10));
		Reply expired = post("/v1/platform/proxy/execute", Map.of("provider", "openai", "model", "gpt-4o",
				"messages", List.of(Map.of("role", "user", "content", "Hi")), "authorization_id",
				authorized.text("authorization_id")));
		assertThat(expired.status()).isEqualTo(422);
	}

	@Test
	void preferencesMatchTheContract() {
		assertThat(get("/v1/platform/preferences").body().get("preferences")).hasSize(1);
		assertThat(get("/v1/platform/preferences?workflow_type=codegen").body().get("preferences")).hasSize(1);
		assertThat(get("/v1/platform/preferences?workflow_type=qa").body().get("preferences")).isEmpty();
		assertThat(get("/v1/platform/preferences?workflow_type=cooking").status()).isEqualTo(422);
	}

	@Test
	void resolvedPreferencesMatchTheContract() {
		assertThat(post("/v1/platform/preferences/resolve",
				Map.of("capabilities", List.of("code_generation"), "workflow_type", "codegen")).text("source"))
			.isEqualTo("workflow");
		assertThat(post("/v1/platform/preferences/resolve", Map.of("capabilities", List.of("telepathy")))
			.text("source")).isEqualTo("default");
	}

	@Test
	void badRequestsAnswerTheContractsErrorBody() {
		Reply missing = this.client.post("/v1/platform/executions", Map.of("provider", "openai"));
		assertThat(missing.status()).isEqualTo(422);
		this.contract.assertValidResponse("POST", "/v1/platform/executions", 422, missing.raw());
		Reply malformed = this.client.post("/v1/platform/preauthorize", "{\"provider\": ");
		assertThat(malformed.status()).isEqualTo(400);
		this.contract.assertValidResponse("POST", "/v1/platform/preauthorize", 400, malformed.raw());
		Reply modelA = this.client.modelA().post("/v1/platform/policy/check",
				Map.of("subject", Map.of("type", "pr_run", "id", "run-1")));
		assertThat(modelA.status()).isEqualTo(400);
		this.contract.assertValidResponse("POST", "/v1/platform/policy/check", 400, modelA.raw());
	}

}
