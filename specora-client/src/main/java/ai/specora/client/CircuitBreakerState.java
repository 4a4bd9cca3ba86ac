package ai.specora.client;

/**
 * The state of a client's circuit breaker (see {@link CircuitBreakerSettings}).
 */
public enum CircuitBreakerState {

	/** Calls go to the authority, and those left without an answer are counted. */
	CLOSED,

	/**
	 * Too many calls got no answer: calls fail at once, with no request, until the
	 * wait in the open state has passed. The first call after it moves the breaker to
	 * {@link #HALF_OPEN}.
	 */
	OPEN,

	/**
	 * A few probe calls go to the authority: the breaker closes when they are answered
	 * and opens again when they are not; the other calls fail at once meanwhile.
	 */
	HALF_OPEN,

	/** The client has no circuit breaker: every call goes to the authority. */
	DISABLED

}
