package ai.specora.spring.enforcement.completion;

/**
 * Where an {@link AsyncCompletionDispatcher} keeps the completions waiting for
 * delivery: {@link #memory()} (the default) or a {@link RedisCompletionStore} shared by
 * the replicas of an application.
 */
public abstract class CompletionStore {

	CompletionStore() {
	}

	/**
	 * The bounded in-memory store of one process: completions are lost if the process
	 * dies before they are delivered.
	 * @return the memory store
	 */
	public static CompletionStore memory() {
		return new CompletionStore() {

			@Override
			CompletionQueue open(int capacity, java.time.Duration maxAge, CompletionDrops drops) {
				return new MemoryCompletionQueue(capacity);
			}

		};
	}

	/**
	 * Opens the queue of one dispatcher.
	 * @param capacity the largest number of completions waiting
	 * @param maxAge how long a completion is retried
	 * @param drops where completions the queue gives up itself are counted
	 */
	abstract CompletionQueue open(int capacity, java.time.Duration maxAge, CompletionDrops drops);

}
