package ai.specora.runtime.observation;

/**
 * How a governed call ended, as the {@code outcome} key of the
 * {@code specora.enforcement} observation says.
 */
public enum EnforcementOutcome {

	/**
	 * The call was allowed and the governed code returned normally.
	 */
	SUCCESS("success"),

	/**
	 * The call was allowed and the governed code failed.
	 */
	FAILURE("failure"),

	/**
	 * The reactive result (or {@code CompletionStage}) was cancelled, before the decision
	 * or while the governed code ran.
	 */
	CANCELLED("cancelled"),

	/**
	 * The authority blocked the call (or refused the approval it waited for); the
	 * governed code did not run.
	 */
	BLOCKED("blocked"),

	/**
	 * The authority suspended the call pending approval and the governed code did not run.
	 */
	SUSPENDED("suspended"),

	/**
	 * No decision was reached (authority unreachable under a closed fail mode, request
	 * refused, or an expression failed); the governed code did not run.
	 */
	ERROR("error");

	private final String value;

	EnforcementOutcome(String value) {
		this.value = value;
	}

	/**
	 * The value of the {@code outcome} key.
	 * @return the value
	 */
	public String value() {
		return this.value;
	}

}
