package ai.specora.spring.observation;

import java.util.Objects;

import ai.specora.runtime.CompletionDispatcher;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters of completion delivery, registered once when created: the gauge
 * {@code specora.completions.pending} and the counter
 * {@code specora.completions.dropped}, both read from the {@link CompletionDispatcher}.
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
		FunctionCounter
			.builder(SpecoraMeterNames.COMPLETIONS_DROPPED, this.dispatcher, CompletionDispatcher::droppedCount)
			.description("Completions dropped undelivered (each also logged at ERROR)")
			.register(registry);
	}

}
