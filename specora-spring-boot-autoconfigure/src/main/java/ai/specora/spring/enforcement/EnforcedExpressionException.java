package ai.specora.spring.enforcement;

/**
 * An {@link ai.specora.spring.Enforced @Enforced} expression gave an unusable value for
 * one call (for example a {@code null} or empty scope, or a cost that is not a number).
 * Raised before the method runs; the method does not run.
 */
public class EnforcedExpressionException extends IllegalArgumentException {

	private final String attribute;

	/**
	 * Creates the exception.
	 * @param message the message, naming the method and attribute
	 * @param attribute the annotation attribute whose expression failed
	 * @param cause the evaluation failure, or {@code null}
	 */
	public EnforcedExpressionException(String message, String attribute, Throwable cause) {
		super(message, cause);
		this.attribute = attribute;
	}

	/**
	 * The annotation attribute whose expression failed.
	 * @return the attribute name
	 */
	public String getAttribute() {
		return this.attribute;
	}

}
