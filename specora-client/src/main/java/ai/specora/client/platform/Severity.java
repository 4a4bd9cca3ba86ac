package ai.specora.client.platform;

/**
 * How serious a policy result or an assumption is.
 * <p>
 * A value this client version does not know (the server is newer) decodes as
 * {@link #UNKNOWN} rather than failing the call.
 */
public enum Severity implements WireEnums.WireEnum {

	/** Low. */
	LOW("low"),

	/** Medium. */
	MEDIUM("medium"),

	/** High. */
	HIGH("high"),

	/** Critical. */
	CRITICAL("critical"),

	/** A value this client version does not know; never sent. */
	UNKNOWN("unknown");

	private final String wireName;

	Severity(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The JSON form of this value.
	 * @return the exact lowercase wire name, e.g. {@code low}
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
	public static Severity fromWireName(String value) {
		return WireEnums.strict(values(), value, "severity");
	}

}
