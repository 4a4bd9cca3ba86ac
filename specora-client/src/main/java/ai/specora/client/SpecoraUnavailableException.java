package ai.specora.client;

/**
 * The authority could not be reached or did not answer properly (connection failure,
 * timeout, 5xx, redirect, malformed or oversized response) and retries are spent.
 * <p>
 * Raised as-is by calls that are not decisions (completion, journal); for decisions
 * the fail mode applies and {@link FailClosedException} is raised instead.
 */
public class SpecoraUnavailableException extends SpecoraException {

	/**
	 * Creates the exception.
	 * @param message the message
	 * @param cause the underlying cause, or {@code null}
	 * @param details the details of the failed call
	 */
	public SpecoraUnavailableException(String message, Throwable cause, ErrorDetails details) {
		super(message, cause, details);
	}

}
