package ai.specora.client;

import java.time.Instant;
import java.util.Objects;

/**
 * The authority's answer to an enforcement or simulation.
 *
 * @param decision allow, block or suspend
 * @param actionType the action type that was asked about
 * @param journalId the journal entry to complete; {@code null} for simulations and
 * fail-open decisions
 * @param requestId the request id the call used (its idempotency key): the request's own,
 * or the one generated for this call when the request had none
 * @param blockedReason why the action was blocked, for {@link Decision#BLOCK}
 * @param approvalSource who must approve, for {@link Decision#SUSPEND}
 * @param approvalId the approval to wait for, for {@link Decision#SUSPEND}
 * @param policyId the policy that decided, or {@code null}
 * @param reservationId the cost reservation held until completion, or {@code null}
 * @param source where the decision came from
 * @param expiresAt when the reservation lapses, or {@code null}
 */
public record EnforcementResult(Decision decision, String actionType, String journalId, String requestId,
		String blockedReason, String approvalSource, String approvalId, String policyId, String reservationId,
		DecisionSource source, Instant expiresAt) {

	/**
	 * Validates the mandatory components.
	 * @param decision allow, block or suspend
	 * @param actionType the action type that was asked about
	 * @param journalId the journal entry to complete; {@code null} for simulations and
	 * fail-open decisions
	 * @param requestId the request id the call used (its idempotency key): the request's own,
	 * or the one generated for this call when the request had none
	 * @param blockedReason why the action was blocked, for {@link Decision#BLOCK}
	 * @param approvalSource who must approve, for {@link Decision#SUSPEND}
	 * @param approvalId the approval to wait for, for {@link Decision#SUSPEND}
	 * @param policyId the policy that decided, or {@code null}
	 * @param reservationId the cost reservation held until completion, or {@code null}
	 * @param source where the decision came from
	 * @param expiresAt when the reservation lapses, or {@code null}
	 */
	public EnforcementResult {
		Objects.requireNonNull(decision, "decision must not be null");
		Objects.requireNonNull(source, "source must not be null");
	}

	/**
	 * Whether the action may run.
	 * @return {@code true} for {@link Decision#ALLOW}
	 */
	public boolean isAllowed() {
		return this.decision == Decision.ALLOW;
	}

	/**
	 * Whether this decision was made up by the client under {@link FailMode#OPEN}.
	 * @return {@code true} when the source is {@link DecisionSource#FAIL_OPEN}
	 */
	public boolean isFailOpen() {
		return this.source == DecisionSource.FAIL_OPEN;
	}

	/**
	 * Whether a completion must be reported for this decision: it is an allowed
	 * enforcement with a journal entry.
	 * @return {@code true} when {@link SpecoraClient#complete} should follow the action
	 */
	public boolean requiresCompletion() {
		return isAllowed() && this.journalId != null && this.source == DecisionSource.AUTHORITY;
	}

	/**
	 * The allow given without the authority under a fail-open mode: no journal entry,
	 * nothing reserved, nothing to complete. The one factory for it, used by the client
	 * and by the Spring Boot interceptor.
	 * @param actionType the action type of the request
	 * @param requestId the request id
	 * @return an allow whose source is {@link DecisionSource#FAIL_OPEN}
	 */
	public static EnforcementResult failOpen(String actionType, String requestId) {
		return new EnforcementResult(Decision.ALLOW, actionType, null, requestId, null, null, null, null, null,
				DecisionSource.FAIL_OPEN, null);
	}

}
