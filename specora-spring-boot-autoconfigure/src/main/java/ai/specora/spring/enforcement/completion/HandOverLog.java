package ai.specora.spring.enforcement.completion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deliveries this process handed to the Redis store and has not seen delivered:
 * the last {@code capacity} of them, oldest forgotten first, each for at most the
 * maximum age. It refuses a second hand-over with the same key (a
 * {@link CompletionQueue.Offer#DUPLICATE duplicate}), and it keeps a copy of each
 * delivery, so that the ones lost with the stream (Redis restarted without
 * persistence, a {@code FLUSHALL}, an eviction) can be appended again.
 * <p>
 * Thread-safe; each method holds the log's monitor for a map operation or a copy, never
 * during any I/O.
 */
final class HandOverLog {

	private final int capacity;

	private final long maxAgeNanos;

	private final Map<String, Entry> entries;

	HandOverLog(int capacity, long maxAgeNanos) {
		this.capacity = capacity;
		this.maxAgeNanos = maxAgeNanos;
		this.entries = new LinkedHashMap<>(16, 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
				return size() > HandOverLog.this.capacity;
			}

		};
	}

	/**
	 * Logs a hand-over, unless one with the same key is logged within the maximum age.
	 * @param pending the delivery
	 * @param nowNanos the hand-over's {@link System#nanoTime()}
	 * @return whether it was logged; {@code false} for a duplicate
	 */
	synchronized boolean add(PendingDelivery pending, long nowNanos) {
		Entry previous = this.entries.get(pending.key());
		if (previous != null && nowNanos - previous.nanos() <= this.maxAgeNanos) {
			return false;
		}
		this.entries.remove(pending.key());
		this.entries.put(pending.key(), new Entry(pending, nowNanos));
		return true;
	}

	/**
	 * Forgets a delivery: delivered or dropped by this process.
	 */
	synchronized void remove(String key) {
		this.entries.remove(key);
	}

	/**
	 * Forgets one hand-over that did not take (full, or gone to a queue that refused it),
	 * unless another hand-over of the key replaced it meanwhile.
	 */
	synchronized void remove(String key, long nanos) {
		Entry entry = this.entries.get(key);
		if (entry != null && entry.nanos() == nanos) {
			this.entries.remove(key);
		}
	}

	/**
	 * The deliveries logged and younger than the maximum age, oldest first.
	 */
	synchronized List<PendingDelivery> notDelivered(long nowNanos) {
		List<PendingDelivery> left = new ArrayList<>(this.entries.size());
		for (Entry entry : this.entries.values()) {
			if (nowNanos - entry.nanos() <= this.maxAgeNanos) {
				left.add(entry.pending());
			}
		}
		return left;
	}

	synchronized int size() {
		return this.entries.size();
	}

	private record Entry(PendingDelivery pending, long nanos) {
	}

}
