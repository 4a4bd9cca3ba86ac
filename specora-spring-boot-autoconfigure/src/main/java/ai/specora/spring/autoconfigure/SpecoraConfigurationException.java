package ai.specora.spring.autoconfigure;

/**
 * A part of Specora's auto-configuration cannot start as configured: for example the
 * local authority enabled under a production profile, a Redis replay store without
 * Redis, or an invalid {@code specora.*} property. Carries the property at fault and
 * what to do, which the failure analysis shows. Never carries a secret.
 */
public final class SpecoraConfigurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final String action;

	SpecoraConfigurationException(String property, String description, String action, Throwable cause) {
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
