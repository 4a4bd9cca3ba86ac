package ai.specora.sample.governance;

import java.time.Instant;

/**
 * What happened to one governed call, as the agent's operators see it.
 *
 * @param at when the decision (or the failure to get one) was known
 * @param actionType the action type
 * @param decision {@code allow}, {@code block}, {@code suspend}, or {@code no_decision}
 * when none could be had
 * @param journalId the journal entry, or {@code null}
 * @param detail the blocked reason, the approver, or the failure; {@code null} for an
 * allow
 * @param approvalId the approval of a suspended call, or {@code null}
 */
public record GovernedCallRecord(Instant at, String actionType, String decision, String journalId, String detail,
		String approvalId) {

}
