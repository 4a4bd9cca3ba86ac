package ai.specora.client;

import java.time.Duration;
import java.util.Locale;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The circuit breaker of one client, around each logical call to the authority (its
 * retries included), shared by the runtime and platform calls: Resilience4j's
 * {@link CircuitBreaker} with its Reactor operator, configured from
 * {@link CircuitBreakerSettings}. Resilience4j stays inside: the client's public types
 * speak of {@link CircuitBreakerState} and {@link CircuitBreakerOpenException} only.
 * <p>
 * Only decisions (and health checks) count; any other call (a completion, a journal
 * read, an execution record) is refused while the breaker is open but never opens it,
 * so that background deliveries failing against one endpoint cannot fail decisions the
 * authority still answers. What counts: a call that ended in a {@link SpecoraUnavailableException} (no answer
 * after the retries) is a failure; one answered with a 4xx (an exception carrying an
 * HTTP status) is a success, like a 2xx; anything else (a request refused before it was
 * sent, a closed client) is ignored. A slow answer is an answer: the slow-call rules are
 * off, the call's deadline already bounds it.
 * <p>
 * The open state ends lazily: the first call after the wait moves the breaker to
 * half-open, and no thread is kept to do it on time (Resilience4j's automatic
 * transition would start a JVM-wide scheduler thread that is never stopped). Every
 * state transition is logged once, at WARN when the breaker opens and at INFO
 * otherwise, on the thread of the call that caused it.
 * <p>
 * The Resilience4j breaker is created by the first call (or warm-up), not when the
 * client is built, so that building a client loads no more classes than before.
 */
final class AuthorityCircuitBreaker {

	private static final Logger logger = LoggerFactory.getLogger(AuthorityCircuitBreaker.class);

	private static final String NAME = "specora";

	private final CircuitBreakerSettings settings;

	private final String authority;

	private volatile CircuitBreaker breaker;

	private volatile long openedAt;

	/**
	 * Creates the breaker of a client.
	 * @param settings the breaker's settings, enabled
	 * @param authority the authority's base URL, for the log lines
	 */
	AuthorityCircuitBreaker(CircuitBreakerSettings settings, String authority) {
		this.settings = settings;
		this.authority = authority;
	}

	/**
	 * Guards a logical call: a subscription first asks the breaker for a permission,
	 * fails at once with a {@link CircuitBreakerOpenException} when refused, and reports
	 * how the call ended. Cancelling the call gives its permission back, uncounted.
	 * @param call the logical call
	 * @param description what the call does, for the message, e.g. {@code enforce}
	 * @param <T> the call's result
	 * @return the guarded call
	 */
	<T> Mono<T> guard(Mono<T> call, String description) {
		return call.transform(CircuitBreakerOperator.of(breaker()))
			.onErrorMap(CallNotPermittedException.class, (ex) -> refused(description));
	}

	/**
	 * Lets a call that is not a decision through unless the breaker refuses it, without
	 * counting how it ends: a call refused while the breaker is open fails at once with
	 * a {@link CircuitBreakerOpenException}; a permitted one gives its permission back
	 * at once, so it never takes a half-open probe's place.
	 * @param call the logical call
	 * @param description what the call does, for the message, e.g. {@code complete}
	 * @param <T> the call's result
	 * @return the gated call
	 */
	<T> Mono<T> gate(Mono<T> call, String description) {
		return Mono.defer(() -> {
			CircuitBreaker breaker = breaker();
			if (!breaker.tryAcquirePermission()) {
				return Mono.error(refused(description));
			}
			breaker.releasePermission();
			return call;
		});
	}

	/**
	 * Creates the Resilience4j breaker now, if not created yet.
	 */
	void warmUp() {
		breaker();
	}

	/**
	 * Whether the Resilience4j breaker exists.
	 */
	boolean isWarm() {
		return this.breaker != null;
	}

	/**
	 * The breaker's state; {@link CircuitBreakerState#CLOSED} until the first call.
	 */
	CircuitBreakerState state() {
		CircuitBreaker breaker = this.breaker;
		return (breaker != null) ? state(breaker.getState()) : CircuitBreakerState.CLOSED;
	}

	private CircuitBreaker breaker() {
		CircuitBreaker breaker = this.breaker;
		return (breaker != null) ? breaker : createBreaker();
	}

