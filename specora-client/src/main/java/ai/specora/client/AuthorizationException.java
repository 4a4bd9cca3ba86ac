package ai.specora.client;

/**
 * The API key lacks permission for the organisation or project (HTTP 403).
 */
public class AuthorizationException extends SpecoraClientException {

	/**
	 * Creates the exception.
	 * @param message the message
	 * @param details the details of the failed call
	 */
	public AuthorizationException(String message, ErrorDetails details) {
		super(message, details);
	}

}
