package ai.specora.spring.observation;

import java.util.Objects;

import ai.specora.spring.enforcement.CompletionDispatcher;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Binds the meters of completion delivery: the gauge
 * {@code specora.completions.pending} and the counter
 * {@code specora.completions.dropped}, both read from the {@link CompletionDispatcher}.
 */
public final class CompletionMetrics implements MeterBinder {

	private final CompletionDispatcher dispatcher;

	/**
	 * Creates the binder.
	 * @param dispatcher the dispatcher to read
	 */
	public CompletionMetrics(CompletionDispatcher dispatcher) {
		this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher must not be null");
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(SpecoraMeterNames.COMPLETIONS_PENDING, this.dispatcher, CompletionDispatcher::pendingCount)
			.description("Completions waiting for delivery to the authority")
			.register(registry);
		FunctionCounter
			.builder(SpecoraMeterNames.COMPLETIONS_DROPPED, this.dispatcher, CompletionDispatcher::droppedCount)
			.description("Completions dropped undelivered (each also logged at ERROR)")
			.register(registry);
	}

}
