package ai.specora.client;

import java.math.BigDecimal;

/**
 * An allowed enforcement, handed to the body of
 * {@link SpecoraClient#enforced(EnforceRequest, EnforcedAction)}. The body may complete
 * it explicitly, exactly once (for example to report the real cost); otherwise it is
 * completed automatically when the body returns or throws.
 */
public interface EnforcementContext {

	/**
	 * The authority's decision.
	 * @return the allow decision
	 */
	EnforcementResult result();

	/**
	 * The journal entry of this enforcement.
	 * @return the journal id, or {@code null} for a fail-open decision
	 */
	default String journalId() {
		return result().journalId();
	}

	/**
	 * Completes the enforcement with a status.
	 * @param status how the action ended
	 * @throws IllegalStateException when already completed
	 */
	default void complete(CompletionStatus status) {
		complete(Completion.builder(status).build());
	}

	/**
	 * Completes the enforcement with a status and the real cost.
	 * @param status how the action ended
	 * @param costActual the real cost in USD
	 * @throws IllegalStateException when already completed
	 */
	default void complete(CompletionStatus status, BigDecimal costActual) {
		complete(Completion.builder(status).costActual(costActual).build());
	}

	/**
	 * Completes the enforcement.
	 * @param completion how the action ended
	 * @throws IllegalStateException when already completed
	 */
	void complete(Completion completion);

	/**
	 * Whether the enforcement was completed already.
	 * @return {@code true} after a completion
	 */
	boolean isCompleted();

}
