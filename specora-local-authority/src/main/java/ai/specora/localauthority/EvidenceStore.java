package ai.specora.localauthority;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The evidence bundles: each is stored as the exact JSON bytes its
 * {@code bundle_hash} ({@code sha256:} and the lowercase hex SHA-256 of those bytes) was
 * computed over, so that a test can fetch them and recompute the hash. Bounded: the
 * oldest bundles are forgotten first. Not thread-safe: guarded by the
 * {@link PlatformEngine}'s lock.
 */
final class EvidenceStore {

	static final String HASH_PREFIX = "sha256:";

	private final JsonMapper mapper;

	private final int capacity;

	private final LinkedHashMap<String, byte[]> bundles = new LinkedHashMap<>();

	EvidenceStore(JsonMapper mapper, int capacity) {
		this.mapper = mapper;
		this.capacity = capacity;
	}

	/**
	 * Serialises and stores a bundle.
	 * @return its hash, {@code sha256:<hex>}
	 */
	String store(String bundleId, PlatformWire.BundleContent content) {
		byte[] bytes = this.mapper.writeValueAsBytes(content);
		if (this.bundles.size() >= this.capacity) {
			this.bundles.remove(this.bundles.keySet().iterator().next());
		}
		this.bundles.put(bundleId, bytes);
		return hash(bytes);
	}

	Optional<byte[]> content(String bundleId) {
		byte[] bytes = this.bundles.get(bundleId);
		return (bytes != null) ? Optional.of(bytes.clone()) : Optional.empty();
	}

	static String hash(byte[] bytes) {
		try {
			return HASH_PREFIX + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
