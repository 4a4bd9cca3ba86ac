package ai.specora.spring.autoconfigure;

/**
 * A part of Specora's auto-configuration cannot start as configured: for example the
 * local authority enabled under a production profile, a Redis replay store without
 * Redis, an invalid {@code specora.*} property, or a {@code specora.ai.*} setting the
 * Spring AI integration cannot do without. Carries the property at fault and what to do,
 * which the failure analysis shows. Never carries a secret.
 * <p>
 * Every Specora module's auto-configuration raises this one exception; the failure
 * analyzer this module registers explains it, whichever module raised it.
 */
public final class SpecoraConfigurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final String action;

	/**
	 * Creates the exception.
	 * @param property the property at fault, for example {@code specora.ai.chat.provider}
	 * @param description what is wrong, without the property (the failure analysis adds it)
	 * @param action what to change to fix the failure
	 */
	public SpecoraConfigurationException(String property, String description, String action) {
		this(property, description, action, null);
	}

	/**
	 * Creates the exception with its cause.
	 * @param property the property at fault, for example {@code specora.ai.chat.provider}
	 * @param description what is wrong, without the property (the failure analysis adds it)
	 * @param action what to change to fix the failure
	 * @param cause the exception that made the configuration fail, or {@code null}
	 */
	public SpecoraConfigurationException(String property, String description, String action, Throwable cause) {
		super(description, cause);
		this.property = property;
		this.action = action;
	}

	/**
	 * The property at fault, for example {@code specora.local-authority.budgets[0].limit}.
	 * @return the property
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * What to change to fix the failure.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
