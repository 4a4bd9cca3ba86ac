package ai.specora.sample.demo;

import java.util.Objects;

import ai.specora.localauthority.LocalAuthority;

/**
 * The demo's "approve, then retry" step: a large refund under the caller's refund id
 * ({@code @Enforced(requestId = "#refundId", onSuspend = THROW)}) is suspended (202),
 * approved through the local authority, and retried with the same id: the retry is
 * allowed on the same journal entry and the refund is paid out once.
 */
final class RetryDemoStep {

	private static final String PATH = "/api/payments/pay_7001/refunds/re_7001";

	private static final String BODY = "{\"amount\": 250.00, \"reason\": \"duplicate charge\"}";

	private static final String APPROVER = "carol (finance)";

	private final LocalAuthority authority;

	private final DemoConsole console;

	private final Caller caller;

	private final JournalLookup journal;

	RetryDemoStep(LocalAuthority authority, DemoConsole console, Caller caller, JournalLookup journal) {
		this.authority = Objects.requireNonNull(authority, "authority must not be null");
		this.console = Objects.requireNonNull(console, "console must not be null");
		this.caller = Objects.requireNonNull(caller, "caller must not be null");
		this.journal = Objects.requireNonNull(journal, "journal must not be null");
	}

	/**
	 * Runs the step.
	 * @param step the number of the step
	 * @throws DemoStepException when the step does not behave as expected
	 * @throws InterruptedException if interrupted while waiting
	 */
	void run(int step) throws InterruptedException {
		this.console.step(step, "Refund 250.00 USD as re_7001: suspended, approved, retried with the same id");
		DemoHttp.Reply suspended = expect(this.caller.call("PUT", PATH, BODY), 202);
		String journalId = suspended.text("journalId");
		this.console.outcome(suspended.status(), "SUSPEND", "approval " + suspended.text("approvalId") + " from "
				+ suspended.text("approvalSource") + " (journal " + journalId + "); not refunded");
		this.authority.approve(suspended.text("approvalId"), APPROVER);
		this.console.note("approved by " + APPROVER + " through the local authority; the agent retries");
		DemoHttp.Reply refunded = expect(this.caller.call("PUT", PATH, BODY), 201);
		String retriedOn = this.journal.lastJournalId("payment_refund");
		if (journalId == null || !journalId.equals(retriedOn)) {
			throw new DemoStepException("the retry was decided on journal entry " + retriedOn + ", not on "
					+ journalId + " where it was approved");
		}
		this.console.outcome(refunded.status(), "ALLOW", "refund " + refunded.text("refundId") + " of "
				+ refunded.text("amount") + " USD, paid out once (same journal entry " + retriedOn + ")");
	}

	private static DemoHttp.Reply expect(DemoHttp.Reply reply, int status) {
		if (reply.status() != status) {
			throw new DemoStepException("expected HTTP " + status + " but got " + reply.status() + ": " + reply.body());
		}
		return reply;
	}

	/**
	 * Calls the application's HTTP API.
	 */
	@FunctionalInterface
	interface Caller {

		DemoHttp.Reply call(String method, String path, String body) throws InterruptedException;

	}

	/**
	 * Finds the journal entry of the latest governed call of an action type.
	 */
	@FunctionalInterface
	interface JournalLookup {

		String lastJournalId(String actionType) throws InterruptedException;

	}

}
