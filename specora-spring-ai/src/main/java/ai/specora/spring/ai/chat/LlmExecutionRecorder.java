package ai.specora.spring.ai.chat;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import ai.specora.client.SpecoraException;
import ai.specora.client.platform.ExecutionRecordRequest;
import ai.specora.client.platform.ExecutionRecordResult;
import ai.specora.client.platform.ReactivePlatformClient;
import ai.specora.spring.ai.observation.GenAiObservationFilter;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;

/**
 * Records governed LLM calls on the platform ({@code recordExecution}) with their real
 * token usage, duration, outcome and cost, without delaying the call: the record is
 * sent in the background and a failure to send it is logged, never raised.
 * <p>
 * Delivery is bounded and retried: at most {@link #DEFAULT_MAX_IN_FLIGHT} records are
 * in flight or waiting for a retry (one more is dropped, counted and logged at ERROR);
 * a record that fails for a transient reason (the platform unreachable past the
 * client's deadline, 5xx, 429, the circuit breaker open) is sent again with exponential
 * back-off and jitter, always with the <em>same</em> idempotency key (the client draws
 * one per {@code recordExecution} call and reuses it on every subscription of its
 * {@code Mono}), so the platform records it once, until it is older than the maximum
 * age (15 minutes). A refusal (4xx, such as a 402 budget answer) is not retried.
 * {@link #close()} (called when the application context closes) waits up to the
 * shutdown timeout (10 s) for the records in flight; what is left then is dropped,
 * counted and logged. Records are held in memory only: they do not survive a crash of
 * the process, whatever the completion store. Each call
 * is also a {@code specora.llm} observation with the fixed low-cardinality key values
 * {@code provider} and {@code outcome} ({@code success} or {@code failure}).
 * <p>
 * Recording needs the vendor-reseller model (Model B: {@code specora.vendor-id} and
 * {@code specora.tenant-id}); without it nothing is sent and only the observation is
 * made.
 */
public final class LlmExecutionRecorder implements AutoCloseable {

	/** The most records in flight or waiting for a retry at once. */
	public static final int DEFAULT_MAX_IN_FLIGHT = 256;

	/** How long a record is retried before it is dropped. */
	public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(15);

	/** How long {@link #close()} waits for the records in flight. */
	public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * The name of the observation of governed LLM calls.
	 */
	public static final String OBSERVATION_NAME = "specora.llm";

	private static final Logger logger = LoggerFactory.getLogger(LlmExecutionRecorder.class);

	private final ReactivePlatformClient platform;

	private final LlmPricing pricing;

	private final boolean sending;

	private final ObservationRegistry observationRegistry;

	private final Delivery delivery;

	/**
	 * Creates a recorder.
	 * @param platform the Platform API
	 * @param pricing prices the calls
	 * @param sending whether records are sent (Model B is configured)
	 * @param observationRegistry observes the calls, {@link ObservationRegistry#NOOP}
	 * for none
	 */
	public LlmExecutionRecorder(ReactivePlatformClient platform, LlmPricing pricing, boolean sending,
			ObservationRegistry observationRegistry) {
		this.platform = Objects.requireNonNull(platform, "platform must not be null");
		this.pricing = Objects.requireNonNull(pricing, "pricing must not be null");
		this.sending = sending;
		this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry must not be null");
		this.delivery = new Delivery(DEFAULT_MAX_IN_FLIGHT, DEFAULT_MAX_AGE, Duration.ofMillis(500),
				Duration.ofSeconds(30), DEFAULT_SHUTDOWN_TIMEOUT);
	}

	LlmExecutionRecorder(ReactivePlatformClient platform, LlmPricing pricing, ObservationRegistry observationRegistry,
			Delivery delivery) {
		this.platform = Objects.requireNonNull(platform, "platform must not be null");
		this.pricing = Objects.requireNonNull(pricing, "pricing must not be null");
		this.sending = true;
		this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry must not be null");
		this.delivery = delivery;
	}

	/**
	 * Whether a response carries token usage.
	 * @param response the response
	 * @return {@code true} when it reports prompt or completion tokens
	 */
	static boolean hasUsage(ChatResponse response) {
		Usage usage = (response.getMetadata() != null) ? response.getMetadata().getUsage() : null;
		return usage != null && (positive(usage.getPromptTokens()) || positive(usage.getCompletionTokens()));
	}

