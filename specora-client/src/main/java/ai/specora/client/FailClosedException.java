package ai.specora.client;

/**
 * No decision could be obtained from the authority and the fail mode is
 * {@link FailMode#CLOSED}: the guarded action must not run.
 * <p>
 * The cause is the last failure seen: an {@link SpecoraUnavailableException} describing
 * the transport or server trouble.
 */
public class FailClosedException extends SpecoraUnavailableException {

	/**
	 * Creates the exception.
	 * @param message the message
	 * @param cause the failure that left no decision
	 * @param details the details of the failed call
	 */
	public FailClosedException(String message, Throwable cause, ErrorDetails details) {
		super(message, cause, details);
	}

}
