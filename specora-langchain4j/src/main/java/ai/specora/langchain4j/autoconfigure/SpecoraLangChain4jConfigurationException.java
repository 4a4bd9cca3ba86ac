package ai.specora.langchain4j.autoconfigure;

/**
 * A {@code specora.langchain4j.*} setting that start-up cannot do without is missing or
 * wrong.
 */
public final class SpecoraLangChain4jConfigurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final String action;

	/**
	 * Creates the exception.
	 * @param property the property to fix
	 * @param description what is wrong
	 * @param action what to do
	 */
	public SpecoraLangChain4jConfigurationException(String property, String description, String action) {
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
