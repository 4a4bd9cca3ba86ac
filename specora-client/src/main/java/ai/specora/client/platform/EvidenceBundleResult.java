package ai.specora.client.platform;

import java.util.Objects;

/**
 * A generated evidence bundle ({@code generateEvidenceBundle}).
 *
 * @param bundleId the bundle's id
 * @param bundleHash the bundle's content hash, {@code sha256:<64 hex>}
 * @param storagePath where the bundle is stored
 */
public record EvidenceBundleResult(String bundleId, String bundleHash, String storagePath) {

	/**
	 * Checks the mandatory components.
	 * @param bundleId the id
	 * @param bundleHash the hash
	 * @param storagePath the storage path
	 */
	public EvidenceBundleResult {
		Objects.requireNonNull(bundleId, "bundleId must not be null");
		Objects.requireNonNull(bundleHash, "bundleHash must not be null");
		Objects.requireNonNull(storagePath, "storagePath must not be null");
	}

}
