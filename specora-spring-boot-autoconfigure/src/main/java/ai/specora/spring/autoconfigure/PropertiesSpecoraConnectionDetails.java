package ai.specora.spring.autoconfigure;

/**
 * {@link SpecoraConnectionDetails} backed by {@link SpecoraProperties}.
 */
final class PropertiesSpecoraConnectionDetails implements SpecoraConnectionDetails {

	private final SpecoraProperties properties;

	PropertiesSpecoraConnectionDetails(SpecoraProperties properties) {
		this.properties = properties;
	}

	@Override
	public String baseUrl() {
		return this.properties.getBaseUrl();
	}

	@Override
	public String apiKey() {
		return this.properties.getApiKey();
	}

	@Override
	public String toString() {
		return "PropertiesSpecoraConnectionDetails[baseUrl=" + baseUrl() + ", apiKey="
				+ ((apiKey() != null) ? "******" : null) + "]";
	}

}
