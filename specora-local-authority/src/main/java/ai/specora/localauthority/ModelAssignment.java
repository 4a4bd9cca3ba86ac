package ai.specora.localauthority;

/**
 * A workflow model assignment, as an org admin makes it in the dashboard: calls of the
 * workflow {@code agentName} (the {@code routing_hints.agent_name} of a
 * pre-authorisation or proxied call) use {@code provider}/{@code model} whatever they
 * ask for. An assignment with a {@code purpose} applies to calls with that
 * {@code routing_hints.purpose} only and wins over the workflow's default assignment
 * (the one without a purpose).
 *
 * @param agentName the workflow identity
 * @param purpose the purpose, or {@code null} for the workflow's default assignment
 * @param provider the provider to use, one of the protocol's providers
 * @param model the model to use
 */
public record ModelAssignment(String agentName, String purpose, String provider, String model) {

	/**
	 * Validates the assignment.
	 * @param agentName the workflow identity
	 * @param purpose the purpose, or {@code null}
	 * @param provider the provider
	 * @param model the model
	 */
	public ModelAssignment {
		PlatformVocabulary.requireText(agentName, "model assignment agent name");
		if (purpose != null && purpose.isBlank()) {
			throw new IllegalArgumentException("model assignment purpose of '" + agentName + "' must not be blank");
		}
		PlatformVocabulary.requireProvider(provider, "model assignment of '" + agentName + "':");
		PlatformVocabulary.requireText(model, "model assignment model of '" + agentName + "'");
	}

	/**
	 * The default assignment of a workflow.
	 * @param agentName the workflow identity
	 * @param provider the provider
	 * @param model the model
	 * @return the assignment
	 */
	public static ModelAssignment of(String agentName, String provider, String model) {
		return new ModelAssignment(agentName, null, provider, model);
	}

	/**
	 * A purpose-specific assignment of a workflow.
	 * @param agentName the workflow identity
	 * @param purpose the purpose
	 * @param provider the provider
	 * @param model the model
	 * @return the assignment
	 */
	public static ModelAssignment forPurpose(String agentName, String purpose, String provider, String model) {
		return new ModelAssignment(agentName, purpose, provider, model);
	}

}
