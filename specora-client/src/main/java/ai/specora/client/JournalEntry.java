package ai.specora.client;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A journal entry as the authority records it; used to follow a suspended action's
 * approval.
 *
 * @param journalId the journal id
 * @param decision the current decision
 * @param status pending, completed or expired
 * @param approvalState none, pending, approved or denied
 * @param approvalId the approval id, or {@code null}
 * @param completedStatus the completion status, or {@code null} while not completed
 * @param costActual the actual cost reported, or {@code null}
 * @param createdAt when the entry was created
 * @param updatedAt when the entry last changed
 */
public record JournalEntry(String journalId, Decision decision, JournalStatus status, ApprovalState approvalState,
		String approvalId, CompletionStatus completedStatus, BigDecimal costActual, Instant createdAt,
		Instant updatedAt) {
}
