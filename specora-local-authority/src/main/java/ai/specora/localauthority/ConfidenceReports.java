package ai.specora.localauthority;

import java.util.ArrayList;
import java.util.List;

/**
 * The confidence report of a run, from its trace: {@code high} when every decision
 * allowed, every execution succeeded and the assumptions need no verification;
 * {@code medium} when the run left nothing to judge by, or its assumptions need
 * verification; {@code low} when a decision blocked or an execution failed.
 */
final class ConfidenceReports {

	private ConfidenceReports() {
	}

	static PlatformWire.ConfidenceReport of(String runId, List<Wire.JournalView> journal,
			List<PlatformWire.ExecutionView> executions, PlatformWire.AssumptionsVerdict assumptions) {
		List<String> findings = new ArrayList<>();
		int blocked = (int) journal.stream().filter((entry) -> "block".equals(entry.decision())).count();
		int failed = (int) executions.stream().filter((execution) -> !execution.success()).count();
		long cost = executions.stream().mapToLong(PlatformWire.ExecutionView::costMicros).sum();
		String confidence = "high";
		if (journal.isEmpty() && executions.isEmpty()) {
			findings.add("no journal entry and no execution recorded for the run");
			confidence = "medium";
		}
		if (assumptions != null && assumptions.verificationRequired()) {
			findings.add("the run's assumptions need verification (" + assumptions.severity() + ")");
			confidence = "medium";
		}
		if (blocked > 0) {
			findings.add(blocked + " governed action(s) blocked");
			confidence = "low";
		}
		if (failed > 0) {
			findings.add(failed + " execution(s) failed");
			confidence = "low";
		}
		return new PlatformWire.ConfidenceReport(runId, confidence, journal.size(), blocked, executions.size(), failed,
				cost, assumptions, findings);
	}

}
