package ai.specora.client;

/**
 * Where a decision came from.
 */
public enum DecisionSource {

	/** Decided by the Runtime Authority for an enforcement. */
	AUTHORITY,

	/** A dry run: nothing was reserved or journaled. */
	SIMULATION,

	/** Made up by the client under {@link FailMode#OPEN} because no decision could be had. */
	FAIL_OPEN,

	/** A source this client version does not know (the authority is newer). */
	OTHER;

	/** The constants, copied once (never written). */
	private static final DecisionSource[] WIRE_VALUES = values();

	/**
	 * The JSON form of this source.
	 * @return the lowercase wire name, e.g. {@code fail_open}
	 */
	public String wireName() {
		return WireValue.of(this);
	}

	static DecisionSource fromWire(String value) {
		if (value == null) {
			return AUTHORITY;
		}
		for (DecisionSource source : WIRE_VALUES) {
			if (source != OTHER && WireValue.isWireName(source.name(), value)) {
				return source;
			}
		}
		return OTHER;
	}

}
