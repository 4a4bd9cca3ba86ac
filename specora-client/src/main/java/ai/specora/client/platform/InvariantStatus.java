package ai.specora.client.platform;

/**
 * The outcome of one governance invariant in a policy check.
 * <p>
 * A value this client version does not know (the server is newer) decodes as
 * {@link #UNKNOWN} rather than failing the call.
 */
public enum InvariantStatus implements WireEnums.WireEnum {

	/** The invariant holds. */
	PASS("pass"),

	/** The invariant is violated. */
	FAIL("fail"),

	/** The invariant holds with a warning. */
	WARN("warn"),

	/** A value this client version does not know; never sent. */
	UNKNOWN("unknown");

	private final String wireName;

	InvariantStatus(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The JSON form of this value.
	 * @return the exact lowercase wire name, e.g. {@code pass}
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
	public static InvariantStatus fromWireName(String value) {
		return WireEnums.strict(values(), value, "invariantStatus");
	}

}
