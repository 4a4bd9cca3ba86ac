package ai.specora.sample.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import ai.specora.localauthority.LocalAuthority;
import ai.specora.localauthority.PendingApproval;
import ai.specora.sample.demo.DemoHttp.Reply;
import ai.specora.sample.webhook.BudgetBreach;
import ai.specora.sample.webhook.GovernanceWebhookListener;
import ai.specora.spring.webhook.ApprovalResolvedEvent;
import ai.specora.spring.webhook.BudgetBreachEvent;
import tools.jackson.databind.JsonNode;

/**
 * The demo's script: calls the application's own HTTP API as the support agent would,
 * one step per kind of decision, prints each step and checks that it behaved as
 * expected.
 * <ol>
 * <li>a customer lookup is allowed;</li>
 * <li>dropping a table is blocked by policy;</li>
 * <li>a large refund needs approval (202);</li>
 * <li>refunds run until the budget blocks them, and the budget breach webhook
 * arrives;</li>
 * <li>a production configuration change (a {@code Mono}) is suspended, approved, the
 * approval webhook arrives and the waiting call succeeds;</li>
 * <li>{@link RetryDemoStep approve, then retry}: a refund with its own id is suspended,
 * approved, and its retry runs once on the same journal entry;</li>
 * <li>the {@link PlatformDemoSteps Platform API steps}: budget, routed pre-authorization,
 * recorded execution, evidence bundle;</li>
 * <li>the support agent's tool calls, and an outside MCP client's call of the same tools
 * (see {@link AgentDemoSteps});</li>
 * <li>the authority is stopped and the next call fails closed (503).</li>
 * </ol>
 */
public final class DemoScenario {

	/** The number of steps. */
	public static final int STEPS = 7 + PlatformDemoSteps.STEPS + AgentDemoSteps.STEPS;

	private static final String APPROVER = "alice (on-call SRE)";

	private final String baseUrl;

	private final LocalAuthority authority;

	private final GovernanceWebhookListener webhooks;

	private final DemoConsole console;

	private final Duration timeout;

	private final PlatformDemoSteps platformSteps;

	private final DemoHttp http;

	/**
	 * Creates the scenario.
	 * @param baseUrl the application's base URL, e.g. {@code http://127.0.0.1:8080}
	 * @param authority the local authority the application is governed by
	 * @param webhooks the application's webhook listener
	 * @param console where to print
	 * @param timeout how long to wait for any one thing (a response, an approval, a
	 * webhook)
	 * @param platformSteps the Platform API steps
	 */
	public DemoScenario(String baseUrl, LocalAuthority authority, GovernanceWebhookListener webhooks,
			DemoConsole console, Duration timeout, PlatformDemoSteps platformSteps) {
		this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl must not be null");
		this.authority = Objects.requireNonNull(authority, "authority must not be null");
		this.webhooks = Objects.requireNonNull(webhooks, "webhooks must not be null");
		this.console = Objects.requireNonNull(console, "console must not be null");
		this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
		this.platformSteps = Objects.requireNonNull(platformSteps, "platformSteps must not be null");
		this.http = new DemoHttp(baseUrl, console, timeout);
	}

	/**
	 * Runs every step.
	 * @throws DemoStepException when a step does not behave as expected
	 * @throws InterruptedException if interrupted while waiting
	 */
	public void run() throws InterruptedException {
		this.console.heading("Specora sample: an AI support agent's tools under runtime governance");
		this.console.line("    agent API:  " + this.baseUrl);
		this.console.line("    authority:  local authority at " + this.authority.baseUrl()
				+ " (policies and budgets from specora-policies.yml)");
		lookUpCustomer();
		dropTable();
		largeRefund();
		exhaustBudget();
		changeProductionConfig();
		new RetryDemoStep(this.authority, this.console, this.http::call, this::lastJournalId).run(6);
		this.platformSteps.run(7);
		new AgentDemoSteps(this.authority, this.console, this.http).run(7 + PlatformDemoSteps.STEPS);
		failClosed();
		this.console.heading("Demo complete: " + STEPS + " of " + STEPS + " steps behaved as expected.");
	}

	private void lookUpCustomer() throws InterruptedException {
		this.console.step(1, "Look up a customer: a read, allowed (and journalled)");
		Reply reply = this.http.call("GET", "/api/customers/cus_1001", null);
		expectStatus(reply, 200);
		this.console.outcome(reply.status(), "ALLOW", reply.text("name") + " <" + reply.text("email") + ">, plan "
				+ reply.text("plan") + " (journal " + lastJournalId("customer_lookup") + ")");
	}

	private void dropTable() throws InterruptedException {
		this.console.step(2, "Drop a production table: blocked by policy, the method never runs");
		Reply reply = this.http.call("DELETE", "/api/production/tables/customers", null);
		expectStatus(reply, 403);
		this.console.outcome(reply.status(), "BLOCK", reply.text("reason") + " (policy " + reply.text("policyId")
				+ ", journal " + reply.text("journalId") + ")");
	}

