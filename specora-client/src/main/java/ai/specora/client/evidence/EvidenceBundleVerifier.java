package ai.specora.client.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies an evidence bundle offline, as Specora's public verifier does: a ZIP with
 * {@code manifest.json} at its root listing every artifact with its {@code name},
 * {@code sha256} and {@code size_bytes}, and a {@code signing} block whose
 * {@code signature_b64} is an Ed25519 signature over the canonical hash of the manifest
 * without that block. No network: the caller pins the public key it trusts and/or gives
 * a revocation list.
 * <pre>
 * EvidenceBundleVerifier verifier = EvidenceBundleVerifier.builder()
 *         .publicKey(EvidencePublicKey.fromPem(pem))   // the key you trust
 *         .revocationList(RevocationList.parse(json))  // optional
 *         .build();
 * BundleVerification result = verifier.verify(Path.of("bundle.zip"));
 * if (result.failed()) { ... result.report() ... }
 * </pre>
 * One {@link CheckResult} per {@link EvidenceCheck}:
 * <ul>
 * <li>{@code manifest}: FAIL when {@code manifest.json} is missing, not a JSON object, or
 * its {@code artifacts} are not well-formed;</li>
 * <li>{@code artifacts}: FAIL when a listed entry is missing, or its SHA-256 or size
 * differs; WARN naming the entries the manifest does not list;</li>
 * <li>{@code signature}: FAIL when the {@code signing} block is malformed, its
 * {@code manifest_sha256} is not the manifest's canonical hash, the signature does not
 * verify with the pinned key, or its {@code key_id} names another key; without a pinned
 * key the signature cannot be checked (WARN); an unsigned manifest fails when a key is
 * pinned or a revocation list given, and warns otherwise;</li>
 * <li>{@code key}: with a revocation list, PASS for an active key, WARN for a retired or
 * unknown one, FAIL for a revoked one; without a list, PASS when a key is pinned (trusted
 * as pinned, which the message says) and WARN otherwise.</li>
 * </ul>
 * A bundle that cannot be read at all (not a ZIP, over the limits that stop ZIP bombs)
 * raises {@link EvidenceBundleException}. Immutable and thread-safe.
 */
public final class EvidenceBundleVerifier {

	/** The default limit of entries in a bundle. */
	public static final int DEFAULT_MAX_ENTRIES = 10_000;

	/** The default limit of one entry's uncompressed size: 64 MiB. */
	public static final long DEFAULT_MAX_ENTRY_BYTES = 64L * 1024 * 1024;

	/** The default limit of all entries' uncompressed size together: 256 MiB. */
	public static final long DEFAULT_MAX_TOTAL_BYTES = 256L * 1024 * 1024;

	private final EvidencePublicKey publicKey;

	private final RevocationList revocationList;

	private final BundleArchive.Limits limits;

	private EvidenceBundleVerifier(Builder builder) {
		this.publicKey = builder.publicKey;
		this.revocationList = builder.revocationList;
		this.limits = new BundleArchive.Limits(builder.maxEntries, builder.maxEntryBytes, builder.maxTotalBytes);
	}

	/**
	 * A builder; with neither a key nor a revocation list the verifier checks the
	 * bundle's integrity only (and says so in warnings).
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Verifies a bundle held in memory.
	 * @param bundle the ZIP's bytes
	 * @return the result of each check
	 * @throws EvidenceBundleException when the bundle cannot be read as a ZIP within the
	 * limits
	 */
	public BundleVerification verify(byte[] bundle) {
		Objects.requireNonNull(bundle, "bundle must not be null");
		return verify(new ByteArrayInputStream(bundle));
	}

