package ai.specora.spring.autoconfigure;

import ai.specora.client.InvalidConfigurationException;

/**
 * The auto-configured {@link ai.specora.client.SpecoraClient} could not be built from
 * the application's configuration. Carries what the failure analysis needs to name the
 * property at fault; its message never contains the API key.
 */
final class SpecoraClientConfigurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient SpecoraProperties properties;

	private final transient SpecoraConnectionDetails connectionDetails;

	SpecoraClientConfigurationException(InvalidConfigurationException cause, SpecoraProperties properties,
			SpecoraConnectionDetails connectionDetails) {
		super("The Specora client cannot be built from the application's configuration (setting '"
				+ cause.getSetting() + "')", cause);
		this.properties = properties;
		this.connectionDetails = connectionDetails;
	}

	SpecoraProperties getProperties() {
		return this.properties;
	}

	SpecoraConnectionDetails getConnectionDetails() {
		return this.connectionDetails;
	}

	/**
	 * Whether the base URL and API key came from the {@code specora.*} properties rather
	 * than from a {@link SpecoraConnectionDetails} bean of the application.
	 * @return whether the connection details are the properties
	 */
	boolean isConnectionFromProperties() {
		return this.connectionDetails instanceof PropertiesSpecoraConnectionDetails;
	}

}
