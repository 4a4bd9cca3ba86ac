package ai.specora.spring.ai.autoconfigure;

/**
 * A {@code specora.ai.*} setting that start-up cannot do without is missing or wrong.
 */
public final class SpecoraAiConfigurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final String action;

	/**
	 * Creates the exception.
	 * @param property the property to fix
	 * @param description what is wrong
	 * @param action what to do
	 */
	public SpecoraAiConfigurationException(String property, String description, String action) {
		super(description);
		this.property = property;
		this.action = action;
	}

	/**
	 * The property to fix.
	 * @return the property
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * What to do.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
