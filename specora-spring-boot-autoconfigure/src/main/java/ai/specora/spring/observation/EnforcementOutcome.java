package ai.specora.spring.observation;

/**
 * How a governed call ended, as the {@code outcome} key of the
 * {@code specora.enforcement} observation says.
 */
public enum EnforcementOutcome {

	/**
	 * The call was allowed and the method returned normally.
	 */
	SUCCESS("success"),

	/**
	 * The call was allowed and the method failed.
	 */
	FAILURE("failure"),

	/**
	 * The reactive result (or {@code CompletionStage}) was cancelled, before the decision
	 * or while the method ran.
	 */
	CANCELLED("cancelled"),

	/**
	 * The authority blocked the call (or refused the approval it waited for); the
	 * method did not run.
	 */
	BLOCKED("blocked"),

	/**
	 * The authority suspended the call pending approval and the method did not run.
	 */
	SUSPENDED("suspended"),

	/**
	 * No decision was reached (authority unreachable under a closed fail mode, request
	 * refused, or an expression failed); the method did not run.
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
