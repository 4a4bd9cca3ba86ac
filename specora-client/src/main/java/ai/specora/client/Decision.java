package ai.specora.client;

/**
 * The authority's verdict on an action.
 */
public enum Decision {

	/** The action may run. */
	ALLOW,

	/** The action must not run. */
	BLOCK,

	/** The action needs an approval first. */
	SUSPEND;

	/**
	 * The JSON form of this decision.
	 * @return the lowercase wire name, e.g. {@code allow}
	 */
	public String wireName() {
		return WireValue.of(this);
	}

}
