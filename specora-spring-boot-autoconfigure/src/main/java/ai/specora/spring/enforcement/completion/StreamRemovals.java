package ai.specora.spring.enforcement.completion;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stream entries the worker delivered or dropped, removed from Redis in batches:
 * one script (delete, then acknowledge) for all the answers the worker handled in one
 * pass. Used by the worker thread only. While Redis fails, the ids are kept (an entry
 * stays pending with this replica meanwhile), up to a bound past which they are given
 * up: those entries are then claimed after the lease and delivered again, under the
 * same idempotency keys.
 */
final class StreamRemovals {

	private static final Logger logger = LoggerFactory.getLogger(AsyncCompletionDispatcher.class);

	/** The most entries removed by one script. */
	private static final int BATCH = 512;

	/** The most ids kept while Redis fails. */
	private static final int MAX_KEPT = 10_000;

	private final RedisCompletionStream stream;

	private final WorkerRedisCalls calls;

	private final List<String> ids = new ArrayList<>();

	StreamRemovals(RedisCompletionStream stream, WorkerRedisCalls calls) {
		this.stream = stream;
		this.calls = calls;
	}

	void add(String id) {
		this.ids.add(id);
	}

	/**
	 * Removes the entries gathered so far.
	 * @throws RuntimeException a {@code DataAccessException} or
	 * {@link CompletionStoreException} when Redis failed; the ids not removed are kept
	 */
	void flush() {
		int done = 0;
		try {
			while (done < this.ids.size()) {
				List<String> batch = List.copyOf(this.ids.subList(done, Math.min(this.ids.size(), done + BATCH)));
				this.calls.run(() -> this.stream.remove(batch));
				done += batch.size();
			}
		}
		catch (RuntimeException ex) {
			if (this.ids.size() - done > MAX_KEPT) {
				logger.warn("{} Specora completion stream entries delivered or dropped could not be removed; they may "
						+ "be delivered again after the lease, with the same idempotency keys", this.ids.size() - done);
				done = this.ids.size();
			}
			throw ex;
		}
		finally {
			this.ids.subList(0, done).clear();
		}
	}

	boolean isEmpty() {
		return this.ids.isEmpty();
	}

}