	/**
	 * Records one call.
	 * @param execution where the call went
	 * @param response the (last) response with usage, or {@code null}
	 * @param durationNanos how long the call took
	 * @param success whether it succeeded
	 * @param observation the call's observation, from {@link #start}
	 */
	public void record(LlmExecution execution, ChatResponse response, long durationNanos, boolean success,
			Observation observation) {
		stop(observation, success, response);
		if (!this.sending) {
			return;
		}
		String what = execution.provider().wireName() + " '" + execution.model() + "'";
		try {
			ExecutionRecordRequest request = request(execution, response, durationNanos, success);
			this.delivery.send(what, () -> this.platform.recordExecution(request));
		}
		catch (RuntimeException ex) {
			this.delivery.dropped(what, "refused", "it could not be sent: " + ex);
		}
	}

	/**
	 * How many records the platform acknowledged since this recorder was created.
	 * @return the records delivered
	 */
	public long recordedCount() {
		return this.delivery.recorded.sum();
	}

	/**
	 * How many records were dropped undelivered since this recorder was created.
	 * @return the records dropped
	 */
	public long droppedCount() {
		long total = 0;
		for (LongAdder count : this.delivery.dropped.values()) {
			total += count.sum();
		}
		return total;
	}

	/**
	 * How many records were dropped for the given reason.
	 * @param reason {@code queue_full}, {@code refused}, {@code max_age} or
	 * {@code shutdown}
	 * @return the records dropped for it
	 */
	public long droppedCount(String reason) {
		LongAdder count = this.delivery.dropped.get(reason);
		return (count != null) ? count.sum() : 0;
	}

	/**
	 * How many records are in flight or waiting for a retry.
	 * @return the records not yet delivered nor dropped
	 */
	public int inFlightCount() {
		return this.delivery.inFlight.size();
	}

	/**
	 * Stops taking records and waits up to the shutdown timeout for those in flight;
	 * what is left then is dropped, counted and logged at ERROR. Records made after this
	 * are dropped.
	 */
	@Override
	public void close() {
		this.delivery.close();
	}

	private ExecutionRecordRequest request(LlmExecution execution, ChatResponse response, long durationNanos,
			boolean success) {
		Usage usage = (response != null && response.getMetadata() != null) ? response.getMetadata().getUsage() : null;
		long input = (usage != null) ? tokens(usage.getPromptTokens()) : 0;
		long output = (usage != null) ? tokens(usage.getCompletionTokens()) : 0;
		String actualModel = (response != null && response.getMetadata() != null
				&& response.getMetadata().getModel() != null && !response.getMetadata().getModel().isBlank())
						? response.getMetadata().getModel() : execution.model();
		ExecutionRecordRequest.Builder builder = ExecutionRecordRequest.builder(execution.provider(), actualModel)
			.tokens(input, output)
			.costMicros(Math.max(0, this.pricing.costMicros(execution.provider(), actualModel, input, output)))
			.duration(Duration.ofNanos(durationNanos))
			.success(success);
		if (execution.authorization().authorizationId() != null) {
			builder.metadata("authorization_id", execution.authorization().authorizationId());
		}
		return builder.build();
	}

	/**
	 * Starts the observation of a call that is about to be made.
	 * @param execution where the call goes
	 * @return the started observation, a no-op one when observation is off
	 */
	public Observation start(LlmExecution execution) {
		if (this.observationRegistry.isNoop()) {
			return Observation.NOOP;
		}
		return Observation.createNotStarted(OBSERVATION_NAME, this.observationRegistry)
			.lowCardinalityKeyValue("provider", execution.provider().wireName())
			.lowCardinalityKeyValue(GenAiObservationFilter.OPERATION_NAME, GenAiObservationFilter.CHAT)
			.lowCardinalityKeyValue(GenAiObservationFilter.PROVIDER_NAME, execution.provider().wireName())
			.lowCardinalityKeyValue(GenAiObservationFilter.REQUEST_MODEL, execution.model())
			.start();
	}

	private static void stop(Observation observation, boolean success, ChatResponse response) {
		if (observation.isNoop()) {
			return;
		}
		ChatResponseMetadata metadata = (response != null) ? response.getMetadata() : null;
		if (metadata != null && metadata.getModel() != null && !metadata.getModel().isBlank()) {
			observation.lowCardinalityKeyValue(GenAiObservationFilter.RESPONSE_MODEL, metadata.getModel());
		}
		Usage usage = (metadata != null) ? metadata.getUsage() : null;
		if (usage != null) {
			observation
				.highCardinalityKeyValue(GenAiObservationFilter.USAGE_INPUT_TOKENS,
						Long.toString(tokens(usage.getPromptTokens())))
				.highCardinalityKeyValue(GenAiObservationFilter.USAGE_OUTPUT_TOKENS,
						Long.toString(tokens(usage.getCompletionTokens())));
		}
		observation.lowCardinalityKeyValue("outcome", success ? "success" : "failure").stop();
	}

