package ai.specora.client;

/**
 * A call that was not sent because the client's circuit breaker is open (or half-open
 * with its probe calls in flight): the authority left too many recent calls without an
 * answer. No request was made. The message says when the breaker next lets a probe
 * call through.
 * <p>
 * A {@link SpecoraUnavailableException}, so the fail mode applies to decisions as for
 * any call without an answer: under {@link FailMode#CLOSED} they raise a
 * {@link FailClosedException} whose cause is this exception.
 */
public class CircuitBreakerOpenException extends SpecoraUnavailableException {

	private final CircuitBreakerState state;

	/**
	 * Creates the exception.
	 * @param message the message, naming the call and when the breaker probes again
	 * @param state the state of the breaker that refused the call
	 */
	public CircuitBreakerOpenException(String message, CircuitBreakerState state) {
		super(message, null, new ErrorDetails(0, null, null, 0, true));
		this.state = state;
	}

	/**
	 * The state of the breaker when it refused the call.
	 * @return {@link CircuitBreakerState#OPEN} or {@link CircuitBreakerState#HALF_OPEN}
	 */
	public CircuitBreakerState getState() {
		return this.state;
	}

}
