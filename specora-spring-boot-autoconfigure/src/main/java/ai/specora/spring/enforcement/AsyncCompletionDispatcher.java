package ai.specora.spring.enforcement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import ai.specora.client.Completion;
import ai.specora.client.ReactiveSpecoraClient;
import ai.specora.client.SpecoraException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * Delivers completions in the background so that governed methods never wait for
 * them, without losing them when the authority is briefly unavailable.
 * <p>
 * Completions go into a bounded queue served by one daemon worker thread. A delivery
 * that fails for a transient reason is retried with exponential back-off, always with
 * the same {@link Completion} (so the same idempotency key: the authority records it
 * once), until it is older than the maximum age. At shutdown the queue is drained for
 * up to the shutdown timeout. A completion is dropped only when the queue is full, when
 * it is too old, when the authority refuses it (4xx), or when the shutdown timeout
 * ends; each drop is logged at ERROR with its journal id (never arguments) and counted
 * (see {@link #droppedCount()}).
 */
public final class AsyncCompletionDispatcher implements CompletionDispatcher, SmartLifecycle, DisposableBean {

	/**
	 * The lifecycle phase: started early and stopped late, after the web server and
	 * task executors, so that completions of the last governed calls are still
	 * delivered.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 8192;

	private static final Logger logger = LoggerFactory.getLogger(AsyncCompletionDispatcher.class);

	private static final long IDLE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final ReactiveSpecoraClient client;

	private final int capacity;

	private final Duration maxAge;

	private final Duration shutdownTimeout;

	private final Duration initialBackoff;

	private final Duration maxBackoff;

	private final Clock clock;

	private final BlockingQueue<Pending> incoming;

	private final PriorityQueue<Pending> retries = new PriorityQueue<>(
			(left, right) -> Long.compare(left.nextAttemptNanos, right.nextAttemptNanos));

	private final Set<String> journalIds = ConcurrentHashMap.newKeySet();

	private final AtomicInteger pending = new AtomicInteger();

	private final AtomicLong dropped = new AtomicLong();

	private final CompletableFuture<Void> queued = CompletableFuture.completedFuture(null);

	private final Pending wakeUp = new Pending(null, null, null);

	private final Object lifecycleMonitor = new Object();

	private volatile Thread worker;

	private volatile boolean stopping;

	private volatile long drainDeadlineNanos;

	private AsyncCompletionDispatcher(Builder builder) {
		this.client = builder.client;
		this.capacity = builder.queueCapacity;
		this.maxAge = builder.maxAge;
		this.shutdownTimeout = builder.shutdownTimeout;
		this.initialBackoff = builder.initialBackoff;
		this.maxBackoff = builder.maxBackoff;
		this.clock = builder.clock;
		this.incoming = new ArrayBlockingQueue<>(this.capacity + 1);
	}

	/**
	 * Starts building a dispatcher.
	 * @param client the client that delivers completions
	 * @return a builder
	 */
	public static Builder builder(ReactiveSpecoraClient client) {
		return new Builder(client);
	}

	@Override
	public CompletionStage<Void> dispatch(String journalId, Completion completion) {
		Objects.requireNonNull(journalId, "journalId must not be null");
		Objects.requireNonNull(completion, "completion must not be null");
		if (this.stopping) {
			deliverNow(journalId, completion);
			return this.queued;
		}
		if (!this.journalIds.add(journalId)) {
			logger.warn("Specora completion {} of journal entry {} ignored: a completion of that entry is already "
					+ "waiting for delivery", completion.status(), journalId);
			return this.queued;
		}
		if (this.pending.incrementAndGet() > this.capacity) {
			this.pending.decrementAndGet();
			this.journalIds.remove(journalId);
			this.dropped.incrementAndGet();
			logger.error("Specora completion {} of journal entry {} dropped: the completion queue is full ({} "
					+ "waiting; raise specora.enforcement.completion.queue-capacity if the authority is reachable)",
					completion.status(), journalId, this.capacity);
			return this.queued;
		}
		ensureWorker();
		this.incoming.add(new Pending(journalId, completion, this.clock.instant()));
		Thread thread = this.worker;
		if (this.stopping && (thread == null || !thread.isAlive())) {
			dropAll("the completion dispatcher was shut down while it was queued");
		}
		return this.queued;
	}

	/**
	 * After shutdown: one delivery attempt (with the client's retries) on the calling
	 * thread, bounded by the shutdown timeout.
	 */
	private void deliverNow(String journalId, Completion completion) {
		try {
			this.client.complete(journalId, completion).block(this.shutdownTimeout.plusSeconds(1));
		}
		catch (RuntimeException ex) {
			this.dropped.incrementAndGet();
			logger.error("Specora completion {} of journal entry {} dropped: it arrived after shutdown and could "
					+ "not be delivered: {}", completion.status(), journalId, ex.getMessage());
		}
	}

	@Override
	public int pendingCount() {
		return this.pending.get();
	}

	@Override
	public long droppedCount() {
		return this.dropped.get();
	}

	@Override
	public void start() {
		ensureWorker();
	}

	private void ensureWorker() {
		if (this.worker != null) {
			return;
		}
		synchronized (this.lifecycleMonitor) {
			if (this.worker == null && !this.stopping) {
				Thread thread = new Thread(this::deliverUntilStopped, "specora-completions");
				thread.setDaemon(true);
				thread.start();
				this.worker = thread;
			}
		}
	}

	/**
	 * Stops accepting completions and drains the queue for up to the shutdown timeout;
	 * what is left then is logged at ERROR and dropped.
	 */
	@Override
	public void stop() {
		Thread thread;
		synchronized (this.lifecycleMonitor) {
			if (this.stopping) {
				return;
			}
			this.drainDeadlineNanos = System.nanoTime() + this.shutdownTimeout.toNanos();
			this.stopping = true;
			thread = this.worker;
		}
		if (thread == null) {
			return;
		}
		this.incoming.offer(this.wakeUp);
		try {
			thread.join(this.shutdownTimeout.toMillis() + 1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			logger.warn("Interrupted while waiting for {} Specora completions to be delivered", this.pending.get());
		}
	}

	@Override
	public boolean isRunning() {
		return this.worker != null && !this.stopping;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	@Override
	public void destroy() {
		stop();
	}

	private void deliverUntilStopped() {
		while (true) {
			Pending next;
			try {
				next = next();
			}
			catch (InterruptedException ex) {
				if (!this.stopping) {
					logger.error("Specora completion delivery interrupted; {} completions left undelivered",
							this.pending.get());
				}
				dropAll("the delivery thread was interrupted");
				return;
			}
			if (next == null) {
				return;
			}
			deliver(next);
		}
	}

	private Pending next() throws InterruptedException {
		while (true) {
			long now = System.nanoTime();
			if (this.stopping) {
				if (this.pending.get() == 0) {
					return null;
				}
				if (now - this.drainDeadlineNanos >= 0) {
					dropAll("the shutdown timeout (specora.enforcement.completion.shutdown-timeout="
							+ this.shutdownTimeout + ") ended before it could be delivered");
					return null;
				}
			}
			Pending due = this.retries.peek();
			if (due != null && due.nextAttemptNanos - now <= 0) {
				return this.retries.poll();
			}
			long wait = (due != null) ? due.nextAttemptNanos - now : IDLE_WAIT_NANOS;
			if (this.stopping) {
				wait = Math.min(wait, this.drainDeadlineNanos - now);
			}
			Pending received = this.incoming.poll(Math.max(wait, 0), TimeUnit.NANOSECONDS);
			if (received != null && received != this.wakeUp) {
				return received;
			}
		}
	}

	private void deliver(Pending item) {
		if (isTooOld(item)) {
			drop(item, "it is older than specora.enforcement.completion.max-age (" + this.maxAge + ")");
			return;
		}
		item.attempts++;
		try {
			if (this.stopping) {
				long remaining = this.drainDeadlineNanos - System.nanoTime();
				this.client.complete(item.journalId, item.completion).block(Duration.ofNanos(Math.max(remaining, 1)));
			}
			else {
				this.client.complete(item.journalId, item.completion).block();
			}
			delivered(item);
		}
		catch (SpecoraException ex) {
			if (ex.isRetryable()) {
				retryLater(item, ex.getMessage());
			}
			else {
				drop(item, "the authority refused it: " + ex.getMessage());
			}
		}
		catch (RuntimeException ex) {
			retryLater(item, ex.toString());
		}
	}

	private void retryLater(Pending item, String reason) {
		if (isTooOld(item)) {
			drop(item, "it is older than specora.enforcement.completion.max-age (" + this.maxAge
					+ "); last failure: " + reason);
			return;
		}
		long backoff = backoffNanos(item.attempts);
		item.nextAttemptNanos = System.nanoTime() + backoff;
		if (logger.isWarnEnabled()) {
			logger.warn("Specora completion {} of journal entry {} not delivered (attempt {}: {}); retrying in {} ms",
					item.completion.status(), item.journalId, item.attempts, reason,
					TimeUnit.NANOSECONDS.toMillis(backoff));
		}
		this.retries.add(item);
	}

	private long backoffNanos(int attempts) {
		long initial = this.initialBackoff.toNanos();
		long max = this.maxBackoff.toNanos();
		long ceiling = initial << Math.min(attempts - 1, 30);
		if (ceiling <= 0 || ceiling > max) {
			ceiling = max;
		}
		long half = ceiling / 2;
		return half + ThreadLocalRandom.current().nextLong(half + 1);
	}

	private boolean isTooOld(Pending item) {
		return Duration.between(item.createdAt, this.clock.instant()).compareTo(this.maxAge) > 0;
	}

	private void delivered(Pending item) {
		this.journalIds.remove(item.journalId);
		this.pending.decrementAndGet();
		if (logger.isDebugEnabled()) {
			logger.debug("Specora completion {} of journal entry {} delivered (attempt {})", item.completion.status(),
					item.journalId, item.attempts);
		}
	}

	private void drop(Pending item, String reason) {
		this.journalIds.remove(item.journalId);
		this.pending.decrementAndGet();
		this.dropped.incrementAndGet();
		logger.error("Specora completion {} of journal entry {} dropped after {} attempts: {}",
				item.completion.status(), item.journalId, item.attempts, reason);
	}

	private void dropAll(String reason) {
		Pending item;
		while ((item = this.retries.poll()) != null) {
			drop(item, reason);
		}
		while ((item = this.incoming.poll()) != null) {
			if (item != this.wakeUp) {
				drop(item, reason);
			}
		}
	}

	@Override
	public String toString() {
		return "AsyncCompletionDispatcher[capacity=" + this.capacity + ", pending=" + this.pending.get() + "]";
	}

	/**
	 * A completion waiting for delivery; its mutable fields are touched by the worker
	 * thread only.
	 */
	private static final class Pending {

		private final String journalId;

		private final Completion completion;

		private final Instant createdAt;

		private int attempts;

		private long nextAttemptNanos;

		Pending(String journalId, Completion completion, Instant createdAt) {
			this.journalId = journalId;
			this.completion = completion;
			this.createdAt = createdAt;
		}

	}

	/**
	 * Builds an {@link AsyncCompletionDispatcher}.
	 */
	public static final class Builder {

		private final ReactiveSpecoraClient client;

		private int queueCapacity = 10_000;

		private Duration maxAge = Duration.ofMinutes(15);

		private Duration shutdownTimeout = Duration.ofSeconds(10);

		private Duration initialBackoff = Duration.ofMillis(500);

		private Duration maxBackoff = Duration.ofSeconds(30);

		private Clock clock = Clock.systemUTC();

		private Builder(ReactiveSpecoraClient client) {
			this.client = Objects.requireNonNull(client, "client must not be null");
		}

		/**
		 * The largest number of completions waiting for delivery (default 10,000).
		 * @param queueCapacity the capacity, positive
		 * @return this builder
		 */
		public Builder queueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
			return this;
		}

		/**
		 * How long a completion is retried before it is dropped (default 15 minutes).
		 * @param maxAge the maximum age, positive
		 * @return this builder
		 */
		public Builder maxAge(Duration maxAge) {
			this.maxAge = maxAge;
			return this;
		}

		/**
		 * How long shutdown waits for the queue to drain (default 10 seconds).
		 * @param shutdownTimeout the timeout, zero or positive
		 * @return this builder
		 */
		public Builder shutdownTimeout(Duration shutdownTimeout) {
			this.shutdownTimeout = shutdownTimeout;
			return this;
		}

		/**
		 * The back-off before the first redelivery (default 500 ms) and the largest one
		 * (default 30 s); it doubles on each attempt, with jitter.
		 * @param initial the first back-off, positive
		 * @param max the largest back-off, at least {@code initial}
		 * @return this builder
		 */
		public Builder backoff(Duration initial, Duration max) {
			this.initialBackoff = initial;
			this.maxBackoff = max;
			return this;
		}

		/**
		 * The clock that measures the age of completions.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Checks the settings and builds the dispatcher; its worker thread starts with
		 * the first completion or {@link AsyncCompletionDispatcher#start()}.
		 * @return the dispatcher
		 * @throws IllegalArgumentException when a setting is out of range
		 */
		public AsyncCompletionDispatcher build() {
			if (this.queueCapacity <= 0) {
				throw new IllegalArgumentException(
						"specora.enforcement.completion.queue-capacity must be positive, but was " + this.queueCapacity);
			}
			requirePositive("specora.enforcement.completion.max-age", this.maxAge);
			if (this.shutdownTimeout == null || this.shutdownTimeout.isNegative()) {
				throw new IllegalArgumentException("specora.enforcement.completion.shutdown-timeout must not be "
						+ "negative, but was " + this.shutdownTimeout);
			}
			requirePositive("initial back-off", this.initialBackoff);
			requirePositive("maximum back-off", this.maxBackoff);
			if (this.maxBackoff.compareTo(this.initialBackoff) < 0) {
				throw new IllegalArgumentException("the maximum back-off must not be shorter than the initial one");
			}
			Objects.requireNonNull(this.clock, "clock must not be null");
			return new AsyncCompletionDispatcher(this);
		}

		private static void requirePositive(String name, Duration value) {
			if (value == null || value.isZero() || value.isNegative()) {
				throw new IllegalArgumentException(name + " must be a positive duration, but was " + value);
			}
		}

	}

}
