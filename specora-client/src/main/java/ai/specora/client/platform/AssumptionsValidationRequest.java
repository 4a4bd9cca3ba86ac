package ai.specora.client.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * The assumptions of a change, to validate ({@code validateAssumptions}).
 *
 * @param runId the run the change belongs to
 * @param assumptions the assumptions (may be empty)
 */
public record AssumptionsValidationRequest(String runId, List<Assumption> assumptions) {

	/**
	 * Checks the request and copies the list.
	 * @param runId the run id
	 * @param assumptions the assumptions, or {@code null}
	 */
	public AssumptionsValidationRequest {
		Requests.requireText(runId, "runId");
		assumptions = Requests.copy(assumptions, "assumptions");
	}

	/**
	 * Starts building the assumptions of a run.
	 * @param runId the run id
	 * @return a new builder
	 */
	public static Builder builder(String runId) {
		return new Builder(runId);
	}

	/**
	 * Builds an {@link AssumptionsValidationRequest}.
	 */
	public static final class Builder {

		private final String runId;

		private final List<Assumption> assumptions = new ArrayList<>();

		private Builder(String runId) {
			this.runId = runId;
		}

		/**
		 * Adds an assumption.
		 * @param id its id
		 * @param description what is assumed
		 * @param impactLevel how serious it is if wrong
		 * @return this builder
		 */
		public Builder assumption(String id, String description, Severity impactLevel) {
			this.assumptions.add(new Assumption(id, description, impactLevel));
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 */
		public AssumptionsValidationRequest build() {
			return new AssumptionsValidationRequest(this.runId, this.assumptions);
		}

	}

}