	private synchronized CircuitBreaker createBreaker() {
		if (this.breaker == null) {
			CircuitBreaker breaker = CircuitBreaker.of(NAME, config(this.settings));
			breaker.getEventPublisher().onStateTransition(this::onTransition);
			this.breaker = breaker;
		}
		return this.breaker;
	}

	static CircuitBreakerConfig config(CircuitBreakerSettings settings) {
		return CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(settings.slidingWindowSize())
			.minimumNumberOfCalls(settings.minimumNumberOfCalls())
			.failureRateThreshold(settings.failureRateThreshold())
			.waitDurationInOpenState(settings.waitDurationInOpenState())
			.permittedNumberOfCallsInHalfOpenState(settings.permittedNumberOfCallsInHalfOpenState())
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			// a slow answer is an answer: only calls left without one count
			.slowCallRateThreshold(100)
			.slowCallDurationThreshold(Duration.ofDays(1))
			.recordException(AuthorityCircuitBreaker::isUnanswered)
			.ignoreException((ex) -> !isUnanswered(ex) && !isAnswered(ex))
			// the refusal is replaced by a CircuitBreakerOpenException: no stack trace to fill
			.writableStackTraceEnabled(false)
			.build();
	}

	/** A call left without an answer, retries spent. */
	static boolean isUnanswered(Throwable ex) {
		return ex instanceof SpecoraUnavailableException;
	}

	/** A call the authority answered, with a 4xx. */
	static boolean isAnswered(Throwable ex) {
		return ex instanceof SpecoraException specora && specora.getStatusCode() > 0;
	}

	private CircuitBreakerOpenException refused(String description) {
		CircuitBreakerState state = state();
		if (state == CircuitBreakerState.HALF_OPEN) {
			return new CircuitBreakerOpenException("Specora " + description
					+ " was not sent: the circuit breaker is half-open and its "
					+ this.settings.permittedNumberOfCallsInHalfOpenState()
					+ " probe call(s) to the authority are still in flight", state);
		}
		long waitedMillis = (System.nanoTime() - this.openedAt) / 1_000_000;
		long leftMillis = Math.max(0, this.settings.waitDurationInOpenState().toMillis() - waitedMillis);
		return new CircuitBreakerOpenException("Specora " + description
				+ " was not sent: the circuit breaker is open, too many calls to the authority got no answer; "
				+ "it lets a probe call through in " + seconds(leftMillis) + " (open for "
				+ seconds(this.settings.waitDurationInOpenState().toMillis()) + ")", CircuitBreakerState.OPEN);
	}

	private void onTransition(CircuitBreakerOnStateTransitionEvent event) {
		CircuitBreaker.State from = event.getStateTransition().getFromState();
		CircuitBreaker.State to = event.getStateTransition().getToState();
		if (to == CircuitBreaker.State.OPEN) {
			this.openedAt = System.nanoTime();
			CircuitBreaker.Metrics metrics = this.breaker.getMetrics();
			logger.warn("Specora circuit breaker OPEN (was {}): {} of the last {} calls to {} got no answer; "
					+ "calls fail at once without a request for {}, then {} probe call(s) go through",
					from, metrics.getNumberOfFailedCalls(), metrics.getNumberOfBufferedCalls(), this.authority,
					seconds(this.settings.waitDurationInOpenState().toMillis()),
					this.settings.permittedNumberOfCallsInHalfOpenState());
		}
		else if (to == CircuitBreaker.State.HALF_OPEN) {
			logger.info("Specora circuit breaker HALF_OPEN (was {}): {} probe call(s) go to {}", from,
					this.settings.permittedNumberOfCallsInHalfOpenState(), this.authority);
		}
		else {
			logger.info("Specora circuit breaker {} (was {}): calls go to {} again", to, from, this.authority);
		}
	}

	private static String seconds(long millis) {
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
	}

	private static CircuitBreakerState state(CircuitBreaker.State state) {
		return switch (state) {
			case CLOSED, METRICS_ONLY -> CircuitBreakerState.CLOSED;
			case HALF_OPEN -> CircuitBreakerState.HALF_OPEN;
			case DISABLED -> CircuitBreakerState.DISABLED;
			case OPEN, FORCED_OPEN -> CircuitBreakerState.OPEN;
		};
	}

}
