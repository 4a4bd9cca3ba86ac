package ai.specora.client.platform;

import java.util.Objects;

/**
 * The acknowledgement of a recorded execution ({@code recordExecution}).
 *
 * @param executionId the id of the recorded execution
 * @param budgetRemainingMicros what is left of the budget, in micro-USD
 * @param usagePercent how much of the budget is used, 0 to 100
 * @param enforcementState how the budget is enforced now
 * ({@link EnforcementState#UNKNOWN} for a value this client does not know)
 */
public record ExecutionRecordResult(String executionId, long budgetRemainingMicros, double usagePercent,
		EnforcementState enforcementState) {

	/**
	 * Checks the mandatory components.
	 * @param executionId the execution id
	 * @param budgetRemainingMicros the remaining budget in micro-USD
	 * @param usagePercent the usage
	 * @param enforcementState the enforcement state
	 */
	public ExecutionRecordResult {
		Objects.requireNonNull(executionId, "executionId must not be null");
		Objects.requireNonNull(enforcementState, "enforcementState must not be null");
	}

}
