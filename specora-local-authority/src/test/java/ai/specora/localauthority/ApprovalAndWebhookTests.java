package ai.specora.localauthority;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import ai.specora.localauthority.AuthorityClient.Reply;
import ai.specora.localauthority.WebhookReceiver.Delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for approvals of suspended actions and the signed webhooks they and budget
 * breaches send.
 */
class ApprovalAndWebhookTests extends AbstractLocalAuthorityTests {

	private static final String SECRET = "whsec-test";

	@BeforeEach
	void startAuthority() throws Exception {
		startWithWebhooks(SECRET, (settings) -> settings.orgId("org-1")
			.webhookRetryBackoff(Duration.ofMillis(20))
			.policy(PolicyRule.suspend("refunds", "refund", "slack:#sec-approvals"))
			.budget(BudgetRule.of("refunds", "refund", new BigDecimal("100"), null)));
	}

	private Reply suspend(String cost) {
		Reply reply = this.client.enforce("refund", new BigDecimal(cost));
		assertThat(reply.text("decision")).isEqualTo("suspend");
		return reply;
	}

	private Reply resolve(String approvalId, String decision) {
		return this.client.post("/local/approvals/" + approvalId, Map.of("decision", decision, "resolved_by", "alice"));
	}

	private static void assertSigned(Delivery delivery) throws Exception {
		assertThat(delivery.timestamp()).isEqualTo(Long.toString(START.getEpochSecond()));
		assertThat(delivery.signature()).matches("sha256=[0-9a-f]{64}").isEqualTo(delivery.expectedSignature(SECRET));
		assertThat(delivery.eventId()).startsWith("evt_").isEqualTo(delivery.json().get("event_id").asString());
	}

	@Test
	void approveOverHttpAllowsReservesAndSendsSignedWebhook() throws Exception {
		Reply suspended = suspend("30");
		String approvalId = suspended.text("approval_id");
		Reply listed = this.client.get("/local/approvals");
		assertThat(listed.body().get("approvals")).hasSize(1);
		assertThat(listed.body().get("approvals").get(0).get("approval_id").asString()).isEqualTo(approvalId);
		assertThat(listed.body().get("approvals").get(0).get("approval_source").asString())
			.isEqualTo("slack:#sec-approvals");

		Reply resolved = resolve(approvalId, "approve");
		assertThat(resolved.status()).isEqualTo(200);
		assertThat(resolved.text("approval_state")).isEqualTo("approved");
		assertThat(resolved.text("decision")).isEqualTo("allow");
		assertThat(resolved.text("reservation_id")).startsWith("res_");

		Reply journal = this.client.journal(suspended.text("journal_id"));
		assertThat(journal.text("approval_state")).isEqualTo("approved");
		assertThat(journal.text("decision")).isEqualTo("allow");
		assertThat(journal.text("status")).isEqualTo("pending");
		assertThat(this.client.post("/v1/platform/budget/validate", "{}").decimal("budget_remaining"))
			.isEqualByComparingTo("70");
		assertThat(this.client.get("/local/approvals").body().get("approvals")).isEmpty();

		Delivery delivery = this.receiver.next();
		assertSigned(delivery);
		JsonNode event = delivery.json();
		assertThat(event.get("event_type").asString()).isEqualTo("runtime.approval_resolved");
		assertThat(event.get("org_id").asString()).isEqualTo("org-1");
		assertThat(event.get("created_at").asString()).isEqualTo("2026-11-21T10:00:00Z");
		JsonNode data = event.get("data");
		assertThat(data.get("journal_id").asString()).isEqualTo(suspended.text("journal_id"));
		assertThat(data.get("approval_id").asString()).isEqualTo(approvalId);
		assertThat(data.get("approval_state").asString()).isEqualTo("approved");
		assertThat(data.get("resolved_by").asString()).isEqualTo("alice");

		assertThat(this.client.complete(suspended.text("journal_id"), "success", null).status()).isEqualTo(200);
	}

