package ai.specora.client.platform;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the platform request records into wire bodies and the 2xx bodies into result
 * records. A decoder throws {@link IllegalArgumentException} (or the JSON library's
 * exception) on a malformed body, which the transport treats like a truncated one.
 * <p>
 * Decision fields ({@code decision}, {@code authorized}) must be present and known, and
 * an authorization carries a string {@code authorization_id};
 * descriptive enums decode unknown values as {@code UNKNOWN}.
 */
final class PlatformCodec {

	private final Supplier<JsonMapper> jsonMapper;

	private final String workflowId;

	PlatformCodec(Supplier<JsonMapper> jsonMapper, String workflowId) {
		this.jsonMapper = jsonMapper;
		this.workflowId = workflowId;
	}

	// requests

	PlatformWire.PolicyCheckBody policyCheck(PolicyCheckRequest request) {
		return new PlatformWire.PolicyCheckBody(
				new PlatformWire.SubjectBody(request.subject().type(), request.subject().id()),
				emptyToNull(request.inputs()));
	}

	PlatformWire.BudgetValidateBody budgetValidate(BudgetValidationRequest request) {
		return new PlatformWire.BudgetValidateBody(emptyToNull(request.scope()));
	}

	PlatformWire.ExecutionBody execution(ExecutionRecordRequest request) {
		return new PlatformWire.ExecutionBody(request.provider().wireName(), request.model(), request.costMicros(),
				request.inputTokens(), request.outputTokens(), request.durationMs(), request.success(),
				request.externalRunId(), emptyToNull(request.metadata()));
	}

	PlatformWire.AssumptionsBody assumptions(AssumptionsValidationRequest request) {
		List<PlatformWire.AssumptionBody> assumptions = new ArrayList<>(request.assumptions().size());
		for (Assumption assumption : request.assumptions()) {
			assumptions.add(new PlatformWire.AssumptionBody(assumption.id(), assumption.description(),
					assumption.impactLevel().wireName()));
		}
		return new PlatformWire.AssumptionsBody(request.runId(), assumptions);
	}

	PlatformWire.EvidenceBody evidence(EvidenceBundleRequest request) {
		return new PlatformWire.EvidenceBody(request.runId(), request.artifactTypes(), request.includeProvenance());
	}

	PlatformWire.PreAuthorizeBody preAuthorize(PreAuthorizeRequest request) {
		return new PlatformWire.PreAuthorizeBody(request.provider().wireName(), request.model(),
				request.estimatedTokens(), request.estimatedCostMicros(), routingHints(request.routingHints()));
	}

	PlatformWire.ProxyExecuteBody proxyExecute(ProxyExecuteRequest request) {
		List<PlatformWire.MessageBody> messages = new ArrayList<>(request.messages().size());
		for (ChatMessage message : request.messages()) {
			messages.add(new PlatformWire.MessageBody(message.role(), message.content()));
		}
		return new PlatformWire.ProxyExecuteBody(request.provider().wireName(), request.model(), messages,
				request.maxTokens(), request.temperature(), request.authorizationId(),
				routingHints(request.routingHints()));
	}

	PlatformWire.PreferenceResolveBody preferenceResolve(PreferenceResolveRequest request) {
		return new PlatformWire.PreferenceResolveBody(request.capabilities(),
				(request.workflowType() != null) ? request.workflowType().wireName() : null);
	}

	/**
	 * The hints to send: the caller's, with {@code agent_name} filled from the workflow
	 * id when the caller set none; {@code null} (omitted) when there is nothing to send.
	 */
	PlatformWire.RoutingHintsBody routingHints(RoutingHints hints) {
		if (hints == null) {
			return (this.workflowId != null)
					? new PlatformWire.RoutingHintsBody(this.workflowId, null, null, null, null, null) : null;
		}
		String agentName = (hints.agentName() != null) ? hints.agentName() : this.workflowId;
		String workflowType = (hints.workflowType() != null) ? hints.workflowType().wireName() : null;
		if (agentName == null && hints.purpose() == null && workflowType == null && hints.preferredRegion() == null
				&& hints.requiredCapability() == null && hints.fallbackAllowed() == null) {
			return null;
		}
		return new PlatformWire.RoutingHintsBody(agentName, hints.purpose(), workflowType, hints.preferredRegion(),
				hints.requiredCapability(), hints.fallbackAllowed());
	}

