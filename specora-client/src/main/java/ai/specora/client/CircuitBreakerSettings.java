package ai.specora.client;

import java.time.Duration;

/**
 * The settings of a client's circuit breaker, which makes calls fail at once, without a
 * request, while the authority leaves them without an answer. Set them with
 * {@link SpecoraClientBuilder#circuitBreaker(CircuitBreakerSettings)}; they show in
 * {@link SpecoraClientSettings#circuitBreaker()}.
 * <p>
 * Each client has one breaker, shared by its runtime and platform calls. It counts a
 * call as failed only when the call got no answer: a transport failure, a timeout, or a
 * 5xx, 408 or 429 still there after the retries (the call ended in a
 * {@link SpecoraUnavailableException}). An answer, a 4xx included, counts as a success;
 * a call refused before any request (an invalid request, a closed client) is not
 * counted. Over the last {@link #slidingWindowSize()} calls, once at least
 * {@link #minimumNumberOfCalls()} have ended, a share of failed calls of
 * {@link #failureRateThreshold()} per cent or more opens the breaker: with the defaults,
 * 10 calls in a row without an answer. While open, calls fail with a
 * {@link CircuitBreakerOpenException} (for decisions, the fail mode then applies). After
 * {@link #waitDurationInOpenState()}, the next call moves the breaker to half-open and
 * {@link #permittedNumberOfCallsInHalfOpenState()} probe calls go through: if fewer than
 * the threshold's share of them fail, it closes; otherwise it opens again.
 * <p>
 * Validated when created: an invalid value raises an
 * {@link InvalidConfigurationException} naming the setting, e.g.
 * {@code circuitBreaker.failureRateThreshold}.
 *
 * @param enabled whether the client has a circuit breaker (default {@code true})
 * @param failureRateThreshold the percentage of failed calls that opens the breaker, 1 to
 * 100 (default 50)
 * @param slidingWindowSize how many of the last calls the failure rate is computed over,
 * at least 1 (default 20)
 * @param minimumNumberOfCalls how many calls must have ended before the breaker may open,
 * 1 to {@code slidingWindowSize} (default 10)
 * @param waitDurationInOpenState how long an open breaker refuses every call before it
 * lets probe calls through, at least 1 ms (default 10 s)
 * @param permittedNumberOfCallsInHalfOpenState how many probe calls a half-open breaker
 * lets through, at least 1 (default 3)
 */
