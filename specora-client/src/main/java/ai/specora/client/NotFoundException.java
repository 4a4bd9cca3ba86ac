package ai.specora.client;

/**
 * The journal entry or resource does not exist (HTTP 404).
 */
public class NotFoundException extends SpecoraClientException {

	/**
	 * Creates the exception.
	 * @param message the message
	 * @param details the details of the failed call
	 */
	public NotFoundException(String message, ErrorDetails details) {
		super(message, details);
	}

}
