package ai.specora.localauthority;

import java.util.List;

/**
 * An org model preference: in {@code slot} (1 is the first choice) of a workflow type,
 * or of the global preferences, {@code provider}/{@code model}, which offers
 * {@code capabilities}. Served by {@code GET /v1/platform/preferences} and used by
 * {@code POST /v1/platform/preferences/resolve}.
 *
 * @param workflowType the workflow type ({@code codegen}, {@code review}, {@code qa},
 * {@code spec}, {@code debug}, {@code plan}), or {@code null} for a global preference
 * @param slot the slot, 1 or more; unique within the workflow type
 * @param provider the provider, one of the protocol's providers
 * @param model the model
 * @param capabilities what the model can do, e.g. {@code code_generation}; {@code null}
 * means none
 */
public record ModelPreference(String workflowType, int slot, String provider, String model,
		List<String> capabilities) {

	/**
	 * Validates and normalises the preference.
	 * @param workflowType the workflow type, or {@code null}
	 * @param slot the slot
	 * @param provider the provider
	 * @param model the model
	 * @param capabilities the capabilities
	 */
	public ModelPreference {
		String label = "preference slot " + slot + " of " + ((workflowType != null) ? workflowType : "global");
		PlatformVocabulary.requireWorkflowType(workflowType, label + ":");
		if (slot < 1) {
			throw new IllegalArgumentException(label + ": slot must be 1 or more");
		}
		PlatformVocabulary.requireProvider(provider, label + ":");
		PlatformVocabulary.requireText(model, label + " model");
		capabilities = (capabilities != null) ? List.copyOf(capabilities) : List.of();
	}

	/**
	 * A global preference.
	 * @param slot the slot
	 * @param provider the provider
	 * @param model the model
	 * @param capabilities the capabilities
	 * @return the preference
	 */
	public static ModelPreference global(int slot, String provider, String model, String... capabilities) {
		return new ModelPreference(null, slot, provider, model, List.of(capabilities));
	}

	/**
	 * A preference of one workflow type.
	 * @param workflowType the workflow type
	 * @param slot the slot
	 * @param provider the provider
	 * @param model the model
	 * @param capabilities the capabilities
	 * @return the preference
	 */
	public static ModelPreference forWorkflow(String workflowType, int slot, String provider, String model,
			String... capabilities) {
		PlatformVocabulary.requireText(workflowType, "preference workflow type");
		return new ModelPreference(workflowType, slot, provider, model, List.of(capabilities));
	}

	boolean offers(List<String> required) {
		return this.capabilities.containsAll(required);
	}

}