	/**
	 * Verifies a bundle file.
	 * @param bundle the ZIP file
	 * @return the result of each check
	 * @throws EvidenceBundleException when the file cannot be read, or not as a ZIP
	 * within the limits
	 */
	public BundleVerification verify(Path bundle) {
		Objects.requireNonNull(bundle, "bundle must not be null");
		try (InputStream in = Files.newInputStream(bundle)) {
			return verify(in);
		}
		catch (IOException ex) {
			throw new EvidenceBundleException("bundle " + bundle + " could not be read: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Verifies a bundle read from a stream, to its end; the stream is not closed.
	 * @param bundle the ZIP's bytes
	 * @return the result of each check
	 * @throws EvidenceBundleException when the bundle cannot be read as a ZIP within the
	 * limits
	 */
	public BundleVerification verify(InputStream bundle) {
		Objects.requireNonNull(bundle, "bundle must not be null");
		BundleArchive archive = BundleArchive.read(bundle, this.limits);
		List<CheckResult> checks = new ArrayList<>(4);
		Map<String, Object> fields;
		try {
			fields = ManifestCheck.read(archive);
		}
		catch (ManifestCheck.UnusableManifestException ex) {
			checks.add(CheckResult.fail(EvidenceCheck.MANIFEST, ex.getMessage(), List.of()));
			checks.add(CheckResult.fail(EvidenceCheck.ARTIFACTS, "not checked: no usable manifest", List.of()));
			checks.add(CheckResult.fail(EvidenceCheck.SIGNATURE, "not checked: no usable manifest", List.of()));
			checks.add(KeyCheck.check(null, this.publicKey, this.revocationList));
			return BundleVerification.of(checks, null, null, null);
		}
		String schemaVersion = (fields.get("schema_version") instanceof String text) ? text : null;
		checks.addAll(ManifestCheck.manifestAndArtifacts(archive, fields, schemaVersion));
		Map<String, Object> unsigned = new LinkedHashMap<>(fields);
		Object signing = unsigned.remove("signing");
		String manifestSha256 = SignatureCheck.hashOrNull(unsigned);
		String keyId = (signing instanceof Map<?, ?> block && block.get("key_id") instanceof String id) ? id : null;
		boolean trustRequired = this.publicKey != null || this.revocationList != null;
		checks.add(SignatureCheck.check(signing, manifestSha256, this.publicKey, trustRequired));
		checks.add(KeyCheck.check(keyId, this.publicKey, this.revocationList));
		return BundleVerification.of(checks, manifestSha256, keyId, schemaVersion);
	}

	@Override
	public String toString() {
		return "EvidenceBundleVerifier[key=" + ((this.publicKey != null) ? this.publicKey.keyId() : "none")
				+ ", revocationList=" + ((this.revocationList != null) ? this.revocationList.authority() : "none")
				+ "]";
	}

	/**
	 * Configures an {@link EvidenceBundleVerifier}.
	 */
	public static final class Builder {

		private EvidencePublicKey publicKey;

		private RevocationList revocationList;

		private int maxEntries = DEFAULT_MAX_ENTRIES;

		private long maxEntryBytes = DEFAULT_MAX_ENTRY_BYTES;

		private long maxTotalBytes = DEFAULT_MAX_TOTAL_BYTES;

		private Builder() {
		}

		/**
		 * Pins the public key the bundle must be signed with.
		 * @param publicKey the key
		 * @return this builder
		 */
		public Builder publicKey(EvidencePublicKey publicKey) {
			this.publicKey = Objects.requireNonNull(publicKey, "publicKey must not be null");
			return this;
		}

		/**
		 * Pins the public key, written as PEM or as the base64 of its raw 32 bytes.
		 * @param publicKey the key's text
		 * @return this builder
		 * @throws IllegalArgumentException when the text is not an Ed25519 key
		 */
		public Builder publicKey(String publicKey) {
			return publicKey(EvidencePublicKey.parse(publicKey));
		}

		/**
		 * Pins the public key, as its raw 32 bytes.
		 * @param publicKey the key's bytes
		 * @return this builder
		 * @throws IllegalArgumentException when the bytes are not an Ed25519 key
		 */
		public Builder publicKey(byte[] publicKey) {
			return publicKey(EvidencePublicKey.fromRaw(publicKey));
		}

		/**
		 * Checks the signing key's status against a revocation list.
		 * @param revocationList the list
		 * @return this builder
		 */
		public Builder revocationList(RevocationList revocationList) {
			this.revocationList = Objects.requireNonNull(revocationList, "revocationList must not be null");
			return this;
		}

		/**
		 * The most entries a bundle may hold ({@value EvidenceBundleVerifier#DEFAULT_MAX_ENTRIES} by default).
		 * @param maxEntries the limit, 1 or more
		 * @return this builder
		 */
		public Builder maxEntries(int maxEntries) {
			if (maxEntries < 1) {
				throw new IllegalArgumentException("maxEntries must be 1 or more");
			}
			this.maxEntries = maxEntries;
			return this;
		}

		/**
		 * The largest uncompressed size of one entry (64 MiB by default).
		 * @param maxEntryBytes the limit in bytes, 1 or more
		 * @return this builder
		 */
		public Builder maxEntryBytes(long maxEntryBytes) {
			if (maxEntryBytes < 1) {
				throw new IllegalArgumentException("maxEntryBytes must be 1 or more");
			}
			this.maxEntryBytes = maxEntryBytes;
			return this;
		}

		/**
		 * The largest uncompressed size of all entries together (256 MiB by default).
		 * @param maxTotalBytes the limit in bytes, 1 or more
		 * @return this builder
		 */
		public Builder maxTotalBytes(long maxTotalBytes) {
			if (maxTotalBytes < 1) {
				throw new IllegalArgumentException("maxTotalBytes must be 1 or more");
			}
			this.maxTotalBytes = maxTotalBytes;
			return this;
		}

		/**
		 * Builds the verifier.
		 * @return the verifier
		 */
		public EvidenceBundleVerifier build() {
			return new EvidenceBundleVerifier(this);
		}

	}

}
