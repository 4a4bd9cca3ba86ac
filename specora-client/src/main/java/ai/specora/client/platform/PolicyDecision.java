package ai.specora.client.platform;

/**
 * The verdict of a policy check.
 * <p>
 * A decision: a missing or unknown value makes the response malformed (retried, then
 * the fail mode decides); it is never guessed.
 */
public enum PolicyDecision implements WireEnums.WireEnum {

	/** The operation may go ahead. */
	ALLOW("allow"),

	/** The operation must not go ahead. */
	BLOCK("block"),

	/** The operation may go ahead, with a warning to show or log. */
	WARN("warn");

	private final String wireName;

	PolicyDecision(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The JSON form of this value.
	 * @return the exact lowercase wire name, e.g. {@code allow}
	 */
	@Override
	public String wireName() {
		return this.wireName;
	}

	/**
	 * Parses a wire name strictly: only the exact lowercase names of the known values.
	 * @param value the wire name
	 * @return the value
	 * @throws IllegalArgumentException when the value is missing or not a known wire name
	 */
	public static PolicyDecision fromWireName(String value) {
		return WireEnums.strict(values(), value, "policyDecision");
	}

}
