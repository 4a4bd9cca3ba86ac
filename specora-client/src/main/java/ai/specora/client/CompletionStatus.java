package ai.specora.client;

/**
 * How a governed action ended.
 */
public enum CompletionStatus {

	/** The action ran and succeeded. */
	SUCCESS,

	/** The action ran and failed. */
	FAILURE,

	/** The action was cancelled before it finished. */
	CANCELLED;

	/**
	 * The JSON form of this status.
	 * @return the lowercase wire name, e.g. {@code success}
	 */
	public String wireName() {
		return WireValue.of(this);
	}

}
