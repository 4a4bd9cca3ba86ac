package ai.specora.spring.actuate;

import java.util.Objects;

import ai.specora.client.CircuitBreakerOpenException;
import ai.specora.client.HealthStatus;
import ai.specora.client.SpecoraClient;
import ai.specora.runtime.CompletionDispatcher;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports whether the Specora authority is reachable and accepts the API key, with one
 * cheap authenticated call ({@code GET /v1/health}, never retried): up with the
 * authority's version, down with the failure otherwise. The details never contain the
 * API key.
 * <p>
 * The detail {@code circuitBreaker} is the state of the client's circuit breaker
 * ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN} or {@code DISABLED}). The check is a
 * call like any other, so it goes through the breaker: while the breaker is open it
 * sends no request and the health is down (decisions cannot be had), and once the
 * breaker's wait has passed the check is a probe call that can close it again.
 * <p>
 * The authority being down does not make the application unable to serve (its fail
 * mode decides), so this contributor is not part of the liveness or readiness groups
 * unless the application adds it.
 */
public final class SpecoraHealthIndicator extends AbstractHealthIndicator {

	private final SpecoraClient client;

	private final CompletionDispatcher dispatcher;

	/**
	 * Creates the indicator.
	 * @param client the client whose authority is checked
	 */
	public SpecoraHealthIndicator(SpecoraClient client) {
		this(client, null);
	}

	/**
	 * Creates the indicator that also shows where completions wait and how many.
	 * @param client the client whose authority is checked
	 * @param dispatcher the completion dispatcher, or {@code null}
	 */
	public SpecoraHealthIndicator(SpecoraClient client, CompletionDispatcher dispatcher) {
		super("Specora authority health check failed");
		this.client = Objects.requireNonNull(client, "client must not be null");
		this.dispatcher = dispatcher;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.withDetail("baseUrl", this.client.settings().baseUrl().toString());
		if (this.dispatcher != null) {
			builder.withDetail("completionStore", this.dispatcher.storeName())
				.withDetail("completionBacklog", this.dispatcher.pendingCount());
		}
		HealthStatus status;
		try {
			status = this.client.health();
		}
		catch (CircuitBreakerOpenException ex) {
			// no request was made: the breaker's own log line says why, once
			builder.down().withDetail("error", ex.getMessage());
			return;
		}
		finally {
			builder.withDetail("circuitBreaker", this.client.circuitBreakerState().name());
		}
		if (status.version() != null) {
			builder.withDetail("version", status.version());
		}
		if (status.isOk()) {
			builder.up();
		}
		else {
			builder.down().withDetail("status", status.status());
		}
	}

}
