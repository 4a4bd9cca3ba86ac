package ai.specora.client.platform;

import java.util.List;

/**
 * One model preference of the organisation.
 *
 * @param slot the rank of the preference, 1 first
 * @param providerName the provider ({@link Provider#UNKNOWN} for a value this client
 * does not know)
 * @param modelName the model
 * @param capabilities the model's capabilities (empty when none)
 */
public record ModelPreference(int slot, Provider providerName, String modelName, List<String> capabilities) {

	/**
	 * Copies the capabilities.
	 * @param slot the rank
	 * @param providerName the provider
	 * @param modelName the model
	 * @param capabilities the capabilities, or {@code null}
	 */
	public ModelPreference {
		capabilities = (capabilities != null) ? List.copyOf(capabilities) : List.of();
	}

}
