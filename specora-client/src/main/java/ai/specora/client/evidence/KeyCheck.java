package ai.specora.client.evidence;

import java.util.List;

/**
 * The {@code key} check: the signing key's status in the revocation list, or whether a
 * key is pinned when there is no list.
 */
final class KeyCheck {

	private KeyCheck() {
	}

	/**
	 * Checks the signing key.
	 * @param manifestKeyId the {@code key_id} the manifest names, or {@code null}
	 * @param publicKey the pinned key, or {@code null}
	 * @param revocationList the revocation list, or {@code null}
	 */
	static CheckResult check(String manifestKeyId, EvidencePublicKey publicKey, RevocationList revocationList) {
		if (revocationList == null) {
			if (publicKey != null) {
				return CheckResult.pass(EvidenceCheck.KEY,
						"no revocation list given: the pinned key " + publicKey.keyId() + " is trusted as pinned");
			}
			return CheckResult.warn(EvidenceCheck.KEY,
					"no public key pinned and no revocation list given: the signer is not established", List.of());
		}
		String keyId = (publicKey != null) ? publicKey.keyId() : manifestKeyId;
		if (keyId == null) {
			return CheckResult.warn(EvidenceCheck.KEY,
					"no key to look up: no key pinned and the manifest names no key_id", List.of());
		}
		RevocationList.Entry entry = ((publicKey != null) ? revocationList.lookup(publicKey)
				: revocationList.lookup(keyId)).orElse(null);
		String from = " in the revocation list of " + revocationList.authority() + " ("
				+ revocationList.generatedAt() + ")";
		if (entry == null) {
			return CheckResult.warn(EvidenceCheck.KEY, "key " + keyId + " is unknown" + from + ": trust unknown",
					List.of());
		}
		String why = reason(entry);
		return switch (entry.status()) {
			case ACTIVE -> CheckResult.pass(EvidenceCheck.KEY, "key " + keyId + " is active" + from);
			case RETIRED -> CheckResult.warn(EvidenceCheck.KEY, "key " + keyId + " is retired" + from + why, List.of());
			case REVOKED -> CheckResult.fail(EvidenceCheck.KEY, "key " + keyId + " is revoked" + from + why, List.of());
		};
	}

	private static String reason(RevocationList.Entry entry) {
		if (entry.statusReason() == null && entry.effectiveAt() == null) {
			return "";
		}
		return ": " + ((entry.statusReason() != null) ? entry.statusReason() : "no reason given")
				+ ((entry.effectiveAt() != null) ? ", since " + entry.effectiveAt() : "");
	}

}
