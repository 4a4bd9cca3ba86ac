package ai.specora.spring.enforcement.completion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The in-memory queue: a bounded queue of new deliveries plus the retries ordered by
 * their next attempt. At most one delivery per {@link PendingDelivery#key() key} (journal
 * entry, execution record) waits at a time.
 */
final class MemoryCompletionQueue implements CompletionQueue {

	private final int capacity;

	private final BlockingQueue<QueuedDelivery> incoming;

	private final PriorityQueue<QueuedDelivery> retries = new PriorityQueue<>(
			(left, right) -> Long.compare(left.nextAttemptNanos(), right.nextAttemptNanos()));

	/** The keys waiting, with their hand-over times. */
	private final Map<String, Instant> keys = new ConcurrentHashMap<>();

	private final AtomicInteger size = new AtomicInteger();

	private final QueuedDelivery wakeUp = new QueuedDelivery(null, null);

	/** Whether the wake-up marker is in {@link #incoming}: never more than one. */
	private final AtomicBoolean wakeUpQueued = new AtomicBoolean();

	MemoryCompletionQueue(int capacity) {
		this.capacity = capacity;
		this.incoming = new ArrayBlockingQueue<>(capacity + 1);
	}

	@Override
	public String name() {
		return "memory";
	}

	@Override
	public Offer offer(PendingDelivery pending, Consumer<Offer> late) {
		return offer(pending);
	}

	Offer offer(PendingDelivery pending) {
		if (this.keys.putIfAbsent(pending.key(), pending.createdAt()) != null) {
			return Offer.DUPLICATE;
		}
		if (this.size.incrementAndGet() > this.capacity) {
			this.size.decrementAndGet();
			this.keys.remove(pending.key());
			return Offer.FULL;
		}
		this.incoming.add(new QueuedDelivery(pending, null));
		return Offer.ACCEPTED;
	}

	@Override
	public QueuedDelivery poll(long waitNanos) throws InterruptedException {
		long now = System.nanoTime();
		QueuedDelivery due = this.retries.peek();
		if (due != null && due.nextAttemptNanos() - now <= 0) {
			return this.retries.poll();
		}
		long wait = (due != null) ? Math.min(waitNanos, due.nextAttemptNanos() - now) : waitNanos;
		QueuedDelivery received = this.incoming.poll(Math.max(wait, 0), TimeUnit.NANOSECONDS);
		if (received == this.wakeUp) {
			this.wakeUpQueued.set(false);
			return null;
		}
		return received;
	}

	@Override
	public void retryLater(QueuedDelivery item, long delayNanos) {
		item.nextAttemptNanos(System.nanoTime() + delayNanos);
		this.retries.add(item);
	}

	@Override
	public void remove(QueuedDelivery item) {
		this.keys.remove(item.key());
		this.size.decrementAndGet();
	}

	@Override
	public List<QueuedDelivery> removeAll() {
		List<QueuedDelivery> left = new ArrayList<>(this.retries);
		this.retries.clear();
		QueuedDelivery item;
		while ((item = this.incoming.poll()) != null) {
			if (item != this.wakeUp) {
				left.add(item);
			}
			else {
				this.wakeUpQueued.set(false);
			}
		}
		return left;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Scans the waiting entries: meant for a metrics scrape, not for a per-call path.
	 */
	@Override
	public Instant oldestCreatedAt() {
		Instant oldest = null;
		for (Instant createdAt : this.keys.values()) {
			if (oldest == null || createdAt.isBefore(oldest)) {
				oldest = createdAt;
			}
		}
		return oldest;
	}

	@Override
	public int size() {
		return this.size.get();
	}

	@Override
	public void wakeUp() {
		if (this.wakeUpQueued.compareAndSet(false, true)) {
			this.incoming.offer(this.wakeUp);
		}
	}

}
