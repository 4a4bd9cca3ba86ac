package ai.specora.client;

/**
 * The request was invalid (HTTP 400 or 422), or the client was asked for something its configuration does not allow; raised before any request in that case.
 */
public class ValidationException extends SpecoraClientException {

	/**
	 * Creates the exception.
	 * @param message the message
	 * @param details the details of the failed call
	 */
	public ValidationException(String message, ErrorDetails details) {
		super(message, details);
	}

}
