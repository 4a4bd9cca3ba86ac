package ai.specora.client.platform;

/**
 * The anomaly status of a risk score.
 * <p>
 * A value this client version does not know (the server is newer) decodes as
 * {@link #UNKNOWN} rather than failing the call.
 */
public enum AnomalyStatus implements WireEnums.WireEnum {

	/** Nothing unusual. */
	NORMAL("normal"),

	/** Unusual activity. */
	ELEVATED("elevated"),

	/** Critical anomaly. */
	CRITICAL("critical"),

	/** A value this client version does not know; never sent. */
	UNKNOWN("unknown");

	private final String wireName;

	AnomalyStatus(String wireName) {
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
	public static AnomalyStatus fromWireName(String value) {
		return WireEnums.strict(values(), value, "anomalyStatus");
	}

}
