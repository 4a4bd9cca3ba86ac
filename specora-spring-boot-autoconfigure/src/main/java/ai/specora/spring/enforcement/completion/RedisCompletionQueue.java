package ai.specora.spring.enforcement.completion;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;

/**
 * Completions and execution records in a Redis stream shared by every replica of an
 * application, so that they survive a crash of the process that handed them over.
 * <p>
 * {@link #offer} appends an entry ({@code XADD}, refused at capacity) before the
 * governed call returns. The replicas read new entries through one consumer group
 * ({@code XREADGROUP}); an entry is deleted and acknowledged ({@link StreamRemovals},
 * in batches, at the worker's next {@link #flush()}) only after the authority's answer
 * (or when it is dropped and logged).
 * An entry whose delivery failed stays pending with this consumer and is retried after
 * the back-off, its idle time reset first ({@code XCLAIM}), so that no other replica
 * takes it while this one is alive. Entries left pending by a replica that died are
 * claimed by another after the lease ({@code XAUTOCLAIM}, Redis 6.2+) and delivered
 * with the same idempotency key.
 * <p>
 * The hand-over never waits for Redis longer than the append timeout, nor on a
 * non-blocking thread at all ({@link RedisAppender}): when Redis does not answer in
 * time, fails, or its circuit breaker is open, the completion goes to an in-memory
 * queue of this process instead, with a WARN (at most every 10 s): it is not lost
 * while the process lives, and it moves to Redis when the worker takes it while Redis
 * answers again. The worker's own commands go through the same breaker, and each is
 * waited for at most a second ({@link WorkerRedisCalls}), so it delivers the in-memory
 * completions without waiting on a failing or hung Redis. When the stream or its group
 * is lost, what this process handed over and has not seen delivered
 * ({@link HandOverLog}) is handed over again. At shutdown, entries
 * still pending in Redis are left there for the other replicas (or the next start);
 * only in-memory ones can be dropped.
 * <p>
 * A second completion of a journal entry handed over by this process is refused as a
 * {@link Offer#DUPLICATE duplicate}, as in memory, while the first may still wait
 * (within the maximum age, among the last {@code capacity} hand-overs of this
 * process); one that gets past that is refused by the authority (HTTP 409) and
 * counted as a duplicate by the worker.
 */
final class RedisCompletionQueue implements CompletionQueue {

	private static final Logger logger = LoggerFactory.getLogger(AsyncCompletionDispatcher.class);

	/**
	 * The longest the worker waits for one of its Redis commands: a read blocks for at
	 * most {@link StreamReader#BLOCK_MILLIS}, the rest is for a slow answer.
	 */
	private static final Duration WORKER_COMMAND_LIMIT = Duration.ofSeconds(1);

	/** The most completions moved from memory to Redis in one poll. */
	private static final int MOVES_PER_POLL = 64;

	private final RedisCompletionStream stream;

	private final MemoryCompletionQueue fallback;

	private final RedisAppender appender;

	private final WorkerRedisCalls calls = new WorkerRedisCalls(WORKER_COMMAND_LIMIT);

	private final StreamReader reader;

	private final Deque<QueuedDelivery> ready = new ArrayDeque<>();

	/** Entries delivered or dropped, removed at the next {@link #flush()}. */
	private final StreamRemovals removals;

	private final PriorityQueue<QueuedDelivery> retries = new PriorityQueue<>(
			(left, right) -> Long.compare(left.nextAttemptNanos(), right.nextAttemptNanos()));

	/** The entries this process holds (read from Redis, not yet finished): entry id to key. */
	private final Map<String, String> held = new ConcurrentHashMap<>();

	/** What this process handed over and has not seen delivered, with copies. */
	private final HandOverLog handedOver;

	private final int capacity;

	private final CompletionDrops drops;


	private volatile boolean closed;


	private long nextFailureLogNanos;

	RedisCompletionQueue(RedisCompletionStream stream, int fallbackCapacity, Duration lease, Duration appendTimeout,
			Duration maxAge, CompletionDrops drops, Duration idleConsumerTimeout) {
		this.stream = stream;
		this.reader = new StreamReader(stream, this.calls, lease, idleConsumerTimeout);
		this.capacity = fallbackCapacity;
		this.handedOver = new HandOverLog(fallbackCapacity, maxAge.toNanos());
		this.drops = drops;
		this.fallback = new MemoryCompletionQueue(fallbackCapacity);
		this.appender = new RedisAppender(stream, appendTimeout, "specora-completion-store");
		this.removals = new StreamRemovals(stream, this.calls);
	}

