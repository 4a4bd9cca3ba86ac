package ai.specora.client;

import java.time.Duration;

/**
 * The default of each client setting, in one place: the client builder starts from
 * these, and the Spring Boot properties, their metadata and the failure analyzer's
 * messages read them.
 */
public final class SpecoraDefaults {

	/** Decisions that cannot be had raise and the action does not run. */
	public static final FailMode FAIL_MODE = FailMode.CLOSED;

	/** Time limit of one HTTP attempt. */
	public static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** Time limit of a whole call, retries and back-off included. */
	public static final Duration DEADLINE = Duration.ofSeconds(30);

	/** How many times a transient failure is retried. */
	public static final int RETRIES = 2;

	/** The largest number of retries allowed. */
	public static final int MAX_RETRIES = 10;

	/** The back-off before the first retry. */
	public static final Duration RETRY_BACKOFF = Duration.ofMillis(500);

	/** The largest back-off between two retries. */
	public static final Duration MAX_RETRY_BACKOFF = Duration.ofSeconds(8);

	/** Whether the circuit breaker is on. */
	public static final boolean CIRCUIT_BREAKER_ENABLED = true;

	/**
	 * The percentage of calls without an answer, among the last
	 * {@link #CIRCUIT_BREAKER_SLIDING_WINDOW_SIZE}, at which the circuit breaker opens.
	 */
	public static final int CIRCUIT_BREAKER_FAILURE_RATE_THRESHOLD = 50;

	/** How many of the last calls the circuit breaker's failure rate is computed over. */
	public static final int CIRCUIT_BREAKER_SLIDING_WINDOW_SIZE = 20;

	/** How many calls the circuit breaker needs to have seen before it may open. */
	public static final int CIRCUIT_BREAKER_MINIMUM_NUMBER_OF_CALLS = 10;

	/** How long an open circuit breaker refuses calls before it lets probe calls through. */
	public static final Duration CIRCUIT_BREAKER_WAIT_DURATION_IN_OPEN_STATE = Duration.ofSeconds(10);

	/** How many probe calls a half-open circuit breaker lets through. */
	public static final int CIRCUIT_BREAKER_PERMITTED_CALLS_IN_HALF_OPEN_STATE = 3;

	private SpecoraDefaults() {
	}

}
