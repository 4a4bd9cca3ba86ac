package ai.specora.client;

/**
 * A client setting is missing or invalid. Raised by the builder, before any request.
 */
public class InvalidConfigurationException extends ValidationException {

	private final String setting;

	/**
	 * Creates the exception.
	 * @param setting the name of the offending builder setting, e.g. {@code baseUrl}
	 * @param message the message, saying what to fix
	 */
	public InvalidConfigurationException(String setting, String message) {
		super(message, ErrorDetails.NONE);
		this.setting = setting;
	}

	/**
	 * The name of the builder setting at fault, e.g. {@code baseUrl} or {@code apiKey}.
	 * @return the setting name
	 */
	public String getSetting() {
		return this.setting;
	}

}
