package ai.specora.client.evidence;

/**
 * The status of a signing key in a {@link RevocationList}.
 */
public enum KeyStatus {

	/** Trusted for signing: the key check passes. */
	ACTIVE("active"),

	/**
	 * No longer used for new signatures; signatures it made stay valid: the key check
	 * warns.
	 */
	RETIRED("retired"),

	/** Compromised or invalidated: signatures are not trusted, the key check fails. */
	REVOKED("revoked");

	private final String wireName;

	KeyStatus(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * The status as the list writes it.
	 * @return {@code active}, {@code retired} or {@code revoked}
	 */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * The status of a wire name: exactly the lowercase strings.
	 * @param wireName the name in the list
	 * @return the status
	 * @throws IllegalArgumentException for any other string
	 */
	public static KeyStatus fromWireName(String wireName) {
		for (KeyStatus status : values()) {
			if (status.wireName.equals(wireName)) {
				return status;
			}
		}
		throw new IllegalArgumentException("unknown key status '" + wireName + "' (active, retired or revoked)");
	}

}
