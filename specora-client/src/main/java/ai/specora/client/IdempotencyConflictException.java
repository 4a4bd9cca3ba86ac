package ai.specora.client;

/**
 * A {@code request_id} was reused with a different payload, or a journal entry was already completed under another request id (HTTP 409).
 */
public class IdempotencyConflictException extends SpecoraClientException {

	/**
	 * Creates the exception.
	 * @param message the message
	 * @param details the details of the failed call
	 */
	public IdempotencyConflictException(String message, ErrorDetails details) {
		super(message, details);
	}

}
