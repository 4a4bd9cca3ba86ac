package ai.specora.spring.actuate;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

import ai.specora.client.SpecoraException;

/**
 * Remembers the last failure the Specora client reported through its {@code onError}
 * callback (it adds to the application's own callbacks, never replaces them), for the
 * {@code specora} actuator endpoint. Only the exception type, its message (which never
 * carries the API key), the status and error code and the time are kept.
 */
public final class SpecoraErrorRecorder implements Consumer<SpecoraException> {

	private final Clock clock;

	private volatile LastError lastError;

	/**
	 * Creates a recorder with the system clock.
	 */
	public SpecoraErrorRecorder() {
		this(Clock.systemUTC());
	}

	/**
	 * Creates a recorder.
	 * @param clock the clock that stamps failures
	 */
	public SpecoraErrorRecorder(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
	}

	@Override
	public void accept(SpecoraException error) {
		this.lastError = new LastError(this.clock.instant(), error.getClass().getSimpleName(), error.getMessage(),
				error.getStatusCode(), error.getCode(), error.isRetryable());
	}

	/**
	 * The last failure reported.
	 * @return the failure, or {@code null} when there was none
	 */
	public LastError lastError() {
		return this.lastError;
	}

	/**
	 * A failure of the client.
	 *
	 * @param time when it was reported
	 * @param type the simple name of the exception class
	 * @param message the exception's message
	 * @param statusCode the HTTP status, or 0 when no response was received
	 * @param code the authority's error code, or {@code null}
	 * @param retryable whether the failure was transient
	 */
	public record LastError(Instant time, String type, String message, int statusCode, String code,
			boolean retryable) {

	}

}
