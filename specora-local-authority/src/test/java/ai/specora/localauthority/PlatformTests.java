package ai.specora.localauthority;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.specora.localauthority.AuthorityClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the platform endpoints: budget validation, risk score and
 * pre-authorisation.
 */
class PlatformTests extends AbstractLocalAuthorityTests {

	@BeforeEach
	void startAuthority() {
		start((settings) -> settings
			.policy(PolicyRule.block("no-deepseek", "llm_call", "provider not approved")
				.withScope(Map.of("provider", "deepseek")))
			.policy(PolicyRule.block("drops", "db_drop", null))
			.budget(BudgetRule.of("llm", "llm_call", new BigDecimal("1.00"), Duration.ofDays(1)))
			.budget(BudgetRule.of("db", "db_*", new BigDecimal("10"), Duration.ofDays(1))
				.withScope(Map.of("table", "users"))));
	}

	@Test
	void budgetValidateReportsTheTightestBudget() {
		this.client.enforce("db_write", new BigDecimal("8.5"), Map.of("table", "users"));
		Reply all = this.client.post("/v1/platform/budget/validate", "{}");
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.text("budget_name")).isEqualTo("db");
		assertThat(all.decimal("budget_total")).isEqualByComparingTo("10");
		assertThat(all.decimal("budget_remaining")).isEqualByComparingTo("1.5");
		assertThat(all.decimal("usage_percent")).isEqualByComparingTo("85");
		assertThat(all.text("enforcement_state")).isEqualTo("throttled");
		assertThat(all.body().get("forecast_breach").asBoolean()).isTrue();
		Reply llm = this.client.post("/v1/platform/budget/validate", Map.of("scope", Map.of("action_type", "llm_call")));
		assertThat(llm.text("budget_name")).isEqualTo("llm");
		assertThat(llm.decimal("usage_percent")).isEqualByComparingTo("0");
		assertThat(llm.text("enforcement_state")).isEqualTo("normal");
		assertThat(llm.body().get("forecast_breach").asBoolean()).isFalse();
		Reply empty = this.client.post("/v1/platform/budget/validate", "");
		assertThat(empty.status()).isEqualTo(200);
	}

	@Test
	void budgetValidateReportsBlockedWhenExhausted() {
		this.client.enforce("db_write", new BigDecimal("10"), Map.of("table", "users"));
		Reply reply = this.client.post("/v1/platform/budget/validate", Map.of("scope", Map.of("table", "users")));
		assertThat(reply.text("enforcement_state")).isEqualTo("blocked");
		assertThat(reply.decimal("usage_percent")).isEqualByComparingTo("100");
	}

	@Test
	void riskScoreFollowsTheBlockRatio() {
		Reply calm = this.client.get("/v1/platform/risk-score");
		assertThat(calm.status()).isEqualTo(200);
		assertThat(calm.body().get("risk_percentile").asInt()).isZero();
		assertThat(calm.text("anomaly_status")).isEqualTo("normal");
		assertThat(calm.body().has("drift_risk")).isTrue();
		assertThat(calm.body().has("override_frequency_risk")).isTrue();
		this.client.enforce("db_drop", BigDecimal.ZERO);
		this.client.enforce("search", BigDecimal.ZERO);
		Reply risky = this.client.get("/v1/platform/risk-score");
		assertThat(risky.body().get("risk_percentile").asInt()).isEqualTo(50);
		assertThat(risky.text("anomaly_status")).isEqualTo("critical");
	}

	@Test
	void preauthorizeAuthorizesTheRequestedModel() {
		Reply reply = this.client.post("/v1/platform/preauthorize",
				Map.of("provider", "anthropic", "model", "claude-sonnet", "estimated_tokens", 1000,
						"estimated_cost_micros", 20000, "routing_hints", Map.of("workflow_type", "codegen")));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().get("authorized").asBoolean()).isTrue();
		assertThat(reply.text("authorization_id")).startsWith("auth_");
		assertThat(reply.text("selected_provider")).isEqualTo("anthropic");
		assertThat(reply.text("selected_model")).isEqualTo("claude-sonnet");
		assertThat(reply.text("expires_at")).isEqualTo("2026-11-21T10:05:00Z");
	}

	@Test
	void preauthorizeRefusesWhatAPolicyBlocks() {
		Reply reply = this.client.post("/v1/platform/preauthorize", Map.of("provider", "deepseek", "model", "r1"));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().get("authorized").asBoolean()).isFalse();
		assertThat(reply.text("reason")).isEqualTo("provider not approved");
		assertThat(reply.text("authorization_id")).isNull();
	}

	@Test
	void preauthorizeOverBudgetIsPaymentRequired() {
		Reply reply = this.client.post("/v1/platform/preauthorize",
				Map.of("provider", "openai", "model", "gpt", "estimated_cost_micros", 2_000_000));
		assertThat(reply.status()).isEqualTo(402);
		assertThat(reply.errorCode()).isEqualTo("budget_exceeded");
		assertThat(reply.body().get("error").get("details").get("usage_percent").decimalValue())
			.isEqualByComparingTo("0");
	}

	@Test
	void preauthorizeValidatesItsRequest() {
		Reply reply = this.client.post("/v1/platform/preauthorize", Map.of("model", "gpt"));
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.body().get("error").get("details").get("field").asString()).isEqualTo("provider");
	}

}
