package ai.specora.spring.enforcement.completion;

/**
 * A {@link PendingDelivery} in a queue, with its delivery attempts so far. Its mutable
 * fields are touched by the delivery worker only.
 */
final class QueuedDelivery {

	private final PendingDelivery pending;

	private final String storeId;

	private int attempts;

	private long nextAttemptNanos;

	QueuedDelivery(PendingDelivery pending, String storeId) {
		this.pending = pending;
		this.storeId = storeId;
	}

	PendingDelivery pending() {
		return this.pending;
	}

	/**
	 * The key at most one delivery waits or is in flight for: see
	 * {@link PendingDelivery#key()}.
	 */
	String key() {
		return this.pending.key();
	}

	/**
	 * The id of the entry in a durable store (a stream entry id), or {@code null} in
	 * memory.
	 */
	String storeId() {
		return this.storeId;
	}

	int attempts() {
		return this.attempts;
	}

	int nextAttempt() {
		return ++this.attempts;
	}

	long nextAttemptNanos() {
		return this.nextAttemptNanos;
	}

	void nextAttemptNanos(long nanos) {
		this.nextAttemptNanos = nanos;
	}

}
