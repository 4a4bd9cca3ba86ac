package ai.specora.client.platform;

import java.util.List;

/**
 * A request to resolve the preferred model ({@code resolvePreference}): workflow
 * preferences are tried first, then the global ones, then the governance defaults.
 *
 * @param capabilities the capabilities the model must have, e.g.
 * {@code code_generation} (may be empty)
 * @param workflowType the workflow type, or {@code null} for the global preferences
 */
public record PreferenceResolveRequest(List<String> capabilities, WorkflowType workflowType) {

	/**
	 * Checks the request and copies the list.
	 * @param capabilities the capabilities, or {@code null}
	 * @param workflowType the workflow type, or {@code null}
	 */
	public PreferenceResolveRequest {
		capabilities = Requests.copy(capabilities, "capabilities");
		Requests.knownOrNull(workflowType, "workflowType");
	}

	/**
	 * A request for a workflow type.
	 * @param workflowType the workflow type, or {@code null}
	 * @param capabilities the capabilities the model must have
	 * @return the request
	 */
	public static PreferenceResolveRequest of(WorkflowType workflowType, String... capabilities) {
		return new PreferenceResolveRequest(List.of(capabilities), workflowType);
	}

}
