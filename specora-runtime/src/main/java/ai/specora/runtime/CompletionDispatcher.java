package ai.specora.runtime;

import java.util.concurrent.CompletionStage;

import ai.specora.client.Completion;

/**
 * Delivers the completions of governed calls to the authority.
 * <p>
 * A completion that cannot be delivered never changes the governed method's outcome:
 * implementations log it (with its journal id, never arguments) and the returned stage
 * still completes normally.
 */
public interface CompletionDispatcher {

	/**
	 * Hands over the completion of an allowed enforcement.
	 * @param journalId the journal id of the enforcement
	 * @param completion how the action ended; redelivered as the same object (same
	 * idempotency key) on retries
	 * @return a stage that completes, never exceptionally, when the governed method may
	 * return: at once when the completion is queued, after delivery when delivering
	 * synchronously
	 */
	CompletionStage<Void> dispatch(String journalId, Completion completion);

	/**
	 * How many completions are waiting for delivery.
	 * @return the number of pending completions
	 */
	int pendingCount();

	/**
	 * How many completions were dropped, undelivered, since this dispatcher was
	 * created; each drop is also logged at ERROR.
	 * @return the number of dropped completions
	 */
	default long droppedCount() {
		return 0;
	}

	/**
	 * Where completions wait for delivery, for the actuator endpoint and health.
	 * @return {@code memory}, {@code redis}, or {@code none} when they are delivered
	 * before the governed method returns
	 */
	default String storeName() {
		return "memory";
	}

}
