package ai.specora.client;

/**
 * The authority refused the request itself (a 4xx response). Never retried, and never
 * turned into a decision by the fail mode: the request must be fixed.
 */
public class SpecoraClientException extends SpecoraException {

	/**
	 * Creates an exception for a 4xx response.
	 * @param message the message
	 * @param details the details of the failed call
	 */
	public SpecoraClientException(String message, ErrorDetails details) {
		super(message, null, details);
	}

}
