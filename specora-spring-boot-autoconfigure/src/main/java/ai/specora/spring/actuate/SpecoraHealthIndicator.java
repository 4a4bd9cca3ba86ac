package ai.specora.spring.actuate;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

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
 * The authority's answer (or failure) is kept for the cache time to live
 * ({@code specora.health.cache-ttl}, default 10 s), and never more than one check is
 * in flight: concurrent health requests share it. So however often the health endpoint
 * is called, anonymous traffic included, the authority sees at most one check per time
 * to live, and the organisation's API key cannot be rate-limited through it. The
 * details {@code completionStore}, {@code completionBacklog} and
 * {@code circuitBreaker} are read afresh on every request; {@code checkAge} says how
 * old the authority's answer is.
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

	/** How long an answer of the authority is used by default. */
	public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(10);

	private final SpecoraClient client;

	private final CompletionDispatcher dispatcher;

	private final long ttlNanos;

	private final LongSupplier nanoTime;

	/** The last check, or the one in flight. */
	private final AtomicReference<Check> check = new AtomicReference<>();

	/**
	 * Creates the indicator.
	 * @param client the client whose authority is checked
	 */
	public SpecoraHealthIndicator(SpecoraClient client) {
		this(client, null);
	}

	/**
	 * Creates the indicator that also shows where completions wait and how many, with
	 * the default cache time to live.
	 * @param client the client whose authority is checked
	 * @param dispatcher the completion dispatcher, or {@code null}
	 */
	public SpecoraHealthIndicator(SpecoraClient client, CompletionDispatcher dispatcher) {
		this(client, dispatcher, DEFAULT_CACHE_TTL);
	}

	/**
	 * Creates the indicator that also shows where completions wait and how many.
	 * @param client the client whose authority is checked
	 * @param dispatcher the completion dispatcher, or {@code null}
	 * @param cacheTtl how long an answer of the authority is used; zero checks on every
	 * request (still one at a time)
	 */
	public SpecoraHealthIndicator(SpecoraClient client, CompletionDispatcher dispatcher, Duration cacheTtl) {
		this(client, dispatcher, cacheTtl, System::nanoTime);
	}

	SpecoraHealthIndicator(SpecoraClient client, CompletionDispatcher dispatcher, Duration cacheTtl,
			LongSupplier nanoTime) {
		super("Specora authority health check failed");
		this.client = Objects.requireNonNull(client, "client must not be null");
		this.dispatcher = dispatcher;
		Objects.requireNonNull(cacheTtl, "cacheTtl must not be null");
		if (cacheTtl.isNegative()) {
			throw new IllegalArgumentException("specora.health.cache-ttl must not be negative, but was " + cacheTtl);
		}
		this.ttlNanos = cacheTtl.toNanos();
		this.nanoTime = nanoTime;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		builder.withDetail("baseUrl", this.client.settings().baseUrl().toString());
		if (this.dispatcher != null) {
			builder.withDetail("completionStore", this.dispatcher.storeName())
				.withDetail("completionBacklog", this.dispatcher.pendingCount());
		}
		Check current;
		try {
			current = currentCheck();
		}
		finally {
			builder.withDetail("circuitBreaker", this.client.circuitBreakerState().name());
		}
		builder.withDetail("checkAge", Duration.ofNanos(Math.max(0, this.nanoTime.getAsLong() - current.startedNanos))
			.toMillis() + "ms");
		Object outcome;
		try {
			outcome = current.result.join();
		}
		catch (CompletionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			if (cause instanceof Exception exception) {
				throw exception;
			}
			throw (Error) cause;
		}
		if (outcome instanceof CircuitBreakerOpenException ex) {
			// no request was made: the breaker's own log line says why, once
			builder.down().withDetail("error", ex.getMessage());
			return;
		}
		HealthStatus status = (HealthStatus) outcome;
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

	/**
	 * The check whose answer is used: the last one while fresh, the one in flight, or a
	 * new one run on this thread.
	 */
	private Check currentCheck() {
		while (true) {
			Check last = this.check.get();
			long now = this.nanoTime.getAsLong();
			if (last != null && (!last.result.isDone() || now - last.endedNanos() < this.ttlNanos)) {
				return last;
			}
			Check next = new Check(now);
			if (this.check.compareAndSet(last, next)) {
				next.run(this.client, this.nanoTime);
				return next;
			}
		}
	}

	/**
	 * One call of the authority's health endpoint: its result is the
	 * {@link HealthStatus}, or the {@link CircuitBreakerOpenException} when no request
	 * was made; it completes exceptionally when the call failed.
	 */
	private static final class Check {

		private final long startedNanos;

		private final CompletableFuture<Object> result = new CompletableFuture<>();

		private volatile long endedNanos;

		Check(long startedNanos) {
			this.startedNanos = startedNanos;
		}

		long endedNanos() {
			return this.endedNanos;
		}

		void run(SpecoraClient client, LongSupplier nanoTime) {
			try {
				Object outcome;
				try {
					outcome = client.health();
				}
				catch (CircuitBreakerOpenException ex) {
					outcome = ex;
				}
				this.endedNanos = nanoTime.getAsLong();
				this.result.complete(outcome);
			}
			catch (RuntimeException | Error ex) {
				this.endedNanos = nanoTime.getAsLong();
				this.result.completeExceptionally(ex);
			}
		}

	}

}
