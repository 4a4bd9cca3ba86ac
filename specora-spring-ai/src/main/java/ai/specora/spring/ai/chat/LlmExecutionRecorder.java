package ai.specora.spring.ai.chat;

import java.time.Duration;
import java.util.Objects;

import ai.specora.client.platform.ExecutionRecordRequest;
import ai.specora.runtime.CompletionDispatcher;
import ai.specora.spring.ai.observation.GenAiObservationFilter;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;

/**
 * Records governed LLM calls on the platform ({@code recordExecution}) with their real
 * token usage, duration, outcome and cost, without delaying the call: the record is
 * handed to the {@link CompletionDispatcher} that delivers the completions of governed
 * calls, and takes their path. With the starter's asynchronous dispatcher that means:
 * at most {@code specora.enforcement.completion.max-in-flight} deliveries in flight, a
 * bounded queue, retries with back-off and the same idempotency key (drawn once per
 * record, so the platform records it once) until {@code max-age}, the shutdown drain,
 * the Redis store when it is configured (a record survives the loss of the replica that
 * made it), and the meters {@code specora.execution.records.delivered} and
 * {@code specora.execution.records.dropped}. The LLM call does not wait for the record
 * (in {@code sync} completion mode either), except one made after shutdown began, which
 * the dispatcher sends at once; a record that cannot be delivered is logged and
 * counted, never raised. Each call is also a {@code specora.llm}
 * observation with the fixed low-cardinality key values {@code provider} and
 * {@code outcome} ({@code success} or {@code failure}).
 * <p>
 * Recording needs the vendor-reseller model (Model B: {@code specora.vendor-id} and
 * {@code specora.tenant-id}); without it nothing is sent and only the observation is
 * made.
 */
public final class LlmExecutionRecorder {

	/**
	 * The name of the observation of governed LLM calls.
	 */
	public static final String OBSERVATION_NAME = "specora.llm";

	private static final Logger logger = LoggerFactory.getLogger(LlmExecutionRecorder.class);

	private final CompletionDispatcher dispatcher;

	private final LlmPricing pricing;

	private final boolean sending;

	private final ObservationRegistry observationRegistry;

	/**
	 * Creates a recorder.
	 * @param dispatcher delivers the records, as it delivers completions
	 * @param pricing prices the calls
	 * @param sending whether records are sent (Model B is configured)
	 * @param observationRegistry observes the calls, {@link ObservationRegistry#NOOP}
	 * for none
	 */
	public LlmExecutionRecorder(CompletionDispatcher dispatcher, LlmPricing pricing, boolean sending,
			ObservationRegistry observationRegistry) {
		this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher must not be null");
		this.pricing = Objects.requireNonNull(pricing, "pricing must not be null");
		this.sending = sending;
		this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry must not be null");
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
		ExecutionRecordRequest request;
		try {
			request = request(execution, response, durationNanos, success);
		}
		catch (RuntimeException ex) {
			logger.error("Specora could not make the execution record of an LLM call to {} '{}'; it is not recorded: {}",
					execution.provider().wireName(), execution.model(), ex.toString());
			return;
		}
		this.dispatcher.dispatchExecutionRecord(request);
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

	private static long tokens(Integer count) {
		return (count != null && count > 0) ? count : 0;
	}

	private static boolean positive(Integer count) {
		return count != null && count > 0;
	}

}
