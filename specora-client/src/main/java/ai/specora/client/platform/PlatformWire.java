package ai.specora.client.platform;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/**
 * The JSON bodies of the Platform API, as sent and received. Field names become
 * snake_case on the wire; request fields that are not set are omitted. Responses keep
 * enums as strings (and decisions as raw JSON) so that the client, not the JSON library,
 * decides what an unknown or missing value means.
 */
final class PlatformWire {

	private PlatformWire() {
	}

	// requests

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record PolicyCheckBody(SubjectBody subject, Map<String, Object> inputs) {
	}

	record SubjectBody(String type, String id) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record BudgetValidateBody(Map<String, Object> scope) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ExecutionBody(String provider, String model, long costMicros, long inputTokens, long outputTokens,
			Long durationMs, boolean success, String externalRunId, Map<String, Object> metadata) {
	}

	record AssumptionsBody(String runId, List<AssumptionBody> assumptions) {
	}

	record AssumptionBody(String id, String description, String impactLevel) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record EvidenceBody(String runId, List<String> artifactTypes, Boolean includeProvenance) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record RoutingHintsBody(String agentName, String purpose, String workflowType, String preferredRegion,
			String requiredCapability, Boolean fallbackAllowed) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record PreAuthorizeBody(String provider, String model, Long estimatedTokens, Long estimatedCostMicros,
			RoutingHintsBody routingHints) {
	}

	record MessageBody(String role, String content) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ProxyExecuteBody(String provider, String model, List<MessageBody> messages, Integer maxTokens,
			Double temperature, String authorizationId, RoutingHintsBody routingHints) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record PreferenceResolveBody(List<String> capabilities, String workflowType) {
	}

	// responses

	record PolicyResultBody(String decision, String severity, List<InvariantBody> invariants,
			OverrideBody override) {
	}

	record InvariantBody(String id, String status, String reason) {
	}

	record OverrideBody(Boolean eligible, Boolean requiredJustification, Long expiresMaxSeconds) {
	}

	record BudgetResultBody(BigDecimal budgetRemaining, BigDecimal budgetTotal, Double usagePercent,
			Boolean forecastBreach, String enforcementState) {
	}

	record ExecutionResultBody(String executionId, Long budgetRemainingMicros, Double usagePercent,
			String enforcementState) {
	}

	record AssumptionsResultBody(String severity, Boolean verificationRequired, Boolean mergeEligible,
			List<ViolationBody> violations, List<String> recommendations) {
	}

	record ViolationBody(String assumptionId, String reason) {
	}

	record EvidenceResultBody(String bundleId, String bundleHash, String storagePath) {
	}

	record RiskResultBody(Double riskPercentile, Double driftRisk, Double overrideFrequencyRisk,
			String anomalyStatus) {
	}

	record PreAuthorizationBody(JsonNode authorized, JsonNode authorizationId, String selectedProvider,
			String selectedModel, String reason, String expiresAt) {
	}

	record ProxyResultBody(String id, String provider, String model, String content, String finishReason,
			UsageBody usage, Long costMicros) {
	}

	record UsageBody(Long inputTokens, Long outputTokens) {
	}

	record PreferencesBody(List<PreferenceBody> preferences) {
	}

	record PreferenceBody(Integer slot, String providerName, String modelName, List<String> capabilities) {
	}

	record ResolvedBody(String providerName, String modelName, String source, Boolean fallbackUsed) {
	}

}
