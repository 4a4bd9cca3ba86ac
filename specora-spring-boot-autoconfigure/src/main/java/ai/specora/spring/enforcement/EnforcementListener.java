package ai.specora.spring.enforcement;

import ai.specora.client.CompletionStatus;
import ai.specora.client.EnforcementResult;

/**
 * Follows governed calls, for metrics, tracing or auditing: register beans of this
 * type and every {@link ai.specora.spring.Enforced @Enforced} call reports to them.
 * <p>
 * For one call, {@link #onStart} comes first, then {@link #onDecision} when the
 * authority answered (or a fail-open allow was made), then {@link #onCompletion} when
 * an allowed method ended; {@link #onError} replaces the decision when none could be
 * had or the request could not be built. The same {@link EnforcedCall} instance is
 * passed to every callback of a call. Callbacks run on the calling (or reactive)
 * thread, must be quick and must not block; an exception they throw is logged and
 * ignored.
 */
public interface EnforcementListener {

	/**
	 * A governed call starts, before the request is built.
	 * @param call the call
	 */
	default void onStart(EnforcedCall call) {
	}

	/**
	 * The decision of a call is known (allow, block or suspend; for a suspension that
	 * is waited for, called again with the allow once approved).
	 * @param call the call
	 * @param result the decision
	 */
	default void onDecision(EnforcedCall call, EnforcementResult result) {
	}

	/**
	 * An allowed method ended.
	 * @param call the call
	 * @param status how the method ended
	 * @param error the method's exception for {@link CompletionStatus#FAILURE}, else
	 * {@code null}
	 */
	default void onCompletion(EnforcedCall call, CompletionStatus status, Throwable error) {
	}

	/**
	 * No decision was reached: the request could not be built, the authority could
	 * not be reached under a closed fail mode, refused the request, or the approval
	 * was not given. The method did not run.
	 * @param call the call
	 * @param error what went wrong
	 */
	default void onError(EnforcedCall call, Throwable error) {
	}

}
