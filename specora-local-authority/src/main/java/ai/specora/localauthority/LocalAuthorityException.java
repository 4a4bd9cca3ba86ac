package ai.specora.localauthority;

import java.util.Map;

/**
 * A request the local authority refuses, with the HTTP status and protocol error code
 * it answers with (for example 404 {@code not_found} or 409
 * {@code idempotency_conflict}).
 */
public class LocalAuthorityException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final String code;

	private final transient Map<String, Object> details;

	/**
	 * Creates an exception.
	 * @param status the HTTP status
	 * @param code the protocol error code
	 * @param message the message, safe to show to the caller
	 * @param details extra details for {@code error.details}
	 */
	public LocalAuthorityException(int status, String code, String message, Map<String, Object> details) {
		super(message);
		this.status = status;
		this.code = code;
		this.details = (details != null) ? Map.copyOf(details) : Map.of();
	}

	/**
	 * The HTTP status answered.
	 * @return the status
	 */
	public int getStatus() {
		return this.status;
	}

	/**
	 * The protocol error code, e.g. {@code not_found}.
	 * @return the code
	 */
	public String getCode() {
		return this.code;
	}

	/**
	 * The error details.
	 * @return the details, never {@code null}
	 */
	public Map<String, Object> getDetails() {
		return this.details;
	}

	static LocalAuthorityException validation(String field, String message) {
		return new LocalAuthorityException(422, "validation_error", message, Map.of("field", field));
	}

	static LocalAuthorityException notFound(String message) {
		return new LocalAuthorityException(404, "not_found", message, null);
	}

	static LocalAuthorityException conflict(String code, String message) {
		return new LocalAuthorityException(409, code, message, null);
	}

}
