package ai.specora.localauthority;

import java.util.List;

/**
 * The Platform API part of {@link LocalAuthoritySettings}: the Model B ids, platform
 * budgets and policies, model preferences and assignments, and the default model.
 * Checked and copied when built.
 *
 * @param vendorId the required {@code X-Specora-Vendor-Id}, or {@code null} for any
 * @param tenantId the required {@code X-Specora-Tenant-Id}, or {@code null} for any
 * @param platformBudgets the platform budgets in micro-USD
 * @param platformPolicies the policies of {@code policy/check}, in order
 * @param preferences the org model preferences
 * @param modelAssignments the workflow model assignments
 * @param defaultProvider the provider {@code preferences/resolve} answers by default,
 * or {@code null}
 * @param defaultModel the model {@code preferences/resolve} answers by default, or
 * {@code null}
 */
record PlatformState(String vendorId, String tenantId, List<PlatformBudget> platformBudgets,
		List<PlatformPolicy> platformPolicies, List<ModelPreference> preferences,
		List<ModelAssignment> modelAssignments, String defaultProvider, String defaultModel) {

	/**
	 * Checks the platform settings.
	 * @throws IllegalArgumentException if one is missing, repeated or invalid
	 */
	PlatformState {
		if ((vendorId == null) != (tenantId == null)) {
			throw new IllegalArgumentException((vendorId == null)
					? "vendorId is required when tenantId is set (Model B needs both)"
					: "tenantId is required when vendorId is set (Model B needs both)");
		}
		platformBudgets = List.copyOf(platformBudgets);
		platformPolicies = List.copyOf(platformPolicies);
		preferences = List.copyOf(preferences);
		modelAssignments = List.copyOf(modelAssignments);
		SettingsValidation.requireUniqueNames(platformBudgets.stream().map(PlatformBudget::name).toList(),
				"platform budget");
		SettingsValidation.requireUniqueNames(platformPolicies.stream().map(PlatformPolicy::name).toList(),
				"platform policy");
		SettingsValidation.requireUniqueKeys(preferences.stream()
			.map((preference) -> "slot " + preference.slot() + " of "
					+ ((preference.workflowType() != null) ? preference.workflowType() : "global"))
			.toList(), "preference");
		SettingsValidation.requireUniqueKeys(modelAssignments.stream()
			.map((assignment) -> "agent '" + assignment.agentName() + "'"
					+ ((assignment.purpose() != null) ? " purpose '" + assignment.purpose() + "'" : ""))
			.toList(), "model assignment");
		if ((defaultProvider == null) != (defaultModel == null)) {
			throw new IllegalArgumentException("defaultModel needs both a provider and a model, or neither");
		}
		if (defaultProvider != null) {
			PlatformVocabulary.requireProvider(defaultProvider, "default model:");
			PlatformVocabulary.requireText(defaultModel, "default model");
		}
	}

}
