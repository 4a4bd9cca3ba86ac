package ai.specora.spring.enforcement.completion;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Schedulers;

/**
 * Appends completions to the Redis stream without ever holding a caller for longer
 * than the append timeout, nor a non-blocking thread at all.
 * <p>
 * Each append runs on a small bounded pool of its own. A caller that may block waits
 * for it up to the append timeout; a non-blocking thread (a Netty event loop) does not
 * wait. When the append has not answered by then, or fails, or the pool is full, the
 * completion goes to the memory fallback instead, exactly once: an append still queued
 * then is skipped, one that answers later removes its entry again. A Resilience4j
 * circuit breaker counts failed and late appends; unless it is closed, hand-overs go
 * straight to memory without touching Redis (the worker's own commands, which go
 * through the same breaker, are its trials). Before the breaker has seen enough
 * failures, trouble is acted on at once: after an append failed or answered too late,
 * and while an append has been with Redis for a quarter of the append timeout with no
 * success meanwhile, new hand-overs go to memory without waiting, until an append
 * succeeds again (the worker's, moving the completions in memory to Redis).
 */
final class RedisAppender {

	private static final Logger logger = LoggerFactory.getLogger(AsyncCompletionDispatcher.class);

	private static final int THREADS = 4;

	private static final int BACKLOG = 1024;

	private final RedisCompletionStream stream;

	private final Duration timeout;

	private final CircuitBreaker breaker;

	private final ThreadPoolExecutor executor;

	private final AtomicInteger running = new AtomicInteger();

	/** Appends whose command is with Redis now, whether or not their caller still waits. */
	private final AtomicInteger inRedis = new AtomicInteger();

	/**
	 * Since when Redis has been asked without answering an append successfully: the
	 * last success, or, when none was with Redis, the sending of the next one. With
	 * appends with Redis and no success for {@link #stallNanos}, Redis is taken as
	 * stalled.
	 */
	private volatile long quietSinceNanos = System.nanoTime();

	/**
	 * Whether the last append that ended failed (or answered too late): until one
	 * succeeds (the worker moving a completion from memory), hand-overs go to memory.
	 */
	private volatile boolean failing;

	private final long stallNanos;

	private final AtomicLong nextLogNanos = new AtomicLong(System.nanoTime());

