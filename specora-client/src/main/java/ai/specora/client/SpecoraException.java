package ai.specora.client;

/**
 * Root of every exception the Specora client raises.
 * <p>
 * Each exception carries what is known about the call that failed: the HTTP status
 * (0 when no response was received), the server's {@code X-Request-Id}, the error
 * {@code code} from the response body, the number of attempts made, and whether the
 * failure was of a kind that is worth retrying later. None of them ever carries the API
 * key.
 */
public class SpecoraException extends RuntimeException {

	private final int statusCode;

	private final String requestId;

	private final String code;

	private final int attempts;

	private final boolean retryable;

	/**
	 * Creates an exception from the details of a failed call.
	 * @param message the message, naming what failed and what to do about it
	 * @param cause the underlying cause, or {@code null}
	 * @param details the details of the failed call
	 */
	protected SpecoraException(String message, Throwable cause, ErrorDetails details) {
		super(message, cause);
		this.statusCode = details.statusCode();
		this.requestId = details.requestId();
		this.code = details.code();
		this.attempts = details.attempts();
		this.retryable = details.retryable();
	}

	/**
	 * Creates an exception that is not tied to an HTTP response.
	 * @param message the message
	 */
	public SpecoraException(String message) {
		this(message, null, ErrorDetails.NONE);
	}

	/**
	 * The HTTP status code of the response that caused this exception.
	 * @return the status code, or 0 when no response was received
	 */
	public int getStatusCode() {
		return this.statusCode;
	}

	/**
	 * The {@code X-Request-Id} the server sent with the failing response.
	 * @return the request id, or {@code null}
	 */
	public String getRequestId() {
		return this.requestId;
	}

	/**
	 * The machine-readable error code from the response body ({@code error.code}).
	 * @return the code, or {@code null}
	 */
	public String getCode() {
		return this.code;
	}

	/**
	 * The number of HTTP attempts made before this exception was raised.
	 * @return the number of attempts, 0 when no request was sent
	 */
	public int getAttempts() {
		return this.attempts;
	}

	/**
	 * Whether the same call may succeed if tried again later.
	 * @return {@code true} for transient failures
	 */
	public boolean isRetryable() {
		return this.retryable;
	}

	/**
	 * What is known about a failed call.
	 *
	 * @param statusCode the HTTP status, 0 when there was no response
	 * @param requestId the {@code X-Request-Id} response header, or {@code null}
	 * @param code the error code of the response body, or {@code null}
	 * @param attempts the number of attempts made
	 * @param retryable whether the failure is transient
	 */
	public record ErrorDetails(int statusCode, String requestId, String code, int attempts, boolean retryable) {

		/** No response, no attempt. */
		public static final ErrorDetails NONE = new ErrorDetails(0, null, null, 0, false);

	}

}
