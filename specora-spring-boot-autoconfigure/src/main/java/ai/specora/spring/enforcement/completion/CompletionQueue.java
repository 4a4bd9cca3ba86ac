package ai.specora.spring.enforcement.completion;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where completions wait for delivery: in memory, or in a durable store shared by the
 * replicas of an application. {@link #offer} is called by any thread; everything else by
 * the one delivery worker of a dispatcher.
 */
interface CompletionQueue {

	/**
	 * The kind of store, for the actuator endpoint and health: {@code memory} or
	 * {@code redis}.
	 * @return the store's name
	 */
	String name();

	/**
	 * Adds a completion; never waits on a lock, never blocks a non-blocking thread, and
	 * waits for a durable store no longer than its append timeout.
	 * @param pending the completion
	 * @param late told how the hand-over went when that was not known at once (a
	 * non-blocking thread does not wait for a durable store); then the returned value is
	 * {@link Offer#ACCEPTED}
	 * @return whether it was accepted
	 */
	Offer offer(PendingDelivery pending, Consumer<Offer> late);

	/**
	 * The next completion due for an attempt, waiting for up to the given time.
	 * @param waitNanos the longest wait
	 * @return the completion, or {@code null} when none is due in time
	 * @throws InterruptedException when interrupted while waiting
	 */
	QueuedDelivery poll(long waitNanos) throws InterruptedException;

	/**
	 * Keeps a completion whose attempt failed for another attempt after a delay.
	 * @param item the completion
	 * @param delayNanos the delay
	 */
	void retryLater(QueuedDelivery item, long delayNanos);

	/**
	 * Removes a completion for good: it was delivered, or dropped (and logged). A
	 * durable store may do it in Redis at the next {@link #flush()}.
	 * @param item the completion
	 */
	void remove(QueuedDelivery item);

	/**
	 * Carries out the removals a durable store has gathered since the last call, in one
	 * round trip; called by the worker after it has handled the answers that came in.
	 */
	default void flush() {
	}

	/**
	 * Lets go of a delivery cut off at the end of shutdown without removing it, when a
	 * shared store keeps it for another replica (or the next start), which delivers it
	 * with the same idempotency key.
	 * @param item the delivery
	 * @return whether the store keeps it; {@code false} when it is lost with this process
	 */
	default boolean release(QueuedDelivery item) {
		return false;
	}

	/**
	 * Removes and returns every completion this process holds, at the end of shutdown.
	 * @return the completions left
	 */
	List<QueuedDelivery> removeAll();

	/**
	 * How many completions this process holds and must deliver or log before it exits
	 * (including the one being delivered).
	 * @return the completions held
	 */
	int size();

	/**
	 * How many completions wait for delivery in the store, for the actuator endpoint,
	 * health and metrics: {@link #size()} in memory, every replica's in a shared store.
	 * @return the backlog
	 */
	default long backlog() {
		return size();
	}

	/**
	 * When the oldest completion waiting in the store was handed over, for the
	 * {@code specora.completions.oldest.age} gauge.
	 * @return the hand-over time, or {@code null} when none waits
	 */
	java.time.Instant oldestCreatedAt();

	/**
	 * The dispatcher starts: a durable store connects now, so that the first hand-overs
	 * do not wait for the connection. A failure is logged, never thrown.
	 */
	default void open() {
	}

	/**
	 * Shutdown began: take no more completions from a shared store (they stay there for
	 * the other replicas or the next start).
	 */
	default void close() {
	}

	/**
	 * Wakes up a worker waiting in {@link #poll(long)}.
	 */
	void wakeUp();

	/**
	 * The outcome of {@link #offer}.
	 */
	enum Offer {

		/** The completion waits for delivery. */
		ACCEPTED,

		/**
		 * A completion of the same journal entry already waits: this one is dropped as a
		 * duplicate.
		 */
		DUPLICATE,

		/** The queue is at capacity: the completion is dropped. */
		FULL

	}

}
