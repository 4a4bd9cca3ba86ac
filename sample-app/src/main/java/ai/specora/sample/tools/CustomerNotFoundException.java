package ai.specora.sample.tools;

/**
 * No customer has the requested id.
 */
public final class CustomerNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param customerId the id that was looked up
	 */
	public CustomerNotFoundException(String customerId) {
		super("No customer " + customerId);
	}

}
