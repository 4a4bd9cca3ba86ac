package ai.specora.localauthority;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A suspended action waiting for approval.
 *
 * @param approvalId the approval's id, to pass to {@link LocalAuthority#approve}
 * @param journalId the journal entry of the action
 * @param actionType the action's type
 * @param scope the action's scope
 * @param approvalSource who must approve
 * @param estimatedCost the estimated cost in USD
 * @param createdAt when the action was suspended
 */
public record PendingApproval(String approvalId, String journalId, String actionType, Map<String, String> scope,
		String approvalSource, BigDecimal estimatedCost, Instant createdAt) {

}
