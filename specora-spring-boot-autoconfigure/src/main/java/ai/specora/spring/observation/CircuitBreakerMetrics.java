package ai.specora.spring.observation;

import java.util.Locale;
import java.util.Objects;

import ai.specora.client.CircuitBreakerState;
import ai.specora.client.SpecoraClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The state of the client's circuit breaker as gauges, registered once when created:
 * {@code specora.client.circuit.state} with the tag {@code state} ({@code closed},
 * {@code open}, {@code half_open}), 1 for the breaker's current state and 0 for the
 * others, read from {@link SpecoraClient#circuitBreakerState()}. Nothing is registered
 * for a client without a circuit breaker.
 * <p>
 * Deliberately not a {@code MeterBinder}: Spring Boot binds every such bean to the
 * registry again, which Micrometer reports as a duplicate gauge.
 */
public final class CircuitBreakerMetrics {

	private static final CircuitBreakerState[] STATES = { CircuitBreakerState.CLOSED, CircuitBreakerState.OPEN,
			CircuitBreakerState.HALF_OPEN };

	private final SpecoraClient client;

	/**
	 * Registers the gauges, when the client has a circuit breaker.
	 * @param client the client whose breaker is read
	 * @param registry where the gauges go
	 */
	public CircuitBreakerMetrics(SpecoraClient client, MeterRegistry registry) {
		this.client = Objects.requireNonNull(client, "client must not be null");
		Objects.requireNonNull(registry, "registry must not be null");
		if (!client.settings().circuitBreaker().enabled()) {
			return;
		}
		for (CircuitBreakerState state : STATES) {
			Gauge.builder(SpecoraMeterNames.CLIENT_CIRCUIT_STATE, this.client,
					(specora) -> (specora.circuitBreakerState() == state) ? 1 : 0)
				.description("Whether the circuit breaker of the Specora client is in this state (1) or not (0)")
				.tag(SpecoraMeterNames.STATE, state.name().toLowerCase(Locale.ROOT))
				.register(registry);
		}
	}

}
