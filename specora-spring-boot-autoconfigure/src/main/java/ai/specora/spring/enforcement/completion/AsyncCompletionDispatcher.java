package ai.specora.spring.enforcement.completion;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import ai.specora.client.Backoff;
import ai.specora.client.Completion;
import ai.specora.client.ReactiveSpecoraClient;
import ai.specora.client.platform.ExecutionRecordRequest;
import ai.specora.runtime.CompletionDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * Delivers completions, and the execution records of governed LLM calls, in the
 * background so that governed calls never wait for them, without losing them when the
 * authority is briefly unavailable.
 * <p>
 * Both go into one bounded {@link CompletionQueue} served by one daemon worker thread
 * ({@link DeliveryWorker}) that keeps up to {@link Builder#maxInFlight(int)} deliveries
 * in flight on the non-blocking client, at most one per journal entry (or record); a
 * worker that dies of an {@link Error} is replaced, and an interrupt does not stop it.
 * A delivery that fails for a transient reason is retried as the
 * {@link RedeliveryPolicy} says, always with the same idempotency key (the
 * {@link Completion}'s request id, or the key drawn when a record is handed over: the
 * authority records it once), until it is older than the maximum age. At shutdown the
 * queue is drained for up to the shutdown timeout, deliveries in flight included; one
 * handed over after shutdown began is delivered directly (without blocking an
 * event-loop thread). A completion or record is dropped only when the queue is full,
 * when it is too old, when the authority refuses it (4xx), or when the shutdown timeout
 * ends; each drop is logged at ERROR with its journal id or record key (never
 * arguments) and counted (see {@link #droppedCount(CompletionDropReason)} and
 * {@link #droppedExecutionRecordCount(CompletionDropReason)}).
 */
public final class AsyncCompletionDispatcher implements CompletionDispatcher, SmartLifecycle, DisposableBean {

	/**
	 * The lifecycle phase: started early and stopped late, after the web server and
	 * task executors, so that completions of the last governed calls are still
	 * delivered.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 8192;

	private static final Logger logger = LoggerFactory.getLogger(AsyncCompletionDispatcher.class);

	private final ReactiveSpecoraClient client;

	private final CompletionQueue queue;

	private final int capacity;

	private final Duration shutdownTimeout;

	private final Clock clock;

	private final CompletionDrops drops = new CompletionDrops();

	private final DeliveryLifecycle lifecycle;

	private final DeliveryWorker worker;

	private final CompletableFuture<Void> queued = CompletableFuture.completedFuture(null);

	private AsyncCompletionDispatcher(Builder builder) {
		this.client = builder.client;
		this.capacity = builder.queueCapacity;
		this.shutdownTimeout = builder.shutdownTimeout;
		this.queue = builder.store.open(builder.queueCapacity, builder.maxAge, this.drops);
		RedeliveryPolicy policy = new RedeliveryPolicy(
				new Backoff(builder.initialBackoff, builder.maxBackoff, Backoff.Jitter.EQUAL), builder.maxAge,
				builder.clock);
		this.lifecycle = new DeliveryLifecycle(builder.shutdownTimeout);
		this.worker = new DeliveryWorker(this.client, this.queue, policy, this.drops, this.lifecycle,
				builder.maxInFlight);
		this.lifecycle.work(this.worker);
		this.clock = builder.clock;
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
		return handOver(new PendingCompletion(journalId, completion, this.clock.instant()));
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * The record waits in the same queue as completions and takes the same path: the
	 * in-flight bound, retries with back-off and the same idempotency key, the maximum
	 * age, the shutdown drain, and the Redis store when it is configured (so another
	 * replica sends it, under the same key, if this one dies).
	 */
	@Override
	public CompletionStage<Void> dispatchExecutionRecord(ExecutionRecordRequest record) {
		Objects.requireNonNull(record, "record must not be null");
		return handOver(new PendingExecutionRecord(UUID.randomUUID(), record, this.clock.instant()));
	}

	private CompletionStage<Void> handOver(PendingDelivery pending) {
		CompletionQueue.Offer offer = this.lifecycle.unlessStopping(
				() -> this.queue.offer(pending, (late) -> handedOver(pending, late)), CompletionQueue.Offer.ACCEPTED);
		if (offer == null) {
			return deliverDirectly(pending);
		}
		handedOver(pending, offer);
		return this.queued;
	}

	private void handedOver(PendingDelivery pending, CompletionQueue.Offer offer) {
		if (offer == CompletionQueue.Offer.DUPLICATE) {
			this.drops.dropped(pending, CompletionDropReason.DUPLICATE,
					"a delivery with that key is already waiting");
		}
		else if (offer == CompletionQueue.Offer.FULL) {
			this.drops.dropped(pending, CompletionDropReason.QUEUE_FULL, "the completion queue is full ("
					+ this.capacity
					+ " waiting; raise specora.enforcement.completion.queue-capacity if the authority is reachable)");
		}
	}

	/**
	 * After shutdown began: one delivery (with the client's retries), bounded by the
	 * shutdown timeout; the calling thread waits for it unless it must not block.
	 */
	private CompletionStage<Void> deliverDirectly(PendingDelivery pending) {
		CompletableFuture<Void> delivery = Mono.defer(() -> pending.deliver(this.client))
			.timeout(this.shutdownTimeout.plusSeconds(1))
			.then()
			.onErrorResume((ex) -> {
				this.drops.dropped(pending, CompletionDropReason.SHUTDOWN,
						"it arrived after shutdown and could not be delivered: " + ex.getMessage());
				return Mono.empty();
			})
			.toFuture();
		if (!Schedulers.isInNonBlockingThread()) {
			delivery.join();
		}
		return delivery;
	}

	@Override
	public int pendingCount() {
		return (int) Math.min(Integer.MAX_VALUE, this.queue.backlog());
	}

	/**
	 * How many deliveries are in flight now.
	 * @return the deliveries in flight
	 */
	public int inFlightCount() {
		return this.worker.inFlight();
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Completions only: see {@link #droppedExecutionRecordCount(CompletionDropReason)}
	 * for execution records.
	 */
	@Override
	public long droppedCount() {
		return this.drops.count(DeliveryKind.COMPLETION);
	}

	/**
	 * How many completions were dropped for the given reason since this dispatcher was
	 * created.
	 * @param reason the reason
	 * @return the number of completions dropped for it
	 */
	public long droppedCount(CompletionDropReason reason) {
		return this.drops.count(DeliveryKind.COMPLETION, Objects.requireNonNull(reason, "reason must not be null"));
	}

	/**
	 * How many LLM execution records were dropped for the given reason since this
	 * dispatcher was created.
	 * @param reason the reason
	 * @return the number of execution records dropped for it
	 */
	public long droppedExecutionRecordCount(CompletionDropReason reason) {
		return this.drops.count(DeliveryKind.EXECUTION_RECORD,
				Objects.requireNonNull(reason, "reason must not be null"));
	}

	/**
	 * How many LLM execution records the platform acknowledged since this dispatcher
	 * was created (by this process).
	 * @return the execution records delivered
	 */
	public long deliveredExecutionRecordCount() {
		return this.worker.delivered(DeliveryKind.EXECUTION_RECORD);
	}

	/**
	 * How many completions the authority acknowledged since this dispatcher was created
	 * (by this process).
	 * @return the completions delivered
	 */
	public long deliveredCount() {
		return this.worker.delivered(DeliveryKind.COMPLETION);
	}

	/**
	 * How long the oldest completion waiting for delivery has waited since its governed
	 * call handed it over: in this process for the memory store, in the whole stream
	 * (plus this process's memory fallback) for Redis.
	 * @return the age, {@link Duration#ZERO} when none waits
	 */
	public Duration oldestAge() {
		java.time.Instant oldest = this.queue.oldestCreatedAt();
		if (oldest == null) {
			return Duration.ZERO;
		}
		Duration age = Duration.between(oldest, this.clock.instant());
		return age.isNegative() ? Duration.ZERO : age;
	}

	/**
	 * The kind of store completions wait in.
	 * @return {@code memory} or {@code redis}
	 */
	@Override
	public String storeName() {
		return this.queue.name();
	}

	@Override
	public void start() {
		this.queue.open();
		this.lifecycle.start();
	}

	/**
	 * Stops accepting completions and drains the queue for up to the shutdown timeout;
	 * what is left then, a delivery in flight included, is logged at ERROR and dropped.
	 */
	@Override
	public void stop() {
		if (!this.lifecycle.beginStop()) {
			return;
		}
		this.queue.close();
		this.queue.wakeUp();
		this.lifecycle.awaitWorker(this.queue::size);
	}

	@Override
	public boolean isRunning() {
		return this.lifecycle.isRunning();
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	@Override
	public void destroy() {
		stop();
	}

	@Override
	public String toString() {
		String store = "memory".equals(this.queue.name()) ? "" : "store=" + this.queue.name() + ", ";
		return "AsyncCompletionDispatcher[" + store + "capacity=" + this.capacity + ", pending=" + this.queue.size()
				+ ", inFlight=" + this.worker.inFlight() + "]";
	}

	/**
	 * Builds an {@link AsyncCompletionDispatcher}.
	 */
	public static final class Builder {

		private final ReactiveSpecoraClient client;

		private int queueCapacity = CompletionDefaults.QUEUE_CAPACITY;

		private Duration maxAge = CompletionDefaults.MAX_AGE;

		private int maxInFlight = CompletionDefaults.MAX_IN_FLIGHT;

		private Duration shutdownTimeout = CompletionDefaults.SHUTDOWN_TIMEOUT;

		private Duration initialBackoff = CompletionDefaults.INITIAL_BACKOFF;

		private Duration maxBackoff = CompletionDefaults.MAX_BACKOFF;

		private Clock clock = Clock.systemUTC();

		private CompletionStore store = CompletionStore.memory();

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
		 * The largest number of deliveries in flight at once (default 256), at most one
		 * per journal entry: the rate the dispatcher sustains is about this number
		 * divided by the authority's round-trip time.
		 * @param maxInFlight the number, positive
		 * @return this builder
		 */
		public Builder maxInFlight(int maxInFlight) {
			this.maxInFlight = maxInFlight;
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
		 * Where completions wait for delivery (default {@link CompletionStore#memory()}).
		 * @param store the store
		 * @return this builder
		 */
		public Builder store(CompletionStore store) {
			this.store = Objects.requireNonNull(store, "store must not be null");
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
			if (this.maxInFlight <= 0) {
				throw new IllegalArgumentException(
						"specora.enforcement.completion.max-in-flight must be positive, but was " + this.maxInFlight);
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
