package ai.specora.client;

/**
 * The API key is missing, wrong or revoked (HTTP 401).
 */
public class AuthenticationException extends SpecoraClientException {

	/**
	 * Creates the exception.
	 * @param message the message
	 * @param details the details of the failed call
	 */
	public AuthenticationException(String message, ErrorDetails details) {
		super(message, details);
	}

}
