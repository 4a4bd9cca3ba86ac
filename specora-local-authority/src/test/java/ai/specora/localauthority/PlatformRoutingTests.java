package ai.specora.localauthority;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import ai.specora.localauthority.AuthorityClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for routing: workflow model assignments overriding the requested model in
 * {@code preauthorize}, the deterministic {@code proxy/execute} and its authorisations,
 * and the preference cascade.
 */
class PlatformRoutingTests extends AbstractLocalAuthorityTests {

	@BeforeEach
	void startAuthority() {
		start((settings) -> settings
			.policy(PolicyRule.block("no-qwen", "llm_call", "qwen is not approved").withScope(Map.of("provider", "qwen")))
			.modelAssignment(ModelAssignment.of("pr-review-pipeline", "anthropic", "claude-sonnet-4"))
			.modelAssignment(ModelAssignment.forPurpose("pr-review-pipeline", "summarize", "deepseek", "deepseek-chat"))
			.modelAssignment(ModelAssignment.of("translator", "qwen", "qwen-max"))
			.preference(ModelPreference.forWorkflow("codegen", 2, "openai", "gpt-4o", "code_generation"))
			.preference(ModelPreference.forWorkflow("codegen", 1, "anthropic", "claude-sonnet-4", "code_generation",
					"long_context"))
			.preference(ModelPreference.global(1, "gemini", "gemini-2.5-pro", "chat", "code_generation")));
	}

