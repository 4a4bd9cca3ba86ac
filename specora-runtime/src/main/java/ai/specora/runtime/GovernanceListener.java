package ai.specora.runtime;

import ai.specora.client.CompletionStatus;
import ai.specora.client.EnforcementResult;

/**
 * Follows governed calls, for metrics, tracing or auditing. Every call the
 * {@link GovernanceEngine} governs reports to its listeners, whatever the entry point: an
 * {@code @Enforced} method, a Spring AI tool call. In a Spring Boot application, beans
 * of this type are registered with the engine.
 * <p>
 * For one call, {@link #onStart} comes first, then {@link #onDecision} when the
 * authority answered (or a fail-open allow was made), then {@link #onCompletion} when
 * the governed code ran and ended; {@link #onError} replaces the decision when none
 * could be had, the request could not be built, or the approval was not given. The
 * same {@link GovernedCall} instance is passed to every callback of a call. Callbacks
 * run on the calling (or reactive) thread, must be quick and must not block; an
 * exception they throw is logged and the call goes on, its outcome unchanged.
 */
public interface GovernanceListener {

	/**
	 * A governed call starts, before the request is built.
	 * @param call the call
	 */
	default void onStart(GovernedCall call) {
	}

	/**
	 * The decision of a call is known (allow, block or suspend; for a suspension that
	 * is waited for, called again with the allow once approved).
	 * @param call the call
	 * @param result the decision
	 */
	default void onDecision(GovernedCall call, EnforcementResult result) {
	}

	/**
	 * The governed code ran and ended.
	 * @param call the call
	 * @param status how it ended
	 * @param error its exception for {@link CompletionStatus#FAILURE}, else {@code null}
	 */
	default void onCompletion(GovernedCall call, CompletionStatus status, Throwable error) {
	}

	/**
	 * The governed code did not run because no decision was reached: the request could
	 * not be built, the authority could not be reached under a closed fail mode or
	 * refused the request, the approval was not given, or the caller gave up waiting.
	 * @param call the call
	 * @param error what went wrong
	 */
	default void onError(GovernedCall call, Throwable error) {
	}

}
