package ai.specora.spring.autoconfigure.localauthority;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import ai.specora.localauthority.LocalAuthoritySettings;
import ai.specora.localauthority.ModelAssignment;
import ai.specora.localauthority.ModelPreference;
import ai.specora.localauthority.PlatformBudget;
import ai.specora.localauthority.PlatformPolicy;
import ai.specora.spring.autoconfigure.SpecoraConfigurationException;

import org.springframework.util.StringUtils;

/**
 * Turns the {@code specora.local-authority.platform.*} properties into the platform
 * state of {@link LocalAuthoritySettings}, naming the property at fault when one is
 * invalid.
 */
final class LocalAuthorityPlatformMapper {

	static final String PREFIX = "specora.local-authority.platform.";

	private static final List<String> PROVIDERS = List.of("anthropic", "deepseek", "gemini", "ollama", "openai",
			"qwen", "vllm");

	private static final Set<String> WORKFLOW_TYPES = Set.of("codegen", "review", "qa", "spec", "debug", "plan");

	private final SpecoraLocalAuthorityPlatformProperties properties;

	LocalAuthorityPlatformMapper(SpecoraLocalAuthorityPlatformProperties properties) {
		this.properties = properties;
	}

	/**
	 * Adds the platform state to the settings being built.
	 * @param builder the settings builder
	 * @throws SpecoraConfigurationException if a property is invalid
	 */
	void apply(LocalAuthoritySettings.Builder builder) {
		List<SpecoraLocalAuthorityPlatformProperties.Budget> budgets = this.properties.getBudgets();
		for (int i = 0; i < budgets.size(); i++) {
			builder.platformBudget(budget(i, budgets.get(i)));
		}
		List<SpecoraLocalAuthorityPlatformProperties.Policy> policies = this.properties.getPolicies();
		for (int i = 0; i < policies.size(); i++) {
			builder.platformPolicy(policy(i, policies.get(i)));
		}
		List<SpecoraLocalAuthorityPlatformProperties.Preference> preferences = this.properties.getPreferences();
		for (int i = 0; i < preferences.size(); i++) {
			builder.preference(preference(i, preferences.get(i)));
		}
		List<SpecoraLocalAuthorityPlatformProperties.ModelAssignment> assignments = this.properties
			.getModelAssignments();
		for (int i = 0; i < assignments.size(); i++) {
			builder.modelAssignment(assignment(i, assignments.get(i)));
		}
		String provider = this.properties.getDefaultProvider();
		String model = this.properties.getDefaultModel();
		if (StringUtils.hasText(provider) != StringUtils.hasText(model)) {
			String missing = StringUtils.hasText(provider) ? "default-model" : "default-provider";
			throw invalid(missing, "must be set together with "
					+ (StringUtils.hasText(provider) ? "default-provider" : "default-model")
					+ ", or both left empty for no default", "default-provider: openai\n    default-model: gpt-4o-mini");
		}
		builder.defaultModel(StringUtils.hasText(provider) ? provider(null, "default-provider", provider) : null,
				StringUtils.hasText(model) ? model : null);
	}

	private static PlatformBudget budget(int index, SpecoraLocalAuthorityPlatformProperties.Budget budget) {
		String property = "budgets[" + index + "]";
		if (budget.getLimitMicros() == null || budget.getLimitMicros() < 0) {
			throw invalid(property + ".limit-micros",
					"must be an amount in micro-USD of zero or more, but is " + budget.getLimitMicros(),
					"limit-micros: 5000000   # 5 USD");
		}
		if (budget.getPeriod() == null || budget.getPeriod().toMillis() <= 0) {
			throw invalid(property + ".period", "must be at least one millisecond, but is " + budget.getPeriod(),
					"period: 1d");
		}
		String name = StringUtils.hasText(budget.getName()) ? budget.getName() : "platform-budget-" + index;
		return build(property, () -> new PlatformBudget(name, budget.getLimitMicros(), budget.getPeriod()));
	}

