package ai.specora.client.platform;

/**
 * How the platform enforces a budget right now.
 * <p>
 * A value this client version does not know (the server is newer) decodes as
 * {@link #UNKNOWN} rather than failing the call.
 */
public enum EnforcementState implements WireEnums.WireEnum {

	/** Calls run normally. */
	NORMAL("normal"),

	/** Calls are slowed down. */
	THROTTLED("throttled"),

	/** Calls are refused. */
	BLOCKED("blocked"),

	/** A value this client version does not know; never sent. */
	UNKNOWN("unknown");

	private final String wireName;

	EnforcementState(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The JSON form of this value.
	 * @return the exact lowercase wire name, e.g. {@code normal}
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
	public static EnforcementState fromWireName(String value) {
		return WireEnums.strict(values(), value, "enforcementState");
	}

}
