package ai.specora.langchain4j.tool;

/**
 * A tool's settings cannot be used: raised when the settings are resolved (by
 * {@code SpecoraLangChain4j.Builder.build()}, at start-up in Spring Boot), naming the
 * property to fix.
 */
public class ToolSettingsException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final String action;

	/**
	 * Creates the exception.
	 * @param property the property to fix
	 * @param description what is wrong
	 * @param action what to do
	 */
	public ToolSettingsException(String property, String description, String action) {
		super(description);
		this.property = property;
		this.action = action;
	}

	/**
	 * The property to fix.
	 * @return the property, e.g. {@code specora.langchain4j.tools[issue_refund].scope-expression}
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
