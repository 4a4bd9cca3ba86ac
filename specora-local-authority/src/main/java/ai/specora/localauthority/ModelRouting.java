package ai.specora.localauthority;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The scripted routing state: workflow model assignments and org model preferences,
 * with the resolution cascade of {@code preferences/resolve}. Immutable.
 */
final class ModelRouting {

	static final String SOURCE_WORKFLOW = "workflow";

	static final String SOURCE_GLOBAL = "global";

	static final String SOURCE_DEFAULT = "default";

	private final List<ModelAssignment> assignments;

	private final List<ModelPreference> preferences;

	private final String defaultProvider;

	private final String defaultModel;

	ModelRouting(LocalAuthoritySettings settings) {
		this.assignments = settings.modelAssignments();
		this.preferences = settings.preferences()
			.stream()
			.sorted(Comparator.comparingInt(ModelPreference::slot))
			.toList();
		this.defaultProvider = settings.defaultProvider();
		this.defaultModel = settings.defaultModel();
	}

	/**
	 * The assignment for a workflow and purpose: the purpose-specific one, else the
	 * workflow's default one.
	 * @return the assignment, or {@code null} for none (or no agent name)
	 */
	ModelAssignment assignmentFor(String agentName, String purpose) {
		if (agentName == null) {
			return null;
		}
		ModelAssignment fallback = null;
		for (ModelAssignment assignment : this.assignments) {
			if (!assignment.agentName().equals(agentName)) {
				continue;
			}
			if (purpose != null && purpose.equals(assignment.purpose())) {
				return assignment;
			}
			if (assignment.purpose() == null) {
				fallback = assignment;
			}
		}
		return fallback;
	}

	/**
	 * The preferences of one workflow type, or the global ones for {@code null}, by slot.
	 */
	List<ModelPreference> preferences(String workflowType) {
		return this.preferences.stream()
			.filter((preference) -> Objects.equals(preference.workflowType(), workflowType))
			.toList();
	}

	/**
	 * Resolves the preferred model: the first slot offering every capability among the
	 * workflow type's preferences, then among the global ones, then the default model.
	 * {@code fallback_used} is true when the answer does not come from the first level
	 * tried.
	 */
	PlatformWire.ResolvedPreference resolve(PlatformRequests.Resolve request) {
		if (request.workflowType() != null) {
			ModelPreference match = firstOffering(preferences(request.workflowType()), request.capabilities());
			if (match != null) {
				return resolved(match, SOURCE_WORKFLOW, false);
			}
		}
		ModelPreference global = firstOffering(preferences(null), request.capabilities());
		if (global != null) {
			return resolved(global, SOURCE_GLOBAL, request.workflowType() != null);
		}
		if (this.defaultProvider == null) {
			return new PlatformWire.ResolvedPreference(null, null, null, true);
		}
		return new PlatformWire.ResolvedPreference(this.defaultProvider, this.defaultModel, SOURCE_DEFAULT, true);
	}

	private static ModelPreference firstOffering(List<ModelPreference> candidates, List<String> capabilities) {
		for (ModelPreference candidate : candidates) {
			if (candidate.offers(capabilities)) {
				return candidate;
			}
		}
		return null;
	}

	private static PlatformWire.ResolvedPreference resolved(ModelPreference preference, String source,
			boolean fallbackUsed) {
		return new PlatformWire.ResolvedPreference(preference.provider(), preference.model(), source, fallbackUsed);
	}

}
