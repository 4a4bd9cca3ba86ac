package ai.specora.localauthority;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The response bodies of the Platform API, written in snake_case by the authority's
 * JSON mapper. Money is integer micro-USD where the field says {@code _micros}.
 */
final class PlatformWire {

	private PlatformWire() {
	}

	record PolicyCheckResult(String decision, String severity, List<InvariantView> invariants,
			OverrideView override) {
	}

	record InvariantView(String id, String status, String reason) {
	}

	record OverrideView(boolean eligible, boolean requiredJustification, long expiresMaxSeconds) {
	}

	record ExecutionRecorded(String executionId, long budgetRemainingMicros, BigDecimal usagePercent,
			String enforcementState) {
	}

	record AssumptionsVerdict(String severity, boolean verificationRequired, boolean mergeEligible,
			List<Violation> violations, List<String> recommendations) {
	}

	record Violation(String assumptionId, String reason) {
	}

	record EvidenceBundle(String bundleId, String bundleHash, String storagePath) {
	}

	record Preauthorization(boolean authorized, String authorizationId, String selectedProvider,
			String selectedModel, String reason, String expiresAt) {
	}

	record ProxyCompletion(String id, String provider, String model, String content, String finishReason,
			Usage usage, long costMicros) {
	}

	record Usage(long inputTokens, long outputTokens) {
	}

	record Preferences(List<PreferenceView> preferences) {
	}

	record PreferenceView(int slot, String providerName, String modelName, List<String> capabilities) {
	}

	record ResolvedPreference(String providerName, String modelName, String source, boolean fallbackUsed) {
	}

	/**
	 * What an evidence bundle holds: its ids for the manifest, the run's trace (journal
	 * entries, then platform calls), the confidence report and the provenance (or
	 * {@code null}).
	 */
	record BundleContent(String bundleId, String runId, String orgId, String vendorId, String tenantId,
			String createdAt, List<String> artifactTypes, List<TraceLine> trace, ConfidenceReport confidenceReport,
			Map<String, Object> provenance) {
	}

	/** One line of a run's trace: {@code journal_entry}, {@code execution} or {@code assumptions}. */
	record TraceLine(String kind, Object record) {
	}

	/** The confidence report of a run: what its trace shows, and how much it can be trusted. */
	record ConfidenceReport(String runId, String confidence, int journalEntries, int blockedDecisions,
			int executions, int failedExecutions, long costMicros, AssumptionsVerdict assumptions,
			List<String> findings) {
	}

	record ExecutionView(String executionId, String provider, String model, long costMicros, long inputTokens,
			long outputTokens, Long durationMs, boolean success, String externalRunId, String recordedAt) {
	}

}