	RedisAppender(RedisCompletionStream stream, Duration timeout, String name) {
		this.stream = stream;
		this.timeout = timeout;
		this.stallNanos = Math.max(1, timeout.toNanos() / 4);
		this.breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(10)
			.minimumNumberOfCalls(3)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofSeconds(1))
			.permittedNumberOfCallsInHalfOpenState(1)
			.build());
		AtomicInteger threads = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(THREADS, THREADS, 10, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(BACKLOG), (task) -> {
					Thread thread = new Thread(task, "specora-completion-append-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		this.executor.allowCoreThreadTimeOut(true);
	}

	/**
	 * Whether Redis is taken as healthy: the breaker is closed.
	 */
	boolean isHealthy() {
		return this.breaker.getState() == CircuitBreaker.State.CLOSED;
	}

	/**
	 * The breaker of every Redis command of the store: the worker's reads go through it
	 * too, so that a failing Redis is not waited on by the worker either.
	 */
	CircuitBreaker breaker() {
		return this.breaker;
	}

	/**
	 * How many appends have neither ended in Redis nor in memory yet.
	 */
	int running() {
		return this.running.get();
	}

	/**
	 * Hands a completion or an execution record over to Redis, or to memory when Redis
	 * does not answer in time.
	 * @param pending the completion or execution record
	 * @param toMemory puts it in memory, with the reason, and says how that went
	 * @param late told of the outcome of an append that was not waited for
	 * @return how the hand-over went ({@link CompletionQueue.Offer#ACCEPTED} when it is
	 * not waited for)
	 */
	CompletionQueue.Offer append(PendingDelivery pending, Function<String, CompletionQueue.Offer> toMemory,
			java.util.function.Consumer<CompletionQueue.Offer> late) {
		long now = System.nanoTime();
		if (this.failing) {
			return memory(pending, toMemory, "the last append to the Redis completion store failed");
		}
		if (this.inRedis.get() > 0 && now - this.quietSinceNanos > this.stallNanos) {
			return memory(pending, toMemory, "the Redis completion store has not answered an append for "
					+ TimeUnit.NANOSECONDS.toMillis(now - this.quietSinceNanos) + " ms");
		}
		if (!isHealthy() || !this.breaker.tryAcquirePermission()) {
			return memory(pending, toMemory, "the Redis completion store is failing (circuit breaker "
					+ this.breaker.getState().name().toLowerCase(java.util.Locale.ROOT) + ")");
		}
		Append append = new Append(pending, toMemory);
		this.running.incrementAndGet();
		try {
			this.executor.execute(append);
		}
		catch (RejectedExecutionException ex) {
			this.running.decrementAndGet();
			this.breaker.releasePermission();
			return memory(pending, toMemory, "too many appends to the Redis completion store are waiting");
		}
		if (Schedulers.isInNonBlockingThread()) {
			CompletableFuture.delayedExecutor(this.timeout.toNanos(), TimeUnit.NANOSECONDS).execute(append::expire);
			append.result.thenAccept(late);
			return CompletionQueue.Offer.ACCEPTED;
		}
		try {
			return append.result.get(this.timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			append.expire();
			return append.result.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			append.expire();
			return append.result.join();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * Appends a delivery on the calling thread (the worker moving one back from
	 * memory), through the breaker.
	 * @return whether it was appended; {@code null} when Redis was not tried or failed
	 */
	Boolean appendNow(PendingDelivery pending) {
		if (!this.breaker.tryAcquirePermission()) {
			return null;
		}
		long start = System.nanoTime();
		try {
			boolean appended = this.stream.append(pending) != null;
			succeeded(System.nanoTime());
			this.breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			return appended;
		}
		catch (RuntimeException ex) {
			this.failing = true;
			this.breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, ex);
			return null;
		}
	}

	private void succeeded(long nowNanos) {
		this.quietSinceNanos = nowNanos;
		this.failing = false;
	}

	private CompletionQueue.Offer memory(PendingDelivery pending, Function<String, CompletionQueue.Offer> toMemory,
			String reason) {
		logFallback(pending, reason);
		return toMemory.apply(reason);
	}

	private void logFallback(PendingDelivery pending, String reason) {
		long now = System.nanoTime();
		long next = this.nextLogNanos.get();
		if (now - next >= 0 && this.nextLogNanos.compareAndSet(next, now + TimeUnit.SECONDS.toNanos(10))) {
			logger.warn("Specora {} kept in memory: {}; it is delivered by this process, and moved to Redis once "
					+ "Redis answers again (this message is logged at most every 10 s)", pending.description(), reason);
		}
	}

	/**
	 * One append: ends in Redis or in memory, whichever comes first.
	 */
	private final class Append implements Runnable {

		private final PendingDelivery pending;

		private final Function<String, CompletionQueue.Offer> toMemory;

		private final CompletableFuture<CompletionQueue.Offer> result = new CompletableFuture<>();

		private final AtomicInteger state = new AtomicInteger();

		private static final int WAITING = 0;

		private static final int IN_REDIS = 1;

		private static final int IN_MEMORY = 2;

		private final long createdNanos = System.nanoTime();

		Append(PendingDelivery pending, Function<String, CompletionQueue.Offer> toMemory) {
			this.pending = pending;
			this.toMemory = toMemory;
		}

		@Override
		public void run() {
			if (this.state.get() != WAITING) {
				return; // gone to memory while it waited for a thread: Redis is not asked at all
			}
			long start = System.nanoTime();
			if (RedisAppender.this.inRedis.getAndIncrement() == 0) {
				RedisAppender.this.quietSinceNanos = start;
			}
			String id;
			try {
				id = RedisAppender.this.stream.append(this.pending);
			}
			catch (RuntimeException ex) {
				RedisAppender.this.inRedis.decrementAndGet();
				RedisAppender.this.failing = true;
				toMemory("the Redis completion store cannot be reached (" + ex.getMessage() + ")", ex);
				return;
			}
			RedisAppender.this.inRedis.decrementAndGet();
			long now = System.nanoTime();
			if (this.state.compareAndSet(WAITING, IN_REDIS)) {
				succeeded(now);
				RedisAppender.this.running.decrementAndGet();
				RedisAppender.this.breaker.onSuccess(now - start, TimeUnit.NANOSECONDS);
				this.result.complete((id != null) ? CompletionQueue.Offer.ACCEPTED : CompletionQueue.Offer.FULL);
			}
			else if (id != null) {
				// too late: it is in memory already, and the breaker was told when it expired
				RedisAppender.this.stream.removeQuietly(id);
			}
		}

		void expire() {
			toMemory("the Redis completion store did not answer within "
					+ "specora.enforcement.completion.redis.append-timeout (" + RedisAppender.this.timeout + ")",
					new TimeoutException("no answer within " + RedisAppender.this.timeout));
		}

		/**
		 * Sends the completion to memory unless it is already in Redis or memory; the one
		 * outcome of the append that the breaker is told of.
		 */
		private void toMemory(String reason, Throwable failure) {
			if (this.state.compareAndSet(WAITING, IN_MEMORY)) {
				RedisAppender.this.failing = true;
				RedisAppender.this.breaker.onError(System.nanoTime() - this.createdNanos, TimeUnit.NANOSECONDS,
						failure);
				// counted as running until it is in memory, so never in neither
				this.result.complete(memory(this.pending, this.toMemory, reason));
				RedisAppender.this.running.decrementAndGet();
			}
		}

	}

}
