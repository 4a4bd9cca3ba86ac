package ai.specora.spring.enforcement.completion;

import java.time.Instant;

import ai.specora.client.ReactiveSpecoraClient;
import reactor.core.publisher.Mono;

/**
 * Something the dispatcher delivers in the background: the {@link PendingCompletion}
 * of a governed call, or the {@link PendingExecutionRecord} of a governed LLM call. Both
 * wait in the same queue and take the same path: retries with the same idempotency key,
 * back-off, maximum age, the shutdown drain, the Redis store.
 */
sealed interface PendingDelivery permits PendingCompletion, PendingExecutionRecord {

	/**
	 * What at most one delivery waits or is in flight for at a time: the journal id of a
	 * completion, the idempotency key of an execution record.
	 * @return the key
	 */
	String key();

	/**
	 * When it was handed over, for the maximum age.
	 * @return the hand-over time
	 */
	Instant createdAt();

	/**
	 * Whether it is a completion or an execution record, for the counts.
	 * @return the kind
	 */
	DeliveryKind kind();

	/**
	 * One delivery, with the client's retries and the same idempotency key on every
	 * subscription.
	 * @param client the client that delivers it
	 * @return the delivery
	 */
	Mono<?> deliver(ReactiveSpecoraClient client);

	/**
	 * What it is, for the log: never arguments, costs or metadata.
	 * @return e.g. {@code completion SUCCESS of journal entry j-1}
	 */
	String description();

}
