package ai.specora.spring.enforcement.completion;

/**
 * A {@link PendingCompletion} in a queue, with its delivery attempts so far. Its mutable
 * fields are touched by the delivery worker only.
 */
final class QueuedCompletion {

	private final PendingCompletion pending;

	private final String storeId;

	private int attempts;

	private long nextAttemptNanos;

	QueuedCompletion(PendingCompletion pending, String storeId) {
		this.pending = pending;
		this.storeId = storeId;
	}

	PendingCompletion pending() {
		return this.pending;
	}

	String journalId() {
		return this.pending.journalId();
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
