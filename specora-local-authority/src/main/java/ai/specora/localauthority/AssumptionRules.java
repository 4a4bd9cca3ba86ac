package ai.specora.localauthority;

import java.util.ArrayList;
import java.util.List;

/**
 * The local authority's deterministic verdict on a change's assumptions: the severity
 * is the highest impact level (low for none); a {@code high} or {@code critical}
 * assumption requires verification and gets a recommendation; a {@code critical} one
 * is a violation, which makes the change not merge-eligible.
 */
final class AssumptionRules {

	private AssumptionRules() {
	}

	static PlatformWire.AssumptionsVerdict judge(List<PlatformRequests.Assumption> assumptions) {
		int highest = 0;
		List<PlatformWire.Violation> violations = new ArrayList<>();
		List<String> recommendations = new ArrayList<>();
		for (PlatformRequests.Assumption assumption : assumptions) {
			int level = PlatformVocabulary.SEVERITIES.indexOf(assumption.impactLevel());
			highest = Math.max(highest, level);
			if (level >= 2) {
				recommendations.add("verify assumption '" + assumption.id() + "' (" + assumption.impactLevel()
						+ " impact) with a test or a reviewer before merging");
			}
			if (level == 3) {
				violations.add(new PlatformWire.Violation(assumption.id(),
						"critical-impact assumption is unverified: " + assumption.description()));
			}
		}
		return new PlatformWire.AssumptionsVerdict(PlatformVocabulary.SEVERITIES.get(highest), highest >= 2,
				violations.isEmpty(), List.copyOf(violations), List.copyOf(recommendations));
	}

}
