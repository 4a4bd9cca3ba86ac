package ai.specora.localauthority;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ai.specora.client.evidence.CanonicalJson;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evidence bundles, in Specora's public wire format: a ZIP with {@code manifest.json}
 * (canonical JSON) at its root listing every artifact with its {@code name},
 * {@code sha256} and {@code size_bytes}, and a {@code signing} block: the canonical hash
 * of the manifest without the block, the Ed25519 signature of that hex string, and the
 * signing key's id. The bundle hash is {@code sha256:} and that manifest hash. Bounded:
 * the oldest bundles are forgotten first. Not thread-safe: guarded by the
 * {@link PlatformEngine}'s lock.
 */
final class EvidenceStore {

	static final String HASH_PREFIX = "sha256:";

	static final String SCHEMA_VERSION = "1.1.0";

	static final String MANIFEST = "manifest.json";

	static final String TRACE = "trace.jsonl";

	static final String CONFIDENCE_REPORT = "confidence_report.json";

	static final String PROVENANCE = "provenance.json";

	private final JsonMapper mapper;

	private final EvidenceSigner signer;

	private final int capacity;

	private final LinkedHashMap<String, byte[]> bundles = new LinkedHashMap<>();

	EvidenceStore(JsonMapper mapper, EvidenceSigner signer, int capacity) {
		this.mapper = mapper;
		this.signer = signer;
		this.capacity = capacity;
	}

	/**
	 * Builds, signs and stores a bundle.
	 * @return its hash, {@code sha256:<manifest hash>}
	 */
	String store(PlatformWire.BundleContent content, Instant createdAt) {
		Map<String, byte[]> artifacts = new LinkedHashMap<>();
		artifacts.put(TRACE, trace(content));
		artifacts.put(CONFIDENCE_REPORT, this.mapper.writeValueAsBytes(content.confidenceReport()));
		if (content.provenance() != null) {
			artifacts.put(PROVENANCE, this.mapper.writeValueAsBytes(content.provenance()));
		}
		Map<String, Object> manifest = manifest(content, artifacts);
		String manifestSha256 = CanonicalJson.sha256Hex(manifest);
		Map<String, Object> signing = new LinkedHashMap<>();
		signing.put("manifest_sha256", manifestSha256);
		signing.put("signature_b64", this.signer.sign(manifestSha256));
		signing.put("key_id", this.signer.publicKey().keyId());
		signing.put("algorithm", "ed25519");
		manifest.put("signing", signing);
		byte[] zip = zip(CanonicalJson.toBytes(manifest), artifacts, createdAt);
		if (this.bundles.size() >= this.capacity) {
			this.bundles.remove(this.bundles.keySet().iterator().next());
		}
		this.bundles.put(content.bundleId(), zip);
		return HASH_PREFIX + manifestSha256;
	}

	Optional<byte[]> content(String bundleId) {
		byte[] bytes = this.bundles.get(bundleId);
		return (bytes != null) ? Optional.of(bytes.clone()) : Optional.empty();
	}

	/** The run's trace: one JSON object per line, journal entries then platform calls. */
	private byte[] trace(PlatformWire.BundleContent content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Object line : content.trace()) {
			out.writeBytes(this.mapper.writeValueAsBytes(line));
			out.write('\n');
		}
		return out.toByteArray();
	}

	private static Map<String, Object> manifest(PlatformWire.BundleContent content, Map<String, byte[]> artifacts) {
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("schema_version", SCHEMA_VERSION);
		manifest.put("bundle_id", content.bundleId());
		manifest.put("run_id", content.runId());
		putIfSet(manifest, "org_id", content.orgId());
		putIfSet(manifest, "vendor_id", content.vendorId());
		putIfSet(manifest, "tenant_id", content.tenantId());
		manifest.put("created_at", content.createdAt());
		manifest.put("generator", "specora-local-authority");
		manifest.put("artifact_types", content.artifactTypes());
		List<Object> listed = new ArrayList<>();
		artifacts.forEach((name, bytes) -> {
			Map<String, Object> artifact = new LinkedHashMap<>();
			artifact.put("name", name);
			artifact.put("sha256", CanonicalJson.sha256Hex(bytes));
			artifact.put("size_bytes", bytes.length);
			listed.add(artifact);
		});
		manifest.put("artifacts", listed);
		return manifest;
	}

	private static void putIfSet(Map<String, Object> map, String key, String value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	private static byte[] zip(byte[] manifest, Map<String, byte[]> artifacts, Instant createdAt) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			entry(zip, MANIFEST, manifest, createdAt);
			for (Map.Entry<String, byte[]> artifact : artifacts.entrySet()) {
				entry(zip, artifact.getKey(), artifact.getValue(), createdAt);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void entry(ZipOutputStream zip, String name, byte[] bytes, Instant createdAt) throws IOException {
		ZipEntry entry = new ZipEntry(name);
		entry.setTime(createdAt.toEpochMilli());
		zip.putNextEntry(entry);
		zip.write(bytes);
		zip.closeEntry();
	}

}
