package ai.specora.sample.demo;

/**
 * A step of the demo did not behave as expected.
 */
public final class DemoStepException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what was expected and what happened
	 */
	public DemoStepException(String message) {
		super(message);
	}

	/**
	 * Creates the exception.
	 * @param message what was expected and what happened
	 * @param cause the cause
	 */
	public DemoStepException(String message, Throwable cause) {
		super(message, cause);
	}

}