	/**
	 * The background delivery of records: bounded, retried by subscribing again to the
	 * same {@code Mono} (so with the same idempotency key), counted, drained at close.
	 */
	static final class Delivery {

		private static final String[] REASONS = { "queue_full", "refused", "max_age", "shutdown" };

		private final int maxInFlight;

		private final Duration maxAge;

		private final Duration initialBackoff;

		private final Duration maxBackoff;

		private final Duration shutdownTimeout;

		final LongAdder recorded = new LongAdder();

		final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();

		final Set<Disposable> inFlight = ConcurrentHashMap.newKeySet();

		private final Semaphore permits;

		private volatile boolean closed;

		Delivery(int maxInFlight, Duration maxAge, Duration initialBackoff, Duration maxBackoff,
				Duration shutdownTimeout) {
			this.maxInFlight = maxInFlight;
			this.maxAge = maxAge;
			this.initialBackoff = initialBackoff;
			this.maxBackoff = maxBackoff;
			this.shutdownTimeout = shutdownTimeout;
			this.permits = new Semaphore(maxInFlight);
			for (String reason : REASONS) {
				this.dropped.put(reason, new LongAdder());
			}
		}

		void send(String what, Supplier<Mono<ExecutionRecordResult>> call) {
			if (this.closed) {
				dropped(what, "shutdown", "it was made after the recorder was closed");
				return;
			}
			if (!this.permits.tryAcquire()) {
				dropped(what, "queue_full", this.maxInFlight + " records are already in flight");
				return;
			}
			// one call, one idempotency key: every retry subscribes to this same Mono again
			Mono<ExecutionRecordResult> record = call.get();
			AtomicBoolean done = new AtomicBoolean();
			Disposable.Swap handle = Disposables.swap();
			this.inFlight.add(handle);
			Disposable subscription = record
				.retryWhen(Retry.backoff(Long.MAX_VALUE, this.initialBackoff)
					.maxBackoff(this.maxBackoff)
					.jitter(0.5)
					.filter(Delivery::isRetryable)
					.doBeforeRetry((signal) -> {
						if (signal.totalRetries() == 0) {
							logger.warn("Specora could not record an LLM execution of {} ({}); retrying with the same "
									+ "idempotency key", what, signal.failure().toString());
						}
					})
					.onRetryExhaustedThrow((spec, signal) -> signal.failure()))
				.timeout(this.maxAge)
				.doFinally((signal) -> {
					if (done.compareAndSet(false, true)) {
						this.inFlight.remove(handle);
						this.permits.release();
					}
				})
				.subscribe((result) -> {
					this.recorded.increment();
					logger.debug("Specora recorded LLM execution {}", result.executionId());
				}, (ex) -> {
					if (ex instanceof TimeoutException) {
						dropped(what, "max_age", "it is older than " + this.maxAge + " and still not delivered");
					}
					else {
						dropped(what, "refused", "the platform refused it: " + ex);
					}
				});
			handle.update(subscription);
		}

		private static boolean isRetryable(Throwable failure) {
			return !(failure instanceof SpecoraException ex) || ex.isRetryable();
		}

		void dropped(String what, String reason, String message) {
			this.dropped.get(reason).increment();
			logger.error("Specora LLM execution record of {} dropped: {} (reason {})", what, message, reason);
		}

		void close() {
			this.closed = true;
			long deadline = System.nanoTime() + this.shutdownTimeout.toNanos();
			while (!this.inFlight.isEmpty() && System.nanoTime() - deadline < 0) {
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
			}
			for (Disposable left : this.inFlight) {
				if (this.inFlight.remove(left)) {
					left.dispose();
					dropped("an LLM call", "shutdown", "the shutdown timeout (" + this.shutdownTimeout
							+ ") ended before it could be delivered");
				}
			}
		}

	}

	private static long tokens(Integer count) {
		return (count != null && count > 0) ? count : 0;
	}

	private static boolean positive(Integer count) {
		return count != null && count > 0;
	}

}
