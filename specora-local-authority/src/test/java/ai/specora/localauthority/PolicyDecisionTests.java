package ai.specora.localauthority;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.specora.localauthority.AuthorityClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for policy evaluation over HTTP: effects, globs, scope matchers, order and the
 * default effect.
 */
class PolicyDecisionTests extends AbstractLocalAuthorityTests {

	@Test
	void allowPolicyAllowsWithReservationAndExpiry() {
		start((settings) -> settings.defaultEffect(PolicyEffect.BLOCK).policy(PolicyRule.allow("reads", "db_read")));
		Reply reply = this.client.enforce("db_read", new BigDecimal("0.02"));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text("decision")).isEqualTo("allow");
		assertThat(reply.text("journal_id")).startsWith("jrn_");
		assertThat(reply.text("reservation_id")).startsWith("res_");
		assertThat(reply.text("policy_id")).isEqualTo("pol_reads");
		assertThat(reply.text("source")).isEqualTo("authority");
		assertThat(reply.text("expires_at")).isNotNull();
		assertThat(reply.text("blocked_reason")).isNull();
		assertThat(reply.body().has("approval_id")).isTrue();
	}

	@Test
	void blockPolicyBlocksWithItsReason() {
		start((settings) -> settings.policy(PolicyRule.block("no-drops", "db_drop", "dropping tables is not allowed")));
		Reply reply = this.client.enforce("db_drop", BigDecimal.ZERO);
		assertThat(reply.text("decision")).isEqualTo("block");
		assertThat(reply.text("blocked_reason")).isEqualTo("dropping tables is not allowed");
		assertThat(reply.text("policy_id")).isEqualTo("pol_no-drops");
		assertThat(reply.text("reservation_id")).isNull();
		assertThat(reply.text("expires_at")).isNull();
	}

	@Test
	void blockPolicyWithoutReasonNamesTheRule() {
		start((settings) -> settings.policy(PolicyRule.block("no-drops", "db_drop", null)));
		assertThat(this.client.enforce("db_drop", BigDecimal.ZERO).text("blocked_reason"))
			.isEqualTo("blocked by policy 'no-drops'");
	}

	@Test
	void suspendPolicySuspendsWithApprovalIdAndSource() {
		start((settings) -> settings.policy(PolicyRule.suspend("refunds", "refund", "slack:#sec-approvals")));
		Reply reply = this.client.enforce("refund", BigDecimal.ONE);
		assertThat(reply.text("decision")).isEqualTo("suspend");
		assertThat(reply.text("approval_source")).isEqualTo("slack:#sec-approvals");
		assertThat(reply.text("approval_id")).startsWith("apr_");
		assertThat(reply.text("reservation_id")).isNull();
		Reply journal = this.client.journal(reply.text("journal_id"));
		assertThat(journal.text("approval_state")).isEqualTo("pending");
		assertThat(journal.text("status")).isEqualTo("pending");
		assertThat(journal.text("approval_id")).isEqualTo(reply.text("approval_id"));
	}

	@Test
	void actionTypeGlobsMatchStarAndQuestionMark() {
		start((settings) -> settings.policy(PolicyRule.block("db", "db_*", null))
			.policy(PolicyRule.block("v", "v?", null)));
		assertThat(this.client.enforce("db_write", BigDecimal.ZERO).text("decision")).isEqualTo("block");
		assertThat(this.client.enforce("db_", BigDecimal.ZERO).text("decision")).isEqualTo("block");
		assertThat(this.client.enforce("dbx_write", BigDecimal.ZERO).text("decision")).isEqualTo("allow");
		assertThat(this.client.enforce("v1", BigDecimal.ZERO).text("decision")).isEqualTo("block");
		assertThat(this.client.enforce("v12", BigDecimal.ZERO).text("decision")).isEqualTo("allow");
	}

	@Test
	void scopeMatchersMustAllMatchAndMissingKeyDoesNotMatch() {
		start((settings) -> settings.policy(
				PolicyRule.block("prod-users", "db_*", null).withScope(Map.of("table", "user*", "env", "prod"))));
		assertThat(this.client.enforce("db_write", BigDecimal.ZERO, Map.of("table", "users", "env", "prod"))
			.text("decision")).isEqualTo("block");
		assertThat(this.client.enforce("db_write", BigDecimal.ZERO, Map.of("table", "users", "env", "dev"))
			.text("decision")).isEqualTo("allow");
		assertThat(this.client.enforce("db_write", BigDecimal.ZERO, Map.of("table", "users")).text("decision"))
			.isEqualTo("allow");
		assertThat(this.client.enforce("db_write", BigDecimal.ZERO, Map.of("table", "orders", "env", "prod"))
			.text("decision")).isEqualTo("allow");
	}

	@Test
	void firstMatchingPolicyWins() {
		start((settings) -> settings.policy(PolicyRule.allow("users-ok", "db_write").withScope(Map.of("table", "users")))
			.policy(PolicyRule.block("writes", "db_*", "no writes")));
		Reply users = this.client.enforce("db_write", BigDecimal.ZERO, Map.of("table", "users"));
		assertThat(users.text("decision")).isEqualTo("allow");
		assertThat(users.text("policy_id")).isEqualTo("pol_users-ok");
		Reply orders = this.client.enforce("db_write", BigDecimal.ZERO, Map.of("table", "orders"));
		assertThat(orders.text("decision")).isEqualTo("block");
		assertThat(orders.text("policy_id")).isEqualTo("pol_writes");
	}

	@Test
	void defaultEffectAllowsWhenNoPolicyMatches() {
		start((settings) -> settings.policy(PolicyRule.block("drops", "db_drop", null)));
		Reply reply = this.client.enforce("email_send", BigDecimal.ZERO);
		assertThat(reply.text("decision")).isEqualTo("allow");
		assertThat(reply.text("policy_id")).isNull();
	}

	@Test
	void defaultEffectBlockBlocksWhenNoPolicyMatches() {
		start((settings) -> settings.defaultEffect(PolicyEffect.BLOCK));
		Reply reply = this.client.enforce("email_send", BigDecimal.ZERO);
		assertThat(reply.text("decision")).isEqualTo("block");
		assertThat(reply.text("blocked_reason")).isEqualTo("blocked by the default policy");
	}

	@Test
	void simulateDecidesWithoutJournalOrReservation() {
		start((settings) -> settings.policy(PolicyRule.suspend("refunds", "refund", null))
			.budget(BudgetRule.of("all", "*", new BigDecimal("1.00"), null)));
		Reply allow = this.client.post("/v1/runtime/simulate",
				Map.of("action_type", "search", "estimated_cost", 1, "request_id", "sim-1"));
		assertThat(allow.status()).isEqualTo(200);
		assertThat(allow.text("decision")).isEqualTo("allow");
		assertThat(allow.text("source")).isEqualTo("simulation");
		assertThat(allow.text("journal_id")).isNull();
		assertThat(allow.text("reservation_id")).isNull();
		assertThat(allow.text("request_id")).isEqualTo("sim-1");
		Reply again = this.client.post("/v1/runtime/simulate", Map.of("action_type", "search", "estimated_cost", 1));
		assertThat(again.text("decision")).as("nothing was reserved").isEqualTo("allow");
		Reply suspend = this.client.post("/v1/runtime/simulate", Map.of("action_type", "refund"));
		assertThat(suspend.text("decision")).isEqualTo("suspend");
		assertThat(suspend.text("approval_source")).isEqualTo(PolicyRule.DEFAULT_APPROVAL_SOURCE);
		assertThat(suspend.text("approval_id")).isNull();
		Reply over = this.client.post("/v1/runtime/simulate", Map.of("action_type", "search", "estimated_cost", 2));
		assertThat(over.text("decision")).isEqualTo("block");
		assertThat(over.text("blocked_reason")).startsWith("budget 'all' exhausted");
		assertThat(this.authority.pendingApprovals()).isEmpty();
	}

}
