package ai.specora.client.platform;

/**
 * A workflow category, for the organisation's model preferences.
 * <p>
 * A value this client version does not know (the server is newer) decodes as
 * {@link #UNKNOWN} rather than failing the call.
 */
public enum WorkflowType implements WireEnums.WireEnum {

	/** Code generation. */
	CODEGEN("codegen"),

	/** Review. */
	REVIEW("review"),

	/** Quality assurance and testing. */
	QA("qa"),

	/** Specification writing. */
	SPEC("spec"),

	/** Debugging. */
	DEBUG("debug"),

	/** Planning. */
	PLAN("plan"),

	/** A value this client version does not know; never sent. */
	UNKNOWN("unknown");

	private final String wireName;

	WorkflowType(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The JSON form of this value.
	 * @return the exact lowercase wire name, e.g. {@code codegen}
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
	public static WorkflowType fromWireName(String value) {
		return WireEnums.strict(values(), value, "workflowType");
	}

}