	// responses

	PolicyCheckResult policyResult(byte[] bytes) {
		PlatformWire.PolicyResultBody body = read(bytes, PlatformWire.PolicyResultBody.class);
		PolicyDecision decision = WireEnums.strict(PolicyDecision.values(), body.decision(), "decision");
		Severity severity = WireEnums.lenient(Severity.values(), Severity.UNKNOWN, body.severity(), "severity");
		List<PolicyInvariant> invariants = map(body.invariants(), (invariant) -> new PolicyInvariant(
				require(invariant.id(), "invariants[].id"), WireEnums.lenient(InvariantStatus.values(),
						InvariantStatus.UNKNOWN, invariant.status(), "invariants[].status"),
				invariant.reason()));
		PlatformWire.OverrideBody override = body.override();
		PolicyOverride policyOverride = (override != null)
				? new PolicyOverride(Boolean.TRUE.equals(override.eligible()),
						Boolean.TRUE.equals(override.requiredJustification()), override.expiresMaxSeconds())
				: null;
		return new PolicyCheckResult(decision, severity, invariants, policyOverride, false);
	}

	BudgetValidationResult budgetResult(byte[] bytes) {
		PlatformWire.BudgetResultBody body = read(bytes, PlatformWire.BudgetResultBody.class);
		return new BudgetValidationResult(require(body.budgetRemaining(), "budget_remaining"),
				require(body.budgetTotal(), "budget_total"), require(body.usagePercent(), "usage_percent"),
				require(body.forecastBreach(), "forecast_breach"), WireEnums.lenient(EnforcementState.values(),
						EnforcementState.UNKNOWN, body.enforcementState(), "enforcement_state"));
	}

	ExecutionRecordResult executionResult(byte[] bytes) {
		PlatformWire.ExecutionResultBody body = read(bytes, PlatformWire.ExecutionResultBody.class);
		return new ExecutionRecordResult(require(body.executionId(), "execution_id"),
				require(body.budgetRemainingMicros(), "budget_remaining_micros"),
				require(body.usagePercent(), "usage_percent"), WireEnums.lenient(EnforcementState.values(),
						EnforcementState.UNKNOWN, body.enforcementState(), "enforcement_state"));
	}

	AssumptionsValidationResult assumptionsResult(byte[] bytes) {
		PlatformWire.AssumptionsResultBody body = read(bytes, PlatformWire.AssumptionsResultBody.class);
		return new AssumptionsValidationResult(
				WireEnums.lenient(Severity.values(), Severity.UNKNOWN, body.severity(), "severity"),
				require(body.verificationRequired(), "verification_required"),
				require(body.mergeEligible(), "merge_eligible"),
				map(body.violations(), (violation) -> new AssumptionViolation(
						require(violation.assumptionId(), "violations[].assumption_id"), violation.reason())),
				body.recommendations());
	}

	EvidenceBundleResult evidenceResult(byte[] bytes) {
		PlatformWire.EvidenceResultBody body = read(bytes, PlatformWire.EvidenceResultBody.class);
		return new EvidenceBundleResult(require(body.bundleId(), "bundle_id"), require(body.bundleHash(), "bundle_hash"),
				require(body.storagePath(), "storage_path"));
	}

	RiskScoreResult riskResult(byte[] bytes) {
		PlatformWire.RiskResultBody body = read(bytes, PlatformWire.RiskResultBody.class);
		return new RiskScoreResult(require(body.riskPercentile(), "risk_percentile"),
				require(body.driftRisk(), "drift_risk"),
				require(body.overrideFrequencyRisk(), "override_frequency_risk"), WireEnums
					.lenient(AnomalyStatus.values(), AnomalyStatus.UNKNOWN, body.anomalyStatus(), "anomaly_status"));
	}

