package ai.specora.client.platform;

import java.util.List;

/**
 * A request for a signed evidence bundle of a run ({@code generateEvidenceBundle}).
 *
 * @param runId the run
 * @param artifactTypes the artifacts to include, e.g. {@code confidence_report},
 * {@code trace}
 * @param includeProvenance whether to include provenance, or {@code null} to leave it
 * to the platform
 */
public record EvidenceBundleRequest(String runId, List<String> artifactTypes, Boolean includeProvenance) {

	/**
	 * Checks the request and copies the list.
	 * @param runId the run id
	 * @param artifactTypes the artifact types
	 * @param includeProvenance whether to include provenance, or {@code null}
	 */
	public EvidenceBundleRequest {
		Requests.requireText(runId, "runId");
		artifactTypes = Requests.copy(artifactTypes, "artifactTypes");
	}

	/**
	 * A bundle of the given artifacts of a run, with provenance.
	 * @param runId the run id
	 * @param artifactTypes the artifact types
	 * @return the request
	 */
	public static EvidenceBundleRequest of(String runId, String... artifactTypes) {
		return new EvidenceBundleRequest(runId, List.of(artifactTypes), Boolean.TRUE);
	}

}
