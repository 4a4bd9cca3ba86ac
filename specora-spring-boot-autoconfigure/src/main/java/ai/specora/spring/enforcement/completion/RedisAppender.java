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
 * completion goes to the memory fallback instead, exactly once: an append that
 * answers after that removes its entry again. A Resilience4j circuit breaker counts
 * failed and late appends; while it is open, hand-overs go straight to memory without
 * touching Redis, and a trial append is let through after a second.
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

	private final AtomicLong nextLogNanos = new AtomicLong(System.nanoTime());

	RedisAppender(RedisCompletionStream stream, Duration timeout, String name) {
		this.stream = stream;
		this.timeout = timeout;
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
		if (!this.breaker.tryAcquirePermission()) {
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
			this.breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			return appended;
		}
		catch (RuntimeException ex) {
			this.breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, ex);
			return null;
		}
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

		Append(PendingDelivery pending, Function<String, CompletionQueue.Offer> toMemory) {
			this.pending = pending;
			this.toMemory = toMemory;
		}

		@Override
		public void run() {
			long start = System.nanoTime();
			try {
				String id = RedisAppender.this.stream.append(this.pending);
				long took = System.nanoTime() - start;
				if (this.state.compareAndSet(WAITING, IN_REDIS)) {
					RedisAppender.this.running.decrementAndGet();
					RedisAppender.this.breaker.onSuccess(took, TimeUnit.NANOSECONDS);
					this.result.complete((id != null) ? CompletionQueue.Offer.ACCEPTED : CompletionQueue.Offer.FULL);
				}
				else {
					// too late: the completion is in memory already
					RedisAppender.this.breaker.onError(took, TimeUnit.NANOSECONDS,
							new TimeoutException("append answered after " + RedisAppender.this.timeout));
					if (id != null) {
						RedisAppender.this.stream.removeQuietly(id);
					}
				}
			}
			catch (RuntimeException ex) {
				RedisAppender.this.breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, ex);
				toMemory("the Redis completion store cannot be reached (" + ex.getMessage() + ")");
			}
		}

		void expire() {
			toMemory("the Redis completion store did not answer within "
					+ "specora.enforcement.completion.redis.append-timeout (" + RedisAppender.this.timeout + ")");
		}

		private void toMemory(String reason) {
			if (this.state.compareAndSet(WAITING, IN_MEMORY)) {
				// counted as running until it is in memory, so never in neither
				this.result.complete(memory(this.pending, this.toMemory, reason));
				RedisAppender.this.running.decrementAndGet();
			}
		}

	}

}