	@Test
	void denyOverHttpBlocksAndSendsWebhook() throws Exception {
		Reply suspended = suspend("30");
		Reply resolved = resolve(suspended.text("approval_id"), "deny");
		assertThat(resolved.text("approval_state")).isEqualTo("denied");
		assertThat(resolved.text("decision")).isEqualTo("block");
		Reply journal = this.client.journal(suspended.text("journal_id"));
		assertThat(journal.text("approval_state")).isEqualTo("denied");
		assertThat(journal.text("decision")).isEqualTo("block");
		assertThat(journal.text("blocked_reason")).isEqualTo("denied by alice");
		Delivery delivery = this.receiver.next();
		assertSigned(delivery);
		assertThat(delivery.json().get("data").get("approval_state").asString()).isEqualTo("denied");
	}

	@Test
	void repeatedRequestAnswersTheDecisionAsItStands() throws Exception {
		Map<String, Object> body = AuthorityClient.enforceBody("refund", new BigDecimal("30"), Map.of());
		Reply suspended = this.client.post("/v1/runtime/enforce", body);
		assertThat(suspended.text("decision")).isEqualTo("suspend");
		assertThat(this.client.post("/v1/runtime/enforce", body).text("decision")).as("still pending")
			.isEqualTo("suspend");
		resolve(suspended.text("approval_id"), "approve");
		Reply retried = this.client.post("/v1/runtime/enforce", body);
		assertThat(retried.text("decision")).isEqualTo("allow");
		assertThat(retried.text("journal_id")).isEqualTo(suspended.text("journal_id"));
		assertThat(retried.text("reservation_id")).startsWith("res_");
		assertThat(this.client.post("/v1/platform/budget/validate", "{}").decimal("budget_remaining"))
			.as("reserved once, by the approval").isEqualByComparingTo("70");

		Map<String, Object> denied = AuthorityClient.enforceBody("refund", new BigDecimal("10"), Map.of());
		resolve(this.client.post("/v1/runtime/enforce", denied).text("approval_id"), "deny");
		Reply afterDenial = this.client.post("/v1/runtime/enforce", denied);
		assertThat(afterDenial.text("decision")).isEqualTo("block");
		assertThat(afterDenial.text("blocked_reason")).isEqualTo("denied by alice");
	}

	@Test
	void javaApiResolvesApprovals() throws Exception {
		suspend("10");
		suspend("20");
		assertThat(this.authority.pendingApprovals()).hasSize(2);
		PendingApproval first = this.authority.pendingApprovals().get(0);
		assertThat(first.estimatedCost()).isEqualByComparingTo("10");
		assertThat(first.actionType()).isEqualTo("refund");
		ApprovalOutcome approved = this.authority.approve(first.approvalId(), "bob");
		assertThat(approved.approved()).isTrue();
		assertThat(approved.journalId()).isEqualTo(first.journalId());
		assertThat(approved.expiresAt()).isEqualTo(Instant.parse("2026-11-21T10:05:00Z"));
		ApprovalOutcome denied = this.authority.deny(this.authority.pendingApprovals().get(0).approvalId(), "bob");
		assertThat(denied.approved()).isFalse();
		assertThat(denied.reservationId()).isNull();
		assertThat(this.authority.pendingApprovals()).isEmpty();
		assertThat(this.receiver.next().json().get("event_type").asString()).isEqualTo("runtime.approval_resolved");
		assertThat(this.receiver.next().json().get("event_type").asString()).isEqualTo("runtime.approval_resolved");
	}

