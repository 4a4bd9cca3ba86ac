package ai.specora.localauthority;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import ai.specora.localauthority.Requests.EnforcePayload;

/**
 * Resolves the approvals of suspended requests: an approval reserves the request's
 * estimated cost as an allow would, a denial blocks it; either sends
 * {@code runtime.approval_resolved}. Not thread-safe: guarded by the
 * {@link AuthorityEngine}'s lock.
 */
final class RuntimeApprovals {

	private final RuntimeJournal journal;

	private final RuntimeBudgets budgets;

	private final RuntimeEvents events;

	RuntimeApprovals(RuntimeJournal journal, RuntimeBudgets budgets, RuntimeEvents events) {
		this.journal = journal;
		this.budgets = budgets;
		this.events = events;
	}

	/**
	 * Approves or denies a pending approval.
	 * @throws LocalAuthorityException 404 for an unknown approval, 409
	 * {@code already_resolved} or {@code already_completed}, or 409
	 * {@code budget_exhausted} when an approval would exceed a budget
	 */
	ApprovalOutcome resolve(String approvalId, boolean approve, String resolvedBy, Instant now,
			List<Wire.WebhookEvent> out) {
		JournalEntry entry = this.journal.byApprovalId(approvalId);
		if (entry == null) {
			throw LocalAuthorityException.notFound("approval " + approvalId + " not found");
		}
		if (!"pending".equals(entry.approvalState)) {
			throw LocalAuthorityException.conflict("already_resolved",
					"approval " + approvalId + " is already " + entry.approvalState);
		}
		if (!"pending".equals(entry.status)) {
			throw LocalAuthorityException.conflict("already_completed",
					"journal entry " + entry.journalId + " is already completed");
		}
		EnforcePayload payload = entry.payload;
		if (approve) {
			List<BudgetAccount> matching = this.budgets.matching(payload.actionType(), payload.scope(), now);
			BudgetAccount exhausted = RuntimeBudgets.firstExhausted(matching, payload.estimatedCost());
			if (exhausted != null) {
				this.budgets.breach(exhausted, payload.estimatedCost(), payload.actionType(), entry.journalId, now,
						out);
				throw new LocalAuthorityException(409, "budget_exhausted",
						"cannot approve: " + RuntimeBudgets.exhaustedReason(exhausted, payload.estimatedCost()),
						Map.of("budget", exhausted.rule.name()));
			}
			this.journal.allow(entry, matching, now);
			entry.approvalState = "approved";
		}
		else {
			entry.block("denied by " + resolvedBy, now);
			entry.approvalState = "denied";
		}
		entry.resolvedBy = resolvedBy;
		entry.updatedAt = now;
		out.add(this.events.approvalResolved(entry, approvalId, resolvedBy, now));
		return new ApprovalOutcome(approvalId, entry.journalId, approve, resolvedBy, entry.reservationId,
				entry.expiresAt);
	}

}