	@Override
	public String name() {
		return "redis";
	}

	@Override
	public Offer offer(PendingDelivery pending, Consumer<Offer> late) {
		String key = pending.key();
		long now = System.nanoTime();
		if (!this.handedOver.add(pending, now)) {
			return Offer.DUPLICATE;
		}
		Offer offer = this.appender.append(pending, (reason) -> this.fallback.offer(pending), (outcome) -> {
			if (outcome != Offer.ACCEPTED) {
				this.handedOver.remove(key, now);
			}
			late.accept(outcome);
		});
		if (offer != Offer.ACCEPTED) {
			this.handedOver.remove(key, now);
		}
		return offer;
	}

	@Override
	public QueuedDelivery poll(long waitNanos) throws InterruptedException {
		hold(this.reader.lateEntries());
		QueuedDelivery local = localOrMoved();
		if (local != null) {
			return local;
		}
		long now = System.nanoTime();
		QueuedDelivery due = this.retries.peek();
		if (due != null && due.nextAttemptNanos() - now <= 0) {
			this.retries.poll();
			return touched(due);
		}
		if (!this.ready.isEmpty()) {
			return this.ready.poll();
		}
		long wait = (due != null) ? Math.min(waitNanos, due.nextAttemptNanos() - now) : waitNanos;
		if (this.closed || !this.appender.breaker().tryAcquirePermission()) {
			// shutdown began, or Redis is failing: deliver what this process holds
			return this.fallback.poll(Math.max(wait, 0));
		}
		long start = System.nanoTime();
		try {
			hold(this.reader.claimAbandoned(now));
			if (this.ready.isEmpty()) {
				hold(this.reader.readNew(wait));
			}
			this.appender.breaker().onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			if (this.stream.takeGroupLoss()) {
				appendAgainAfterLoss();
			}
		}
		catch (DataAccessException | CompletionStoreException ex) {
			this.appender.breaker().onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, ex);
			storeFailed("read", ex);
			return this.fallback.poll(Math.max(1, Math.min(Math.max(wait, 0), TimeUnit.SECONDS.toNanos(1))));
		}
		return this.ready.poll();
	}

	/**
	 * The next completion this process holds in memory that is due; while Redis answers,
	 * such completions are moved to Redis instead (with their hand-over time, so their
	 * maximum age is unchanged) and {@code null} is returned once none is left.
	 */
	private QueuedDelivery localOrMoved() throws InterruptedException {
		for (int moved = 0; moved < MOVES_PER_POLL; moved++) {
			QueuedDelivery local = this.fallback.poll(0);
			if (local == null || this.closed || !this.appender.isHealthy()) {
				return local;
			}
			Boolean appended;
			try {
				appended = this.calls.call(() -> this.appender.appendNow(local.pending()));
			}
			catch (CompletionStoreException ex) {
				this.appender.breaker().onError(0, TimeUnit.NANOSECONDS, ex);
				storeFailed("take", ex);
				appended = null;
			}
			if (!Boolean.TRUE.equals(appended)) {
				return local;
			}
			this.fallback.remove(local);
			if (logger.isDebugEnabled()) {
				logger.debug("Specora {} moved from memory to the Redis completion store",
						local.pending().description());
			}
		}
		return null;
	}

	/**
	 * The stream was lost with what it held: what this process handed over and has not
	 * seen delivered, unless it holds it already, goes to its memory queue, from which the worker delivers it or moves
	 * it to the new stream. Some of it may have been delivered by another replica: sent
	 * again under the same idempotency key, it is recorded once.
	 */
	private void appendAgainAfterLoss() {
		int again = 0;
		int refused = 0;
		Set<String> holding = new HashSet<>(this.held.values());
		for (PendingDelivery pending : this.handedOver.notDelivered(System.nanoTime())) {
			if (holding.contains(pending.key())) {
				continue; // read before the loss: this process delivers it from memory
			}
			Offer offer = this.fallback.offer(pending);
			if (offer == Offer.ACCEPTED) {
				again++;
			}
			else if (offer == Offer.FULL) {
				refused++;
				this.drops.dropped(pending, CompletionDropReason.QUEUE_FULL,
						"it was lost with the Redis stream and the memory queue is full");
			}
		}
		logger.warn("The Specora Redis completion stream was lost; this replica hands over again the {} completions "
				+ "and execution records it handed over (among its last {}) and has not seen delivered ({} more did not "
				+ "fit in memory). What other replicas that have stopped since handed over is gone", again,
				this.capacity, refused);
	}

	private void hold(List<MapRecord<String, Object, Object>> records) {
		for (MapRecord<String, Object, Object> record : records) {
			String id = record.getId().getValue();
			if (this.held.containsKey(id)) {
				continue;
			}
			PendingDelivery pending = this.stream.decode(record);
			if (pending == null) {
				Object journalId = record.getValue().get("j");
				this.drops.unreadable("Redis completion stream entry " + id
						+ ((journalId != null) ? " of journal entry " + journalId : ""),
						"it cannot be read as a completion or an execution record; it is removed");
				this.stream.removeQuietly(id);
				continue;
			}
			this.held.put(id, pending.key());
			this.ready.add(new QueuedDelivery(pending, id));
		}
	}

	/**
	 * Resets the idle time of a held entry before another attempt; {@code null} (and
	 * forgotten) when another replica took it meanwhile.
	 */
	private QueuedDelivery touched(QueuedDelivery item) {
		try {
			if (this.calls.call(() -> this.stream.touch(RecordId.of(item.storeId())))) {
				return item;
			}
			forget(item);
			return null;
		}
		catch (DataAccessException | CompletionStoreException ex) {
			storeFailed("keep", ex);
			return item;
		}
	}

	@Override
	public void retryLater(QueuedDelivery item, long delayNanos) {
		if (item.storeId() == null) {
			this.fallback.retryLater(item, delayNanos);
			return;
		}
		item.nextAttemptNanos(System.nanoTime() + delayNanos);
		this.retries.add(item);
	}

	@Override
	public void remove(QueuedDelivery item) {
		this.handedOver.remove(item.key());
		if (item.storeId() == null) {
			this.fallback.remove(item);
			return;
		}
		forget(item);
		this.removals.add(item.storeId());
	}

	@Override
	public void flush() {
		if (this.removals.isEmpty() || !this.appender.isHealthy()) {
			return; // while Redis fails, kept for later: the entries stay pending with this replica meanwhile
		}
		try {
			this.removals.flush();
		}
		catch (DataAccessException | CompletionStoreException ex) {
			storeFailed("remove delivered", ex);
		}
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * An entry read from Redis stays pending there, and another replica claims it after
	 * the lease; one held in memory is lost with this process.
	 */
	@Override
	public boolean release(QueuedDelivery item) {
		if (item.storeId() == null) {
			return false;
		}
		this.handedOver.remove(item.key());
		forget(item);
		return true;
	}

	private void forget(QueuedDelivery item) {
		this.held.remove(item.storeId());
	}

	@Override
	public List<QueuedDelivery> removeAll() {
		flush();
		int left = this.held.size();
		if (left > 0) {
			logger.info("{} Specora completions stay pending in the Redis completion store for another replica or the "
					+ "next start", left);
		}
		this.ready.clear();
		this.retries.clear();
		this.held.clear();
		return new ArrayList<>(this.fallback.removeAll());
	}

	@Override
	public int size() {
		return this.held.size() + this.fallback.size() + this.appender.running();
	}

	@Override
	public long backlog() {
		try {
			return this.stream.length() + this.fallback.size();
		}
		catch (DataAccessException ex) {
			return size();
		}
	}

	@Override
	public Instant oldestCreatedAt() {
		Instant oldest = this.fallback.oldestCreatedAt();
		try {
			Instant stored = this.stream.oldestCreatedAt();
			return (oldest == null || (stored != null && stored.isBefore(oldest))) ? stored : oldest;
		}
		catch (DataAccessException ex) {
			return oldest;
		}
	}

	@Override
	public void open() {
		try {
			this.stream.connect();
		}
		catch (DataAccessException ex) {
			storeFailed("be reached at start-up", ex);
		}
	}

	@Override
	public void close() {
		this.closed = true;
	}

	@Override
	public void wakeUp() {
		this.fallback.wakeUp();
	}

	private void storeFailed(String what, RuntimeException ex) {
		long now = System.nanoTime();
		if (now - this.nextFailureLogNanos >= 0) {
			this.nextFailureLogNanos = now + TimeUnit.SECONDS.toNanos(10);
			logger.warn("The Specora Redis completion store cannot {} entries ({}); trying again", what,
					ex.getMessage());
		}
	}

	@Override
	public String toString() {
		return "RedisCompletionQueue[" + this.stream + "]";
	}

}
