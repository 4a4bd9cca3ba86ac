package ai.specora.runtime;

import java.util.Objects;

import ai.specora.client.FailMode;

/**
 * How the calls of one governed thing (an {@code @Enforced} method, a tool) are
 * governed, resolved once when it is first seen and shared by all its calls. Every
 * value is effective: what an adapter inherits from the application's settings is
 * resolved before the policy is built.
 *
 * @param actionType the action type shown to listeners and in observations (for a tool
 * whose name may not be a meter tag, a fixed value)
 * @param description what is governed, for log lines and error messages, e.g.
 * {@code OrderService.refund(..)} or {@code tool 'lookup_order'}
 * @param failMode what a call becomes when no decision can be had
 * @param onSuspend what a suspended call does
 * @param mode whether decisions are applied or only recorded
 */
public record GovernancePolicy(String actionType, String description, FailMode failMode, SuspendPolicy onSuspend,
		GovernanceMode mode) {

	/**
	 * Checks the components.
	 * @param actionType the observed action type, not empty
	 * @param description what is governed, not empty
	 * @param failMode the fail mode
	 * @param onSuspend the suspend policy
	 * @param mode the mode
	 */
	public GovernancePolicy {
		if (actionType == null || actionType.isBlank()) {
			throw new IllegalArgumentException("actionType must not be empty");
		}
		if (description == null || description.isBlank()) {
			throw new IllegalArgumentException("description must not be empty");
		}
		Objects.requireNonNull(failMode, "failMode must not be null");
		Objects.requireNonNull(onSuspend, "onSuspend must not be null");
		Objects.requireNonNull(mode, "mode must not be null");
	}

	/**
	 * A builder: fail mode {@link FailMode#CLOSED}, {@link SuspendPolicy#raise()},
	 * {@link GovernanceMode#ENFORCE}, and the action type as the description, unless set.
	 * @param actionType the action type
	 * @return the builder
	 */
	public static Builder builder(String actionType) {
		return new Builder(actionType);
	}

	/**
	 * Builds a {@link GovernancePolicy}.
	 */
	public static final class Builder {

		private final String actionType;

		private String description;

		private FailMode failMode = FailMode.CLOSED;

		private SuspendPolicy onSuspend = SuspendPolicy.raise();

		private GovernanceMode mode = GovernanceMode.ENFORCE;

		private Builder(String actionType) {
			this.actionType = actionType;
		}

		/**
		 * What is governed, for log lines and error messages.
		 * @param description the description
		 * @return this builder
		 */
		public Builder description(String description) {
			this.description = description;
			return this;
		}

		/**
		 * What a call becomes when no decision can be had (default {@code CLOSED}).
		 * @param failMode the fail mode
		 * @return this builder
		 */
		public Builder failMode(FailMode failMode) {
			this.failMode = failMode;
			return this;
		}

		/**
		 * What a suspended call does (default: raise at once).
		 * @param onSuspend the suspend policy
		 * @return this builder
		 */
		public Builder onSuspend(SuspendPolicy onSuspend) {
			this.onSuspend = onSuspend;
			return this;
		}

		/**
		 * Whether decisions are applied or only recorded (default {@code ENFORCE}).
		 * @param mode the mode
		 * @return this builder
		 */
		public Builder mode(GovernanceMode mode) {
			this.mode = mode;
			return this;
		}

		/**
		 * Builds the policy.
		 * @return the policy
		 * @throws IllegalArgumentException when a setting is missing or invalid
		 */
		public GovernancePolicy build() {
			return new GovernancePolicy(this.actionType,
					(this.description != null) ? this.description : "action '" + this.actionType + "'", this.failMode,
					this.onSuspend, this.mode);
		}

	}

}
