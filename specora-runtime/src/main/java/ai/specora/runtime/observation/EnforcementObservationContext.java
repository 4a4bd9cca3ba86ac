package ai.specora.runtime.observation;

import ai.specora.client.EnforcementResult;
import io.micrometer.observation.Observation;

/**
 * The context of the {@code specora.enforcement} observation of one governed call:
 * what is known of the call at each step, for
 * {@link EnforcementObservationConvention}s to turn into key values.
 */
public final class EnforcementObservationContext extends Observation.Context {

	private final String actionType;

	private final String failMode;

	private final String mode;

	private volatile String requestId;

	private volatile EnforcementResult result;

	private volatile EnforcementOutcome outcome;

	/**
	 * Creates a context.
	 * @param actionType the action type of the governed call
	 * @param failMode the effective fail mode of the call, {@code open} or
	 * {@code closed}
	 * @param mode the governance mode of the call, {@code enforce} or {@code shadow}
	 */
	public EnforcementObservationContext(String actionType, String failMode, String mode) {
		this.actionType = actionType;
		this.failMode = failMode;
		this.mode = mode;
	}

	/**
	 * The action type of the governed call.
	 * @return the action type
	 */
	public String getActionType() {
		return this.actionType;
	}

	/**
	 * The effective fail mode of the governed call.
	 * @return {@code open} or {@code closed}
	 */
	public String getFailMode() {
		return this.failMode;
	}

	/**
	 * The governance mode of the call.
	 * @return {@code enforce} or {@code shadow}
	 */
	public String getMode() {
		return this.mode;
	}

	/**
	 * The request id of the enforcement.
	 * @return the request id, or {@code null} before the request was built
	 */
	public String getRequestId() {
		return this.requestId;
	}

	/**
	 * Sets the request id of the enforcement.
	 * @param requestId the request id
	 */
	public void setRequestId(String requestId) {
		this.requestId = requestId;
	}

	/**
	 * The latest decision.
	 * @return the decision, or {@code null} when none was reached
	 */
	public EnforcementResult getResult() {
		return this.result;
	}

	/**
	 * Sets the latest decision.
	 * @param result the decision
	 */
	public void setResult(EnforcementResult result) {
		this.result = result;
	}

	/**
	 * How the call ended.
	 * @return the outcome, or {@code null} while the call runs
	 */
	public EnforcementOutcome getOutcome() {
		return this.outcome;
	}

	/**
	 * Sets how the call ended.
	 * @param outcome the outcome
	 */
	public void setOutcome(EnforcementOutcome outcome) {
		this.outcome = outcome;
	}

}