	@Test
	void resolvingTwiceOrUnknownFails() {
		Reply suspended = suspend("10");
		resolve(suspended.text("approval_id"), "deny");
		Reply again = resolve(suspended.text("approval_id"), "approve");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.errorCode()).isEqualTo("already_resolved");
		Reply unknown = resolve("apr_missing", "approve");
		assertThat(unknown.status()).isEqualTo(404);
		assertThatExceptionOfType(LocalAuthorityException.class)
			.isThrownBy(() -> this.authority.approve("apr_missing", "bob"))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(404));
		Reply invalid = this.client.post("/local/approvals/" + suspended.text("approval_id"),
				Map.of("decision", "maybe", "resolved_by", "alice"));
		assertThat(invalid.status()).isEqualTo(422);
	}

	@Test
	void approvingOverBudgetIsRefusedAndStaysPending() throws Exception {
		Reply suspended = suspend("150");
		Reply refused = resolve(suspended.text("approval_id"), "approve");
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.errorCode()).isEqualTo("budget_exhausted");
		assertThat(refused.errorMessage()).contains("budget 'refunds' exhausted");
		assertThat(this.client.journal(suspended.text("journal_id")).text("approval_state")).isEqualTo("pending");
		Delivery breach = this.receiver.next();
		assertSigned(breach);
		assertThat(breach.json().get("event_type").asString()).isEqualTo("platform.budget_breach");
		assertThat(resolve(suspended.text("approval_id"), "deny").status()).isEqualTo(200);
	}

	@Test
	void budgetBreachSendsOneWebhookPerWindow() throws Exception {
		startWithWebhooks(SECRET, (settings) -> settings.orgId("org-1")
			.budget(BudgetRule.of("searches", "search", new BigDecimal("5"), Duration.ofHours(1))));
		this.client.enforce("search", new BigDecimal("4"));
		assertThat(this.client.enforce("search", new BigDecimal("2")).text("decision")).isEqualTo("block");
		assertThat(this.client.enforce("search", new BigDecimal("3")).text("decision")).isEqualTo("block");
		Delivery delivery = this.receiver.next();
		assertSigned(delivery);
		JsonNode event = delivery.json();
		assertThat(event.get("event_type").asString()).isEqualTo("platform.budget_breach");
		JsonNode data = event.get("data");
		assertThat(data.get("budget_name").asString()).isEqualTo("searches");
		assertThat(data.get("budget_total").decimalValue()).isEqualByComparingTo("5");
		assertThat(data.get("budget_used").decimalValue()).isEqualByComparingTo("4");
		assertThat(data.get("requested").decimalValue()).isEqualByComparingTo("2");
		assertThat(data.get("period_start").asString()).isEqualTo("2026-11-21T10:00:00Z");
		assertThat(this.receiver.poll(Duration.ofMillis(300))).as("one breach event per window").isNull();
	}

	@Test
	void suppliedWebhookTargetIsAskedAtEachDelivery() throws Exception {
		AtomicReference<URI> target = new AtomicReference<>();
		start((settings) -> settings.orgId("org-1")
			.webhookTarget(target::get)
			.webhookSecret(SECRET)
			.policy(PolicyRule.suspend("refunds", "refund", null)));
		assertThat(this.authority.settings().hasWebhooks()).isTrue();
		resolve(suspend("10").text("approval_id"), "approve");
		assertThat(this.receiver.poll(Duration.ofMillis(300))).as("no target yet: dropped").isNull();
		target.set(this.receiver.url());
		resolve(suspend("10").text("approval_id"), "deny");
		Delivery delivery = this.receiver.next();
		assertSigned(delivery);
		assertThat(delivery.json().get("data").get("approval_state").asString()).isEqualTo("denied");
		target.set(URI.create("ftp://127.0.0.1/h"));
		resolve(suspend("10").text("approval_id"), "approve");
		assertThat(this.receiver.poll(Duration.ofMillis(300))).as("unusable target: dropped").isNull();
	}

	@Test
	void failedDeliveryIsRetriedWithTheSameEventId() throws Exception {
		this.receiver.respondWith(503, 500);
		Reply suspended = suspend("10");
		resolve(suspended.text("approval_id"), "approve");
		Delivery first = this.receiver.next();
		Delivery second = this.receiver.next();
		Delivery third = this.receiver.next();
		assertThat(second.eventId()).isEqualTo(first.eventId());
		assertThat(third.eventId()).isEqualTo(first.eventId());
		assertSigned(third);
		assertThat(this.receiver.poll(Duration.ofMillis(200))).as("delivered on the third attempt").isNull();
	}

	@Test
	void clientErrorIsNotRetried() throws Exception {
		this.receiver.respondWith(400);
		Reply suspended = suspend("10");
		resolve(suspended.text("approval_id"), "deny");
		assertThat(this.receiver.next().json().get("event_type").asString()).isEqualTo("runtime.approval_resolved");
		assertThat(this.receiver.poll(Duration.ofMillis(200))).isNull();
	}

	@Test
	void completingAPendingApprovalWithdrawsIt() {
		Reply suspended = suspend("10");
		assertThat(this.client.complete(suspended.text("journal_id"), "cancelled", null).status()).isEqualTo(200);
		assertThat(this.authority.pendingApprovals()).isEmpty();
		Reply approve = resolve(suspended.text("approval_id"), "approve");
		assertThat(approve.status()).isEqualTo(409);
		assertThat(approve.errorCode()).isEqualTo("already_completed");
	}

}
