package ai.specora.client.platform;

/**
 * Hints that steer how the platform routes an LLM call (sent as {@code routing_hints}).
 * Every hint is optional. When {@code agentName} is not set, the client fills it from
 * its {@code workflowId} setting ({@code specora.workflow-id}), else from the
 * {@code SPECORA_WORKFLOW_ID} environment variable; with neither it is omitted.
 *
 * @param agentName the workflow identity, e.g. {@code pr-review-pipeline}, or
 * {@code null}
 * @param purpose the purpose of this call, e.g. {@code summarize}, for purpose-scoped
 * model assignments, or {@code null}
 * @param workflowType the workflow category, for the organisation's preferences, or
 * {@code null}
 * @param preferredRegion the preferred data processing region, or {@code null}
 * @param requiredCapability a capability the model must have, or {@code null}
 * @param fallbackAllowed whether fallback providers are acceptable, or {@code null}
 * to leave it to the platform
 */
public record RoutingHints(String agentName, String purpose, WorkflowType workflowType, String preferredRegion,
		String requiredCapability, Boolean fallbackAllowed) {

	/**
	 * Checks the hints.
	 * @param agentName the workflow identity, or {@code null}
	 * @param purpose the purpose, or {@code null}
	 * @param workflowType the workflow category, or {@code null}
	 * @param preferredRegion the region, or {@code null}
	 * @param requiredCapability the capability, or {@code null}
	 * @param fallbackAllowed whether fallback providers are acceptable, or {@code null}
	 */
	public RoutingHints {
		if (agentName != null) {
			Requests.requireText(agentName, "agentName");
		}
		Requests.knownOrNull(workflowType, "workflowType");
	}

	/**
	 * Starts building routing hints.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * These hints with another agent name.
	 * @param agentName the workflow identity
	 * @return new hints
	 */
	public RoutingHints withAgentName(String agentName) {
		return new RoutingHints(agentName, this.purpose, this.workflowType, this.preferredRegion,
				this.requiredCapability, this.fallbackAllowed);
	}

	/**
	 * Builds {@link RoutingHints}.
	 */
	public static final class Builder {

		private String agentName;

		private String purpose;

		private WorkflowType workflowType;

		private String preferredRegion;

		private String requiredCapability;

		private Boolean fallbackAllowed;

		private Builder() {
		}

		/**
		 * The workflow identity (Node: {@code agentName}).
		 * @param agentName e.g. {@code pr-review-pipeline}
		 * @return this builder
		 */
		public Builder agentName(String agentName) {
			this.agentName = agentName;
			return this;
		}

		/**
		 * The purpose of this call.
		 * @param purpose e.g. {@code summarize}
		 * @return this builder
		 */
		public Builder purpose(String purpose) {
			this.purpose = purpose;
			return this;
		}

		/**
		 * The workflow category.
		 * @param workflowType the category
		 * @return this builder
		 */
		public Builder workflowType(WorkflowType workflowType) {
			this.workflowType = workflowType;
			return this;
		}

		/**
		 * The preferred data processing region.
		 * @param preferredRegion the region
		 * @return this builder
		 */
		public Builder preferredRegion(String preferredRegion) {
			this.preferredRegion = preferredRegion;
			return this;
		}

		/**
		 * A capability the model must have.
		 * @param requiredCapability the capability
		 * @return this builder
		 */
		public Builder requiredCapability(String requiredCapability) {
			this.requiredCapability = requiredCapability;
			return this;
		}

		/**
		 * Whether fallback providers are acceptable.
		 * @param fallbackAllowed whether fallback is allowed
		 * @return this builder
		 */
		public Builder fallbackAllowed(boolean fallbackAllowed) {
			this.fallbackAllowed = fallbackAllowed;
			return this;
		}

		/**
		 * Builds the hints.
		 * @return the hints
		 */
		public RoutingHints build() {
			return new RoutingHints(this.agentName, this.purpose, this.workflowType, this.preferredRegion,
					this.requiredCapability, this.fallbackAllowed);
		}

	}

}
