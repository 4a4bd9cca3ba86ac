package ai.specora.localauthority;

import java.time.Instant;

/**
 * The result of resolving a suspended action with {@link LocalAuthority#approve} or
 * {@link LocalAuthority#deny}.
 *
 * @param approvalId the approval's id
 * @param journalId the journal entry of the suspended action
 * @param approved whether it was approved (its decision is then {@code allow})
 * @param resolvedBy who resolved it
 * @param reservationId the reservation made on approval, {@code null} when denied
 * @param expiresAt when that reservation expires, {@code null} when denied
 */
public record ApprovalOutcome(String approvalId, String journalId, boolean approved, String resolvedBy,
		String reservationId, Instant expiresAt) {

}
