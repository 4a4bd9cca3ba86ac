package ai.specora.runtime;

import java.util.concurrent.CompletionStage;

import ai.specora.client.Completion;
import ai.specora.client.platform.ExecutionRecordRequest;

/**
 * Delivers the completions of governed calls to the authority, and the execution
 * records of governed LLM calls to the platform ({@code recordExecution}), each with
 * one idempotency key for all its retries.
 * <p>
 * A completion or record that cannot be delivered never changes the governed call's
 * outcome: implementations log it (with its journal id or idempotency key, never
 * arguments) and the returned stage still completes normally.
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
	 * Hands over the execution record of a governed LLM call ({@code recordExecution},
	 * Model B). An idempotency key is drawn once, here, and sent with every delivery of
	 * the record, so the platform records it once however often it is retried.
	 * @param record the execution, with its real usage and cost
	 * @return a stage that completes, never exceptionally, when the LLM call may return:
	 * at once when the record is queued, after delivery when delivering synchronously
	 */
	CompletionStage<Void> dispatchExecutionRecord(ExecutionRecordRequest record);

	/**
	 * How many completions and execution records are waiting for delivery.
	 * @return the number of pending deliveries
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