	private Reply preauthorize(Map<String, Object> hints) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("provider", "openai");
		body.put("model", "gpt-4o");
		body.put("estimated_tokens", 2000);
		body.put("estimated_cost_micros", 500);
		body.put("routing_hints", hints);
		Reply reply = this.client.post("/v1/platform/preauthorize", body);
		assertThat(reply.status()).isEqualTo(200);
		return reply;
	}

	private static Map<String, Object> userMessage(String content) {
		return Map.of("role", "user", "content", content);
	}

	@Test
	void thePurposeSpecificAssignmentOverridesTheRequestedModel() {
		Reply reply = preauthorize(Map.of("agent_name", "pr-review-pipeline", "purpose", "summarize"));
		assertThat(reply.body().get("authorized").asBoolean()).isTrue();
		assertThat(reply.text("selected_provider")).isEqualTo("deepseek");
		assertThat(reply.text("selected_model")).isEqualTo("deepseek-chat");
		assertThat(reply.text("reason")).contains("model assignment of agent 'pr-review-pipeline'")
			.contains("summarize");
	}

	@Test
	void theWorkflowDefaultAssignmentAppliesToOtherPurposes() {
		Reply reply = preauthorize(Map.of("agent_name", "pr-review-pipeline", "purpose", "security-review"));
		assertThat(reply.text("selected_provider")).isEqualTo("anthropic");
		assertThat(reply.text("selected_model")).isEqualTo("claude-sonnet-4");
		assertThat(preauthorize(Map.of("agent_name", "pr-review-pipeline")).text("selected_provider"))
			.isEqualTo("anthropic");
	}

	@Test
	void withoutAnAssignmentTheRequestedModelIsAuthorized() {
		Reply reply = preauthorize(Map.of("agent_name", "nightly-report"));
		assertThat(reply.body().get("authorized").asBoolean()).isTrue();
		assertThat(reply.text("selected_provider")).isEqualTo("openai");
		assertThat(reply.text("selected_model")).isEqualTo("gpt-4o");
		assertThat(reply.text("reason")).isNull();
	}

	@Test
	void noUsableAssignmentWithoutFallbackIsRefused() {
		Reply unassigned = preauthorize(Map.of("agent_name", "nightly-report", "fallback_allowed", false));
		assertThat(unassigned.body().get("authorized").asBoolean()).isFalse();
		assertThat(unassigned.text("authorization_id")).isNull();
		assertThat(unassigned.text("reason"))
			.isEqualTo("no model assignment for agent 'nightly-report' and fallback_allowed is false");
		Reply blocked = preauthorize(Map.of("agent_name", "translator", "fallback_allowed", false));
		assertThat(blocked.body().get("authorized").asBoolean()).isFalse();
		assertThat(blocked.text("selected_provider")).isEqualTo("qwen");
		assertThat(blocked.text("reason")).contains("qwen is not approved").contains("fallback_allowed is false");
		Reply anonymous = preauthorize(Map.of("fallback_allowed", false));
		assertThat(anonymous.text("reason")).contains("no agent_name");
	}

	@Test
	void aBlockedAssignmentFallsBackToTheRequestedModelWhenAllowed() {
		Reply reply = preauthorize(Map.of("agent_name", "translator"));
		assertThat(reply.body().get("authorized").asBoolean()).isTrue();
		assertThat(reply.text("selected_provider")).isEqualTo("openai");
		assertThat(reply.text("selected_model")).isEqualTo("gpt-4o");
	}

	@Test
	void proxyExecuteEchoesACannedCompletionWithUsageAndCost() {
		Reply reply = this.client.post("/v1/platform/proxy/execute", Map.of("provider", "openai", "model", "gpt-4o",
				"messages", List.of(Map.of("role", "system", "content", "Be brief."), userMessage("Hello"))));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text("id")).startsWith("cmpl_");
		assertThat(reply.text("provider")).isEqualTo("openai");
		String content = "Echo from the Specora local authority (openai/gpt-4o): Hello";
		assertThat(reply.text("content")).isEqualTo(content);
		assertThat(reply.text("finish_reason")).isEqualTo("stop");
		long input = 3 + 2;
		long output = (content.length() + 3) / 4;
		assertThat(reply.body().get("usage").get("input_tokens").asLong()).isEqualTo(input);
		assertThat(reply.body().get("usage").get("output_tokens").asLong()).isEqualTo(output);
		assertThat(reply.body().get("cost_micros").asLong()).isEqualTo(input * 3 + output * 15);
		Reply again = this.client.post("/v1/platform/proxy/execute", Map.of("provider", "openai", "model", "gpt-4o",
				"messages", List.of(Map.of("role", "system", "content", "Be brief."), userMessage("Hello"))));
		assertThat(again.text("content")).as("deterministic").isEqualTo(reply.text("content"));
		assertThat(again.text("id")).isNotEqualTo(reply.text("id"));
	}

	@Test
	void maxTokensCutsTheCompletion() {
		Reply reply = this.client.post("/v1/platform/proxy/execute", Map.of("provider", "openai", "model", "gpt-4o",
				"messages", List.of(userMessage("Tell me everything")), "max_tokens", 2));
		assertThat(reply.text("content")).isEqualTo("Echo fro");
		assertThat(reply.text("finish_reason")).isEqualTo("length");
		assertThat(reply.body().get("usage").get("output_tokens").asLong()).isEqualTo(2);
	}

	@Test
	void proxyExecuteHonoursThePriorAuthorization() {
		Reply authorization = preauthorize(Map.of("agent_name", "pr-review-pipeline", "purpose", "summarize"));
		Reply reply = this.client.post("/v1/platform/proxy/execute", Map.of("provider", "openai", "model", "gpt-4o",
				"messages", List.of(userMessage("Summarize this PR")), "authorization_id",
				authorization.text("authorization_id")));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text("provider")).isEqualTo("deepseek");
		assertThat(reply.text("model")).isEqualTo("deepseek-chat");
	}

	@Test
	void proxyExecuteWithoutAuthorizationRoutesLikePreauthorize() {
		Reply routed = this.client.post("/v1/platform/proxy/execute", Map.of("provider", "openai", "model", "gpt-4o",
				"messages", List.of(userMessage("Review")), "routing_hints", Map.of("agent_name", "pr-review-pipeline")));
		assertThat(routed.text("provider")).isEqualTo("anthropic");
		Reply blocked = this.client.post("/v1/platform/proxy/execute", Map.of("provider", "qwen", "model", "qwen-max",
				"messages", List.of(userMessage("Hi"))));
		assertThat(blocked.status()).isEqualTo(403);
		assertThat(blocked.errorCode()).isEqualTo("policy_blocked");
		assertThat(blocked.errorMessage()).isEqualTo("qwen is not approved");
	}

	@Test
	void anUnknownOrExpiredAuthorizationIsRefused() {
		Reply unknown = this.client.post("/v1/platform/proxy/execute", Map.of("provider", "openai", "model", "gpt-4o",
				"messages", List.of(userMessage("Hi")), "authorization_id", "auth_unknown"));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.errorCode()).isEqualTo("authorization_unknown");
		assertThat(unknown.body().get("error").get("details").get("field").asString()).isEqualTo("authorization_id");
		assertThat(unknown.errorMessage()).contains("call preauthorize first");
		Reply authorization = preauthorize(Map.of());
		assertThat(authorization.text("expires_at")).isEqualTo("2026-11-21T10:05:00Z");
		this.clock.advance(Duration.ofMinutes(5));
		Reply expired = this.client.post("/v1/platform/proxy/execute", Map.of("provider", "openai", "model", "gpt-4o",
				"messages", List.of(userMessage("Hi")), "authorization_id", authorization.text("authorization_id")));
		assertThat(expired.status()).isEqualTo(422);
		assertThat(expired.errorCode()).isEqualTo("authorization_expired");
		assertThat(expired.body().get("error").get("details").get("field").asString()).isEqualTo("authorization_id");
	}

	@Test
	void preferencesAreServedBySlotPerWorkflowTypeOrGlobally() {
		JsonNode codegen = this.client.get("/v1/platform/preferences?workflow_type=codegen").body().get("preferences");
		assertThat(codegen).hasSize(2);
		assertThat(codegen.get(0).get("slot").asInt()).isEqualTo(1);
		assertThat(codegen.get(0).get("provider_name").asString()).isEqualTo("anthropic");
		assertThat(codegen.get(0).get("model_name").asString()).isEqualTo("claude-sonnet-4");
		assertThat(codegen.get(0).get("capabilities").get(1).asString()).isEqualTo("long_context");
		assertThat(codegen.get(1).get("provider_name").asString()).isEqualTo("openai");
		JsonNode global = this.client.get("/v1/platform/preferences").body().get("preferences");
		assertThat(global).hasSize(1);
		assertThat(global.get(0).get("provider_name").asString()).isEqualTo("gemini");
	}

	@Test
	void resolveCascadesFromTheWorkflowToGlobalToTheDefault() {
		Reply workflow = resolve(List.of("code_generation"), "codegen");
		assertThat(workflow.text("provider_name")).isEqualTo("anthropic");
		assertThat(workflow.text("source")).isEqualTo("workflow");
		assertThat(workflow.body().get("fallback_used").asBoolean()).isFalse();
		Reply global = resolve(List.of("chat"), "codegen");
		assertThat(global.text("provider_name")).isEqualTo("gemini");
		assertThat(global.text("source")).isEqualTo("global");
		assertThat(global.body().get("fallback_used").asBoolean()).isTrue();
		Reply globalOnly = resolve(List.of("chat"), null);
		assertThat(globalOnly.text("source")).isEqualTo("global");
		assertThat(globalOnly.body().get("fallback_used").asBoolean()).isFalse();
		Reply fallback = resolve(List.of("vision"), "codegen");
		assertThat(fallback.text("provider_name")).isEqualTo(LocalAuthoritySettings.DEFAULT_PROVIDER);
		assertThat(fallback.text("model_name")).isEqualTo(LocalAuthoritySettings.DEFAULT_MODEL);
		assertThat(fallback.text("source")).isEqualTo("default");
		assertThat(fallback.body().get("fallback_used").asBoolean()).isTrue();
	}

	@Test
	void withoutADefaultNothingResolves() {
		start((settings) -> settings.defaultModel(null, null));
		Reply reply = resolve(List.of("chat"), null);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text("provider_name")).isNull();
		assertThat(reply.text("model_name")).isNull();
		assertThat(reply.body().get("fallback_used").asBoolean()).isTrue();
	}

	private Reply resolve(List<String> capabilities, String workflowType) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("capabilities", capabilities);
		if (workflowType != null) {
			body.put("workflow_type", workflowType);
		}
		Reply reply = this.client.post("/v1/platform/preferences/resolve", body);
		assertThat(reply.status()).isEqualTo(200);
		return reply;
	}

}