	private void largeRefund() throws InterruptedException {
		this.console.step(3, "Refund 250.00 USD: over 100 USD needs a human's approval");
		Reply reply = this.http.call("POST", "/api/payments/pay_7001/refunds", "{\"amount\": 250.00, \"reason\": \"duplicate charge\"}");
		expectStatus(reply, 202);
		this.console.outcome(reply.status(), "SUSPEND", "approval " + reply.text("approvalId") + " from "
				+ reply.text("approvalSource") + " (journal " + reply.text("journalId") + "); not refunded");
	}

	private void exhaustBudget() throws InterruptedException {
		this.console.step(4, "Refund 40.00 USD at a time: the 'refunds-daily' budget (100.00 USD) runs out");
		String[] payments = { "pay_7002", "pay_7003", "pay_7004" };
		for (int i = 0; i < payments.length; i++) {
			Reply reply = this.http.call("POST", "/api/payments/" + payments[i] + "/refunds",
					"{\"amount\": 40.00, \"reason\": \"late delivery\"}");
			if (i < payments.length - 1) {
				expectStatus(reply, 201);
				this.console.outcome(reply.status(), "ALLOW", "refund " + reply.text("refundId") + " of "
						+ reply.text("amount") + " USD (journal " + lastJournalId("payment_refund") + ")");
			}
			else {
				expectStatus(reply, 403);
				this.console.outcome(reply.status(), "BLOCK", reply.text("reason") + " (journal "
						+ reply.text("journalId") + ")");
			}
		}
		BudgetBreach breach = this.webhooks
			.await(BudgetBreachEvent.class, (event) -> true, this.timeout)
			.map((event) -> event.dataAs(BudgetBreach.class))
			.orElseThrow(() -> new DemoStepException("no platform.budget_breach webhook arrived within "
					+ this.timeout));
		this.console.note("webhook platform.budget_breach received: budget '" + breach.budgetName() + "', "
				+ usd(breach.budgetUsed()) + " of " + usd(breach.budgetTotal()) + " USD used, "
				+ usd(breach.requested()) + " requested");
	}

	private void changeProductionConfig() throws InterruptedException {
		this.console.step(5, "Change a production setting (a Mono): suspended, approved, then it runs");
		String body = "{\"value\": \"250\"}";
		CompletableFuture<Reply> pending = this.http.send("PUT", "/api/production/config/checkout.rate-limit", body);
		PendingApproval approval = this.http.awaitPendingApproval(this.authority, "config_change");
		this.console.note("suspended: approval " + approval.approvalId() + " from " + approval.approvalSource()
				+ " (journal " + approval.journalId() + "); the call waits, holding no thread");
		this.authority.approve(approval.approvalId(), APPROVER);
		this.console.note("approved by " + APPROVER);
		ApprovalResolvedEvent resolved = this.webhooks
			.await(ApprovalResolvedEvent.class, (event) -> approval.approvalId().equals(event.approvalId()),
					this.timeout)
			.orElseThrow(() -> new DemoStepException("no runtime.approval_resolved webhook arrived within "
					+ this.timeout));
		this.console.note("webhook runtime.approval_resolved received: " + (resolved.approved() ? "approved" : "denied")
				+ " by " + resolved.resolvedBy());
		Reply reply = this.http.await(pending);
		expectStatus(reply, 200);
		this.console.outcome(reply.status(), "ALLOW", reply.text("key") + " changed from "
				+ reply.text("previousValue") + " to " + reply.text("value") + " (same journal entry "
				+ lastJournalId("config_change") + ")");
	}

	private void failClosed() throws InterruptedException {
		this.console.step(STEPS, "The authority goes away: fail-closed, nothing runs ungoverned");
		this.authority.close();
		this.console.note("local authority stopped");
		Reply reply = this.http.call("GET", "/api/customers/cus_1002", null);
		expectStatus(reply, 503);
		this.console.outcome(reply.status(), "NO DECISION", reply.text("detail"));
	}

	private String lastJournalId(String actionType) throws InterruptedException {
		String journalId = "unknown";
		for (JsonNode decision : this.http.await(this.http.sendQuietly("GET", "/api/governance/decisions", null))
			.body()) {
			if (actionType.equals(DemoHttp.text(decision, "actionType"))) {
				journalId = DemoHttp.text(decision, "journalId");
			}
		}
		return journalId;
	}

	private static void expectStatus(Reply reply, int expected) {
		if (reply.status() != expected) {
			throw new DemoStepException("expected HTTP " + expected + " but got " + reply.status() + ": " + reply.body());
		}
	}

	private static String usd(BigDecimal amount) {
		return (amount != null) ? amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString() : "?";
	}

}
