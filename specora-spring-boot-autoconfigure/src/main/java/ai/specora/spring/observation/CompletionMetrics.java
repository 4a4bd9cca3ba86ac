package ai.specora.spring.observation;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

import ai.specora.runtime.CompletionDispatcher;
import ai.specora.spring.enforcement.completion.AsyncCompletionDispatcher;
import ai.specora.spring.enforcement.completion.CompletionDropReason;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;

/**
 * The meters of completion delivery, registered once when created, all read from the
 * {@link CompletionDispatcher}: the gauge {@code specora.completions.pending} (the
 * backlog) and the counter {@code specora.completions.dropped} with its {@code reason}
 * tag; for an {@link AsyncCompletionDispatcher} also the gauge
 * {@code specora.completions.in.flight}, the time gauge
 * {@code specora.completions.oldest.age}, and the counters of LLM execution records
 * {@code specora.execution.records.delivered} and
 * {@code specora.execution.records.dropped} (tag {@code reason}).
 * <p>
 * Deliberately not a {@code MeterBinder}: Spring Boot binds every such bean to the
 * registry again, which Micrometer reports as a duplicate gauge.
 */
public final class CompletionMetrics {

	private final CompletionDispatcher dispatcher;

	/**
	 * Registers the meters.
	 * @param dispatcher the dispatcher to read
	 * @param registry where the meters go
	 */
	public CompletionMetrics(CompletionDispatcher dispatcher, MeterRegistry registry) {
		this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher must not be null");
		Objects.requireNonNull(registry, "registry must not be null");
		Gauge.builder(SpecoraMeterNames.COMPLETIONS_PENDING, this.dispatcher, CompletionDispatcher::pendingCount)
			.description("Completions waiting for delivery to the authority")
			.register(registry);
		if (this.dispatcher instanceof AsyncCompletionDispatcher async) {
			for (CompletionDropReason reason : CompletionDropReason.values()) {
				FunctionCounter
					.builder(SpecoraMeterNames.COMPLETIONS_DROPPED, async, (source) -> source.droppedCount(reason))
					.description("Completions dropped undelivered (each also logged with its journal id)")
					.tag(SpecoraMeterNames.REASON, reason.tagValue())
					.register(registry);
			}
			for (CompletionDropReason reason : CompletionDropReason.values()) {
				FunctionCounter
					.builder(SpecoraMeterNames.EXECUTION_RECORDS_DROPPED, async,
							(source) -> source.droppedExecutionRecordCount(reason))
					.description("LLM execution records dropped undelivered (each also logged with its key)")
					.tag(SpecoraMeterNames.REASON, reason.tagValue())
					.register(registry);
			}
			FunctionCounter
				.builder(SpecoraMeterNames.EXECUTION_RECORDS_DELIVERED, async,
						AsyncCompletionDispatcher::deliveredExecutionRecordCount)
				.description("LLM execution records delivered to the platform by this process")
				.register(registry);
			Gauge.builder(SpecoraMeterNames.COMPLETIONS_IN_FLIGHT, async, AsyncCompletionDispatcher::inFlightCount)
				.description("Completion deliveries in flight")
				.register(registry);
			TimeGauge
				.builder(SpecoraMeterNames.COMPLETIONS_OLDEST_AGE, async, TimeUnit.MILLISECONDS,
						(source) -> source.oldestAge().toMillis())
				.description("Age of the oldest completion waiting for delivery")
				.register(registry);
		}
		else {
			FunctionCounter
				.builder(SpecoraMeterNames.COMPLETIONS_DROPPED, this.dispatcher, CompletionDispatcher::droppedCount)
				.description("Completions dropped undelivered (each also logged at ERROR)")
				.tag(SpecoraMeterNames.REASON, "unknown")
				.register(registry);
		}
	}

}