	private static PlatformPolicy policy(int index, SpecoraLocalAuthorityPlatformProperties.Policy policy) {
		String property = "policies[" + index + "]";
		if (policy.getDecision() == null) {
			throw invalid(property + ".decision", "is required", "decision: block");
		}
		if (policy.getSeverity() == null) {
			throw invalid(property + ".severity", "is required", "severity: high");
		}
		List<SpecoraLocalAuthorityPlatformProperties.Invariant> invariants = policy.getInvariants();
		for (int i = 0; i < invariants.size(); i++) {
			SpecoraLocalAuthorityPlatformProperties.Invariant invariant = invariants.get(i);
			if (!StringUtils.hasText(invariant.getId())) {
				throw invalid(property + ".invariants[" + i + "].id", "is required", "id: two-reviewers");
			}
			if (!StringUtils.hasText(invariant.getStatus())) {
				throw invalid(property + ".invariants[" + i + "].status", "is required", "status: failed");
			}
		}
		SpecoraLocalAuthorityPlatformProperties.OverrideEligibility override = policy.getOverride();
		if (override != null && (override.getExpiresMax() == null || override.getExpiresMax().isNegative())) {
			throw invalid(property + ".override.expires-max",
					"must be a duration of zero or more, but is " + override.getExpiresMax(), "expires-max: 1h");
		}
		String name = StringUtils.hasText(policy.getName()) ? policy.getName() : "platform-policy-" + index;
		return build(property, () -> new PlatformPolicy(name, policy.getSubjectType(), policy.getInputs(),
				PlatformPolicy.Decision.valueOf(policy.getDecision().name()),
				PlatformPolicy.Severity.valueOf(policy.getSeverity().name()),
				invariants.stream()
					.map((invariant) -> new PlatformPolicy.Invariant(invariant.getId(), invariant.getStatus(),
							invariant.getReason()))
					.toList(),
				(override != null) ? new PlatformPolicy.OverrideEligibility(override.isEligible(),
						override.isRequiredJustification(), override.getExpiresMax().toSeconds()) : null));
	}

	private static ModelPreference preference(int index, SpecoraLocalAuthorityPlatformProperties.Preference preference) {
		String property = "preferences[" + index + "]";
		String workflowType = StringUtils.hasText(preference.getWorkflowType()) ? preference.getWorkflowType() : null;
		if (workflowType != null && !WORKFLOW_TYPES.contains(workflowType)) {
			throw invalid(property + ".workflow-type", "must be one of " + WORKFLOW_TYPES.stream().sorted().toList()
					+ " or empty for a global preference, but is '" + workflowType + "'", "workflow-type: codegen");
		}
		if (preference.getSlot() < 1) {
			throw invalid(property + ".slot", "must be 1 or more, but is " + preference.getSlot(), "slot: 1");
		}
		String provider = provider(property, "provider", preference.getProvider());
		String model = model(property, preference.getModel());
		return build(property, () -> new ModelPreference(workflowType, preference.getSlot(), provider, model,
				preference.getCapabilities()));
	}

	private static ModelAssignment assignment(int index,
			SpecoraLocalAuthorityPlatformProperties.ModelAssignment assignment) {
		String property = "model-assignments[" + index + "]";
		if (!StringUtils.hasText(assignment.getAgentName())) {
			throw invalid(property + ".agent-name", "is required", "agent-name: support-agent");
		}
		String provider = provider(property, "provider", assignment.getProvider());
		String model = model(property, assignment.getModel());
		String purpose = StringUtils.hasText(assignment.getPurpose()) ? assignment.getPurpose() : null;
		return build(property, () -> new ModelAssignment(assignment.getAgentName(), purpose, provider, model));
	}

	private static String provider(String item, String field, String provider) {
		String property = (item != null) ? item + "." + field : field;
		String normalised = (provider != null) ? provider.trim().toLowerCase(Locale.ROOT) : null;
		if (normalised == null || !PROVIDERS.contains(normalised)) {
			throw invalid(property, "must be one of " + PROVIDERS + ", but is "
					+ ((provider != null) ? "'" + provider + "'" : "not set"), field + ": anthropic");
		}
		return normalised;
	}

	private static String model(String item, String model) {
		if (!StringUtils.hasText(model)) {
			throw invalid(item + ".model", "is required", "model: claude-sonnet-4");
		}
		return model;
	}

	private static <T> T build(String property, Supplier<T> record) {
		try {
			return record.get();
		}
		catch (IllegalArgumentException ex) {
			throw invalid(property, "is invalid: " + ex.getMessage(), null);
		}
	}

	private static SpecoraConfigurationException invalid(String property, String problem, String example) {
		String action = "Fix property '" + PREFIX + property + "'"
				+ ((example != null) ? ", for example:\n\n    " + example : ".");
		return new SpecoraConfigurationException(PREFIX + property, "Property '" + PREFIX + property + "' " + problem,
				action, null);
	}

}
