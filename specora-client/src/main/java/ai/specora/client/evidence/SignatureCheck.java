package ai.specora.client.evidence;

import java.util.List;
import java.util.Map;

/**
 * The {@code signature} check: the {@code signing} block's {@code manifest_sha256} is the
 * canonical hash of the manifest without that block, and its {@code signature_b64}
 * verifies with the pinned key.
 */
final class SignatureCheck {

	private SignatureCheck() {
	}

	/** The canonical hash, or {@code null} when the value holds a number it cannot express. */
	static String hashOrNull(Map<String, Object> value) {
		try {
			return CanonicalJson.sha256Hex(value);
		}
		catch (CanonicalJsonException ex) {
			return null;
		}
	}

	/**
	 * Checks the signing block.
	 * @param signing the manifest's {@code signing} block, or {@code null}
	 * @param computed the canonical hash of the manifest without it, or {@code null}
	 * @param publicKey the pinned key, or {@code null}
	 * @param trustRequired whether a key is pinned or a revocation list given
	 */
	static CheckResult check(Object signing, String computed, EvidencePublicKey publicKey, boolean trustRequired) {
		if (signing == null) {
			String message = "the manifest has no signing block: it is not signed";
			return trustRequired ? CheckResult.fail(EvidenceCheck.SIGNATURE, message, List.of())
					: CheckResult.warn(EvidenceCheck.SIGNATURE, message, List.of());
		}
		if (!(signing instanceof Map<?, ?> block) || !(block.get("manifest_sha256") instanceof String declared)
				|| !(block.get("signature_b64") instanceof String signature)) {
			return CheckResult.fail(EvidenceCheck.SIGNATURE,
					"the signing block is malformed: manifest_sha256 and signature_b64 must be strings", List.of());
		}
		if (computed == null) {
			return CheckResult.fail(EvidenceCheck.SIGNATURE,
					"the manifest holds a number canonical JSON cannot express: its hash cannot be computed",
					List.of());
		}
		if (!computed.equals(declared)) {
			return CheckResult.fail(EvidenceCheck.SIGNATURE, "HASH_MISMATCH: the manifest was changed",
					List.of("manifest_sha256 " + declared + ", the canonical manifest hashes to " + computed));
		}
		Object keyId = block.get("key_id");
		if (publicKey == null) {
			return CheckResult.warn(EvidenceCheck.SIGNATURE,
					"manifest_sha256 matches; no public key pinned, so the signature is not verified",
					(keyId != null) ? List.of("signed by key_id " + keyId) : List.of());
		}
		if (keyId != null && !publicKey.keyId().equals(keyId)) {
			return CheckResult.fail(EvidenceCheck.SIGNATURE,
					"the manifest names key_id " + keyId + ", not the pinned key " + publicKey.keyId(), List.of());
		}
		if (!publicKey.verifyHash(declared, signature)) {
			return CheckResult.fail(EvidenceCheck.SIGNATURE,
					"SIGNATURE_INVALID: signature_b64 is not " + publicKey.keyId() + "'s signature of the manifest",
					List.of());
		}
		return CheckResult.pass(EvidenceCheck.SIGNATURE,
				"manifest_sha256 matches and is signed by the pinned key " + publicKey.keyId());
	}

}
