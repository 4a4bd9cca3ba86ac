package ai.specora.client.evidence;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code manifest} check: reads {@code manifest.json} from the bundle and parses
 * its {@code artifacts}.
 */
final class ManifestCheck {

	private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

	private ManifestCheck() {
	}

	/**
	 * The parsed {@code manifest.json}, a JSON object.
	 * @throws UnusableManifestException when there is no usable manifest
	 */
	@SuppressWarnings("unchecked")
	static Map<String, Object> read(BundleArchive archive) throws UnusableManifestException {
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
		return (Map<String, Object>) parsed;
	}

	/** The manifest check's result and then the artifacts check's. */
	static List<CheckResult> manifestAndArtifacts(BundleArchive archive, Map<String, Object> manifest,
			String schemaVersion) {
		List<ArtifactsCheck.Artifact> artifacts = new ArrayList<>();
		List<String> problems = artifacts(manifest, artifacts);
		if (!problems.isEmpty()) {
			return List.of(CheckResult.fail(EvidenceCheck.MANIFEST, "manifest.json's artifacts are malformed", problems),
					CheckResult.fail(EvidenceCheck.ARTIFACTS, "not checked: the manifest's artifacts are malformed",
							List.of()));
		}
		return List.of(
				CheckResult.pass(EvidenceCheck.MANIFEST, "manifest.json lists " + artifacts.size() + " artifact(s)"
						+ ((schemaVersion != null) ? ", schema_version " + schemaVersion : "")),
				ArtifactsCheck.check(archive, artifacts));
	}

	private static List<String> artifacts(Map<String, Object> manifest, List<ArtifactsCheck.Artifact> artifacts) {
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
			artifacts.add(new ArtifactsCheck.Artifact(text, hash, bytes.longValue()));
		}
		return problems;
	}

	/** Why there is no manifest to check: the manifest check fails with the message. */
	static final class UnusableManifestException extends Exception {

		private static final long serialVersionUID = 1L;

		UnusableManifestException(String message) {
			super(message, null, false, false);
		}

	}

}