public record CircuitBreakerSettings(boolean enabled, int failureRateThreshold, int slidingWindowSize,
		int minimumNumberOfCalls, Duration waitDurationInOpenState, int permittedNumberOfCallsInHalfOpenState) {

	private static final String PREFIX = "circuitBreaker.";

	private static final CircuitBreakerSettings DEFAULTS = builder().build();

	/**
	 * Checks the settings.
	 * @param enabled whether the client has a circuit breaker (default {@code true})
	 * @param failureRateThreshold the percentage of failed calls that opens the breaker, 1 to
	 * 100 (default 50)
	 * @param slidingWindowSize how many of the last calls the failure rate is computed over,
	 * at least 1 (default 20)
	 * @param minimumNumberOfCalls how many calls must have ended before the breaker may open,
	 * 1 to {@code slidingWindowSize} (default 10)
	 * @param waitDurationInOpenState how long an open breaker refuses every call before it
	 * lets probe calls through, at least 1 ms (default 10 s)
	 * @param permittedNumberOfCallsInHalfOpenState how many probe calls a half-open breaker
	 * lets through, at least 1 (default 3)
	 * @throws InvalidConfigurationException naming the setting at fault
	 */
	public CircuitBreakerSettings {
		if (failureRateThreshold < 1 || failureRateThreshold > 100) {
			throw invalid("failureRateThreshold", "must be between 1 and 100 (per cent), but was "
					+ failureRateThreshold);
		}
		if (slidingWindowSize < 1) {
			throw invalid("slidingWindowSize", "must be at least 1, but was " + slidingWindowSize);
		}
		if (minimumNumberOfCalls < 1 || minimumNumberOfCalls > slidingWindowSize) {
			throw invalid("minimumNumberOfCalls", "must be between 1 and slidingWindowSize (" + slidingWindowSize
					+ "), but was " + minimumNumberOfCalls);
		}
		if (waitDurationInOpenState == null || waitDurationInOpenState.toMillis() < 1) {
			throw invalid("waitDurationInOpenState", "must be at least 1 ms, but was " + waitDurationInOpenState);
		}
		if (permittedNumberOfCallsInHalfOpenState < 1) {
			throw invalid("permittedNumberOfCallsInHalfOpenState", "must be at least 1, but was "
					+ permittedNumberOfCallsInHalfOpenState);
		}
	}

	/**
	 * The default settings: enabled, 50 % of the last 20 calls (at least 10 of them),
	 * 10 s open, 3 probe calls.
	 * @return the defaults
	 */
	public static CircuitBreakerSettings defaults() {
		return DEFAULTS;
	}

	/**
	 * Settings that turn the circuit breaker off: every call goes to the authority.
	 * @return the defaults, disabled
	 */
	public static CircuitBreakerSettings disabled() {
		return DEFAULTS.toBuilder().enabled(false).build();
	}

	/**
	 * Starts from the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts from these settings.
	 * @return a new builder holding these settings
	 */
	public Builder toBuilder() {
		return new Builder().enabled(this.enabled)
			.failureRateThreshold(this.failureRateThreshold)
			.slidingWindowSize(this.slidingWindowSize)
			.minimumNumberOfCalls(this.minimumNumberOfCalls)
			.waitDurationInOpenState(this.waitDurationInOpenState)
			.permittedNumberOfCallsInHalfOpenState(this.permittedNumberOfCallsInHalfOpenState);
	}

	private static InvalidConfigurationException invalid(String setting, String problem) {
		return new InvalidConfigurationException(PREFIX + setting,
				"Specora " + PREFIX + setting + " " + problem);
	}

	/**
	 * Builds {@link CircuitBreakerSettings}, starting from the defaults of
	 * {@link SpecoraDefaults}. Not thread-safe.
	 */
	public static final class Builder {

		private boolean enabled = SpecoraDefaults.CIRCUIT_BREAKER_ENABLED;

		private int failureRateThreshold = SpecoraDefaults.CIRCUIT_BREAKER_FAILURE_RATE_THRESHOLD;

		private int slidingWindowSize = SpecoraDefaults.CIRCUIT_BREAKER_SLIDING_WINDOW_SIZE;

		private int minimumNumberOfCalls = SpecoraDefaults.CIRCUIT_BREAKER_MINIMUM_NUMBER_OF_CALLS;

		private Duration waitDurationInOpenState = SpecoraDefaults.CIRCUIT_BREAKER_WAIT_DURATION_IN_OPEN_STATE;

		private int permittedNumberOfCallsInHalfOpenState = SpecoraDefaults.CIRCUIT_BREAKER_PERMITTED_CALLS_IN_HALF_OPEN_STATE;

		private Builder() {
		}

		/**
		 * Whether the client has a circuit breaker (default {@code true}).
		 * @param enabled {@code false} to send every call to the authority
		 * @return this builder
		 */
		public Builder enabled(boolean enabled) {
			this.enabled = enabled;
			return this;
		}

		/**
		 * The percentage of failed calls, among the last {@code slidingWindowSize}, that
		 * opens the breaker (default 50).
		 * @param failureRateThreshold 1 to 100
		 * @return this builder
		 */
		public Builder failureRateThreshold(int failureRateThreshold) {
			this.failureRateThreshold = failureRateThreshold;
			return this;
		}

		/**
		 * How many of the last calls the failure rate is computed over (default 20).
		 * @param slidingWindowSize at least 1
		 * @return this builder
		 */
		public Builder slidingWindowSize(int slidingWindowSize) {
			this.slidingWindowSize = slidingWindowSize;
			return this;
		}

		/**
		 * How many calls must have ended before the breaker may open (default 10).
		 * @param minimumNumberOfCalls 1 to {@code slidingWindowSize}
		 * @return this builder
		 */
		public Builder minimumNumberOfCalls(int minimumNumberOfCalls) {
			this.minimumNumberOfCalls = minimumNumberOfCalls;
			return this;
		}

		/**
		 * How long an open breaker refuses every call before it lets probe calls
		 * through (default 10 s).
		 * @param waitDurationInOpenState at least 1 ms
		 * @return this builder
		 */
		public Builder waitDurationInOpenState(Duration waitDurationInOpenState) {
			this.waitDurationInOpenState = waitDurationInOpenState;
			return this;
		}

		/**
		 * How many probe calls a half-open breaker lets through (default 3).
		 * @param permittedNumberOfCallsInHalfOpenState at least 1
		 * @return this builder
		 */
		public Builder permittedNumberOfCallsInHalfOpenState(int permittedNumberOfCallsInHalfOpenState) {
			this.permittedNumberOfCallsInHalfOpenState = permittedNumberOfCallsInHalfOpenState;
			return this;
		}

		/**
		 * Checks the settings and builds them.
		 * @return the settings
		 * @throws InvalidConfigurationException naming the setting at fault
		 */
		public CircuitBreakerSettings build() {
			return new CircuitBreakerSettings(this.enabled, this.failureRateThreshold, this.slidingWindowSize,
					this.minimumNumberOfCalls, this.waitDurationInOpenState,
					this.permittedNumberOfCallsInHalfOpenState);
		}

	}

}
