package ai.specora.runtime.observation;

/**
 * How a platform call ended, as the {@code outcome} key of the {@code specora.platform}
 * observation says.
 */
public enum PlatformOutcome {

	/** A call that is not a decision returned its answer. */
	SUCCESS("success"),

	/** {@code checkPolicy} answered allow. */
	ALLOW("allow"),

	/** {@code checkPolicy} answered warn. */
	WARN("warn"),

	/** {@code checkPolicy} answered block. */
	BLOCK("block"),

	/** {@code preAuthorize} authorized the call. */
	AUTHORIZED("authorized"),

	/** {@code preAuthorize} refused the call. */
	DENIED("denied"),

	/** A decision made up by the client under the open fail mode. */
	FAIL_OPEN("fail_open"),

	/** No decision could be had under the closed fail mode. */
	FAIL_CLOSED("fail_closed"),

	/** The budget is exhausted (HTTP 402). */
	BUDGET_EXCEEDED("budget_exceeded"),

	/** The platform or the client refused the request (4xx, Model A, strict mode). */
	REFUSED("refused"),

	/** The platform could not be reached or did not answer properly. */
	UNAVAILABLE("unavailable"),

	/** Any other failure. */
	ERROR("error"),

	/** The caller cancelled the call. */
	CANCELLED("cancelled");

	private final String value;

	PlatformOutcome(String value) {
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
