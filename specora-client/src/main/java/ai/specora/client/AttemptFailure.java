package ai.specora.client;

import java.time.Duration;

import tools.jackson.databind.JsonNode;

/**
 * The failure of one HTTP attempt, before the retry loop decides what becomes of it.
 * Never seen by callers: the loop turns it into a public {@link SpecoraException}.
 */
final class AttemptFailure extends RuntimeException {

	private final int statusCode;

	private final String requestId;

	private final String code;

	private final JsonNode details;

	private final boolean retryable;

	private final Duration retryAfter;

	private AttemptFailure(String message, Throwable cause, int statusCode, String requestId, String code,
			JsonNode details, boolean retryable, Duration retryAfter) {
		super(message, cause, false, false);
		this.statusCode = statusCode;
		this.requestId = requestId;
		this.code = code;
		this.details = details;
		this.retryable = retryable;
		this.retryAfter = retryAfter;
	}

	/**
	 * A failure before or while reading a response: connection trouble, timeout,
	 * malformed or oversized body, redirect. Always retryable.
	 */
	static AttemptFailure transport(String message, Throwable cause, int statusCode, String requestId) {
		return new AttemptFailure(message, cause, statusCode, requestId, null, null, true, null);
	}

	/** A non-2xx response with the error body the server sent (possibly none). */
	static AttemptFailure status(int statusCode, String requestId, String code, String message, JsonNode details,
			Duration retryAfter) {
		return new AttemptFailure(message, null, statusCode, requestId, code, details, isRetryableStatus(statusCode),
				retryAfter);
	}

	static boolean isRetryableStatus(int statusCode) {
		return switch (statusCode) {
			case 408, 429, 500, 502, 503, 504 -> true;
			default -> false;
		};
	}

	int statusCode() {
		return this.statusCode;
	}

	String requestId() {
		return this.requestId;
	}

	String code() {
		return this.code;
	}

	JsonNode details() {
		return this.details;
	}

	boolean retryable() {
		return this.retryable;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

	boolean isClientError() {
		return this.statusCode >= 400 && this.statusCode < 500 && !this.retryable;
	}

}
