package ai.specora.client.evidence;

/**
 * The checks of a bundle verification, in the order they run.
 */
public enum EvidenceCheck {

	/** {@code manifest.json} is at the root of the ZIP, a JSON object, its artifacts well-formed. */
	MANIFEST("manifest"),

	/**
	 * Each listed artifact exists and matches its {@code sha256} and {@code size_bytes};
	 * entries the manifest does not list are named in a warning.
	 */
	ARTIFACTS("artifacts"),

	/**
	 * The {@code signing} block: {@code manifest_sha256} is the canonical hash of the
	 * manifest without the block, {@code signature_b64} is the pinned key's Ed25519
	 * signature over those 64 hex characters, and {@code key_id} names that key.
	 */
	SIGNATURE("signature"),

	/** The signing key's status in the revocation list, when one is given. */
	KEY("key");

	private final String checkName;

	EvidenceCheck(String checkName) {
		this.checkName = checkName;
	}

	/**
	 * The check's name.
	 * @return {@code manifest}, {@code artifacts}, {@code signature} or {@code key}
	 */
	public String checkName() {
		return this.checkName;
	}

}
