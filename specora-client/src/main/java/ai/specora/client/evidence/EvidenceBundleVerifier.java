package ai.specora.client.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

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

	private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

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
		Object manifest;
		try {
			manifest = readManifest(archive);
		}
		catch (UnusableManifestException ex) {
			checks.add(CheckResult.fail(EvidenceCheck.MANIFEST, ex.getMessage(), List.of()));
			checks.add(CheckResult.fail(EvidenceCheck.ARTIFACTS, "not checked: no usable manifest", List.of()));
			checks.add(CheckResult.fail(EvidenceCheck.SIGNATURE, "not checked: no usable manifest", List.of()));
			checks.add(keyCheck(null));
			return BundleVerification.of(checks, null, null, null);
		}
		Map<String, Object> fields = castMap(manifest);
		String schemaVersion = (fields.get("schema_version") instanceof String text) ? text : null;
		checks.addAll(manifestAndArtifactsChecks(archive, fields, schemaVersion));
		Map<String, Object> unsigned = new LinkedHashMap<>(fields);
		Object signing = unsigned.remove("signing");
		String manifestSha256 = hashOrNull(unsigned);
		String keyId = (signing instanceof Map<?, ?> block && block.get("key_id") instanceof String id) ? id : null;
		checks.add(signatureCheck(signing, manifestSha256));
		checks.add(keyCheck(keyId));
		return BundleVerification.of(checks, manifestSha256, keyId, schemaVersion);
	}

	/** The parsed {@code manifest.json}, a JSON object. */
	private static Object readManifest(BundleArchive archive) throws UnusableManifestException {
		if (archive.manifest == null) {
			throw new UnusableManifestException("manifest.json is not at the root of the bundle");
		}
		if (archive.duplicates.contains(BundleArchive.MANIFEST)) {
			throw new UnusableManifestException("manifest.json appears more than once in the bundle");
		}
		Object parsed;
		try {
			parsed = CanonicalJson.parseAnyNumbers(archive.manifest);
		}
		catch (CanonicalJsonException ex) {
			throw new UnusableManifestException("manifest.json is not JSON: " + ex.getMessage());
		}
		if (!(parsed instanceof Map)) {
			throw new UnusableManifestException("manifest.json is not a JSON object");
		}
		return parsed;
	}

	private static List<CheckResult> manifestAndArtifactsChecks(BundleArchive archive, Map<String, Object> manifest,
			String schemaVersion) {
		List<Artifact> artifacts = new ArrayList<>();
		List<String> problems = artifacts(manifest, artifacts);
		if (!problems.isEmpty()) {
			return List.of(CheckResult.fail(EvidenceCheck.MANIFEST, "manifest.json's artifacts are malformed", problems),
					CheckResult.fail(EvidenceCheck.ARTIFACTS, "not checked: the manifest's artifacts are malformed",
							List.of()));
		}
		return List.of(
				CheckResult.pass(EvidenceCheck.MANIFEST, "manifest.json lists " + artifacts.size() + " artifact(s)"
						+ ((schemaVersion != null) ? ", schema_version " + schemaVersion : "")),
				artifactsCheck(archive, artifacts));
	}

	/** The canonical hash, or {@code null} when the value holds a number it cannot express. */
	private static String hashOrNull(Map<String, Object> value) {
		try {
			return CanonicalJson.sha256Hex(value);
		}
		catch (CanonicalJsonException ex) {
			return null;
		}
	}

	private static List<String> artifacts(Map<String, Object> manifest, List<Artifact> artifacts) {
		List<String> problems = new ArrayList<>();
		if (!(manifest.get("artifacts") instanceof List<?> listed)) {
			problems.add("artifacts is missing or not an array");
			return problems;
		}
		Set<String> names = new HashSet<>();
		for (int i = 0; i < listed.size(); i++) {
			if (!(listed.get(i) instanceof Map<?, ?> artifact)) {
				problems.add("artifacts[" + i + "] is not an object");
				continue;
			}
			Object name = artifact.get("name");
			Object sha256 = artifact.get("sha256");
			Object size = artifact.get("size_bytes");
			if (!(name instanceof String text) || text.isEmpty()) {
				problems.add("artifacts[" + i + "].name is missing or not a string");
				continue;
			}
			if (!(sha256 instanceof String hash) || !HEX64.matcher(hash).matches()) {
				problems.add("artifacts[" + i + "] (" + text + "): sha256 is not 64 lowercase hex characters");
				continue;
			}
			if (!(size instanceof BigInteger bytes) || bytes.signum() < 0 || bytes.bitLength() > 63) {
				problems.add("artifacts[" + i + "] (" + text + "): size_bytes is not a non-negative integer");
				continue;
			}
			if (!names.add(text)) {
				problems.add("artifacts[" + i + "] (" + text + ") is listed twice");
				continue;
			}
			artifacts.add(new Artifact(text, hash, bytes.longValue()));
		}
		return problems;
	}

	private static CheckResult artifactsCheck(BundleArchive archive, List<Artifact> artifacts) {
		List<String> failures = new ArrayList<>();
		Set<String> listed = new HashSet<>();
		for (Artifact artifact : artifacts) {
			listed.add(artifact.name());
			BundleArchive.Digest entry = archive.entries.get(artifact.name());
			if (entry == null) {
				failures.add(artifact.name() + ": missing from the bundle");
				continue;
			}
			if (archive.duplicates.contains(artifact.name())) {
				failures.add(artifact.name() + ": appears more than once in the bundle");
			}
			if (!entry.sha256().equals(artifact.sha256())) {
				failures.add(artifact.name() + ": sha256 " + entry.sha256() + ", the manifest says "
						+ artifact.sha256());
			}
			if (entry.size() != artifact.sizeBytes()) {
				failures.add(artifact.name() + ": " + entry.size() + " bytes, the manifest says "
						+ artifact.sizeBytes());
			}
		}
		if (!failures.isEmpty()) {
			return CheckResult.fail(EvidenceCheck.ARTIFACTS,
					failures.size() + " problem(s) with the " + artifacts.size() + " listed artifact(s)", failures);
		}
		List<String> unlisted = new ArrayList<>();
		for (String name : archive.entries.keySet()) {
			if (!BundleArchive.MANIFEST.equals(name) && !listed.contains(name)) {
				unlisted.add(name + ": not listed in the manifest");
			}
		}
		if (!unlisted.isEmpty()) {
			return CheckResult.warn(EvidenceCheck.ARTIFACTS, artifacts.size()
					+ " listed artifact(s) match; the bundle also holds " + unlisted.size() + " unlisted entr"
					+ ((unlisted.size() == 1) ? "y" : "ies"), unlisted);
		}
		return CheckResult.pass(EvidenceCheck.ARTIFACTS,
				artifacts.size() + " artifact(s) match their sha256 and size_bytes");
	}

	private CheckResult signatureCheck(Object signing, String computed) {
		boolean trustRequired = this.publicKey != null || this.revocationList != null;
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
		if (this.publicKey == null) {
			return CheckResult.warn(EvidenceCheck.SIGNATURE,
					"manifest_sha256 matches; no public key pinned, so the signature is not verified",
					(keyId != null) ? List.of("signed by key_id " + keyId) : List.of());
		}
		if (keyId != null && !this.publicKey.keyId().equals(keyId)) {
			return CheckResult.fail(EvidenceCheck.SIGNATURE,
					"the manifest names key_id " + keyId + ", not the pinned key " + this.publicKey.keyId(),
					List.of());
		}
		if (!this.publicKey.verifyHash(declared, signature)) {
			return CheckResult.fail(EvidenceCheck.SIGNATURE,
					"SIGNATURE_INVALID: signature_b64 is not " + this.publicKey.keyId() + "'s signature of the manifest",
					List.of());
		}
		return CheckResult.pass(EvidenceCheck.SIGNATURE,
				"manifest_sha256 matches and is signed by the pinned key " + this.publicKey.keyId());
	}

	private CheckResult keyCheck(String manifestKeyId) {
		if (this.revocationList == null) {
			if (this.publicKey != null) {
				return CheckResult.pass(EvidenceCheck.KEY, "no revocation list given: the pinned key "
						+ this.publicKey.keyId() + " is trusted as pinned");
			}
			return CheckResult.warn(EvidenceCheck.KEY,
					"no public key pinned and no revocation list given: the signer is not established", List.of());
		}
		String keyId = (this.publicKey != null) ? this.publicKey.keyId() : manifestKeyId;
		if (keyId == null) {
			return CheckResult.warn(EvidenceCheck.KEY,
					"no key to look up: no key pinned and the manifest names no key_id", List.of());
		}
		RevocationList.Entry entry = ((this.publicKey != null) ? this.revocationList.lookup(this.publicKey)
				: this.revocationList.lookup(keyId)).orElse(null);
		String from = " in the revocation list of " + this.revocationList.authority() + " ("
				+ this.revocationList.generatedAt() + ")";
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

	@SuppressWarnings("unchecked")
	private static Map<String, Object> castMap(Object value) {
		return (Map<String, Object>) value;
	}

	@Override
	public String toString() {
		return "EvidenceBundleVerifier[key=" + ((this.publicKey != null) ? this.publicKey.keyId() : "none")
				+ ", revocationList=" + ((this.revocationList != null) ? this.revocationList.authority() : "none")
				+ "]";
	}

	/** An artifact the manifest lists. */
	private record Artifact(String name, String sha256, long sizeBytes) {
	}

	/** Why there is no manifest to check: the manifest check fails with the message. */
	private static final class UnusableManifestException extends Exception {

		private static final long serialVersionUID = 1L;

		UnusableManifestException(String message) {
			super(message, null, false, false);
		}

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