	PreAuthorizationResult preAuthorizationResult(byte[] bytes) {
		PlatformWire.PreAuthorizationBody body = read(bytes, PlatformWire.PreAuthorizationBody.class);
		JsonNode authorized = body.authorized();
		if (authorized == null || !authorized.isBoolean()) {
			throw new IllegalArgumentException((authorized == null || authorized.isNull()) ? "missing 'authorized'"
					: "'authorized' is not a boolean");
		}
		boolean isAuthorized = authorized.asBoolean();
		String authorizationId = optionalString(body.authorizationId(), "authorization_id");
		if (isAuthorized && authorizationId == null) {
			throw new IllegalArgumentException("authorized without 'authorization_id'");
		}
		return new PreAuthorizationResult(isAuthorized, authorizationId,
				WireEnums.lenientOrNull(Provider.values(), Provider.UNKNOWN, body.selectedProvider(),
						"selected_provider"),
				body.selectedModel(), body.reason(), instant(body.expiresAt(), "expires_at"), false);
	}

	ProxyExecuteResult proxyResult(byte[] bytes) {
		PlatformWire.ProxyResultBody body = read(bytes, PlatformWire.ProxyResultBody.class);
		PlatformWire.UsageBody usage = require(body.usage(), "usage");
		return new ProxyExecuteResult(require(body.id(), "id"),
				WireEnums.lenient(Provider.values(), Provider.UNKNOWN, body.provider(), "provider"),
				require(body.model(), "model"), require(body.content(), "content"), body.finishReason(),
				new TokenUsage(require(usage.inputTokens(), "usage.input_tokens"),
						require(usage.outputTokens(), "usage.output_tokens")),
				require(body.costMicros(), "cost_micros"));
	}

	PreferencesResult preferencesResult(byte[] bytes) {
		PlatformWire.PreferencesBody body = read(bytes, PlatformWire.PreferencesBody.class);
		return new PreferencesResult(map(require(body.preferences(), "preferences"),
				(preference) -> new ModelPreference(require(preference.slot(), "preferences[].slot"),
						WireEnums.lenient(Provider.values(), Provider.UNKNOWN, preference.providerName(),
								"preferences[].provider_name"),
						require(preference.modelName(), "preferences[].model_name"), preference.capabilities())));
	}

	PreferenceResolveResult resolvedResult(byte[] bytes) {
		PlatformWire.ResolvedBody body = read(bytes, PlatformWire.ResolvedBody.class);
		return new PreferenceResolveResult(
				WireEnums.lenientOrNull(Provider.values(), Provider.UNKNOWN, body.providerName(), "provider_name"),
				body.modelName(), body.source(), require(body.fallbackUsed(), "fallback_used"));
	}

	private <T> T read(byte[] bytes, Class<T> type) {
		T body = this.jsonMapper.get().readValue(bytes, type);
		if (body == null) {
			throw new IllegalArgumentException("response body is JSON null");
		}
		return body;
	}

	private static Instant instant(String value, String field) {
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'" + field + "' is not an ISO-8601 instant", ex);
		}
	}

	/**
	 * A string field read as it is sent: {@code null} when absent or JSON null, refused
	 * when it is not a string (the JSON library would turn a number into its text).
	 */
	private static String optionalString(JsonNode value, String field) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new IllegalArgumentException("'" + field + "' is not a string");
		}
		return value.stringValue();
	}

	private static <T> T require(T value, String field) {
		if (value == null) {
			throw new IllegalArgumentException("missing '" + field + "'");
		}
		return value;
	}

	private static <S, T> List<T> map(List<S> items, Function<S, T> mapper) {
		if (items == null) {
			return List.of();
		}
		List<T> result = new ArrayList<>(items.size());
		for (S item : items) {
			result.add(mapper.apply(require(item, "list item")));
		}
		return result;
	}

	private static Map<String, Object> emptyToNull(Map<String, Object> map) {
		return map.isEmpty() ? null : map;
	}

}
