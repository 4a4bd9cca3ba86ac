package ai.specora.client.evidence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code artifacts} check: every artifact the manifest lists is in the bundle once,
 * with its SHA-256 and size; the entries the manifest does not list are named in a
 * warning.
 */
final class ArtifactsCheck {

	private ArtifactsCheck() {
	}

	static CheckResult check(BundleArchive archive, List<Artifact> artifacts) {
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

	/** An artifact the manifest lists. */
	record Artifact(String name, String sha256, long sizeBytes) {
	}

}
