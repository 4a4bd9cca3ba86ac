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
 * The in-memory queue: a bounded queue of new completions plus the retries ordered by
 * their next attempt. At most one completion per journal entry waits at a time.
 */
final class MemoryCompletionQueue implements CompletionQueue {

	private final int capacity;

	private final BlockingQueue<QueuedCompletion> incoming;

	private final PriorityQueue<QueuedCompletion> retries = new PriorityQueue<>(
			(left, right) -> Long.compare(left.nextAttemptNanos(), right.nextAttemptNanos()));

	/** The journal ids waiting, with their hand-over times. */
	private final Map<String, Instant> journalIds = new ConcurrentHashMap<>();

	private final AtomicInteger size = new AtomicInteger();

	private final QueuedCompletion wakeUp = new QueuedCompletion(null, null);

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
	public Offer offer(PendingCompletion pending, Consumer<Offer> late) {
		return offer(pending);
	}

	Offer offer(PendingCompletion pending) {
		if (this.journalIds.putIfAbsent(pending.journalId(), pending.createdAt()) != null) {
			return Offer.DUPLICATE;
		}
		if (this.size.incrementAndGet() > this.capacity) {
			this.size.decrementAndGet();
			this.journalIds.remove(pending.journalId());
			return Offer.FULL;
		}
		this.incoming.add(new QueuedCompletion(pending, null));
		return Offer.ACCEPTED;
	}

	@Override
	public QueuedCompletion poll(long waitNanos) throws InterruptedException {
		long now = System.nanoTime();
		QueuedCompletion due = this.retries.peek();
		if (due != null && due.nextAttemptNanos() - now <= 0) {
			return this.retries.poll();
		}
		long wait = (due != null) ? Math.min(waitNanos, due.nextAttemptNanos() - now) : waitNanos;
		QueuedCompletion received = this.incoming.poll(Math.max(wait, 0), TimeUnit.NANOSECONDS);
		if (received == this.wakeUp) {
			this.wakeUpQueued.set(false);
			return null;
		}
		return received;
	}

	@Override
	public void retryLater(QueuedCompletion item, long delayNanos) {
		item.nextAttemptNanos(System.nanoTime() + delayNanos);
		this.retries.add(item);
	}

	@Override
	public void remove(QueuedCompletion item) {
		this.journalIds.remove(item.journalId());
		this.size.decrementAndGet();
	}

	@Override
	public List<QueuedCompletion> removeAll() {
		List<QueuedCompletion> left = new ArrayList<>(this.retries);
		this.retries.clear();
		QueuedCompletion item;
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
		for (Instant createdAt : this.journalIds.values()) {
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
