package ai.specora.localauthority;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Reads and validates the request bodies of the Platform API into immutable values,
 * with the same errors as {@link Requests}: 422 {@code validation_error} naming the
 * field in {@code error.details.field}.
 */
final class PlatformRequests {

	private static final int MAX_CONTENT_LENGTH = 100_000;

	private PlatformRequests() {
	}

	/** Routing hints of a pre-authorisation or proxied call. */
	record RoutingHints(String agentName, String purpose, String workflowType, String preferredRegion,
			String requiredCapability, Boolean fallbackAllowed) {

		static final RoutingHints NONE = new RoutingHints(null, null, null, null, null, null);

		/** The hints as a policy scope, for the runtime policies of action type llm_call. */
		Map<String, String> scope() {
			Map<String, String> scope = new LinkedHashMap<>();
			put(scope, "agent_name", this.agentName);
			put(scope, "purpose", this.purpose);
			put(scope, "workflow_type", this.workflowType);
			put(scope, "preferred_region", this.preferredRegion);
			put(scope, "required_capability", this.requiredCapability);
			if (this.fallbackAllowed != null) {
				scope.put("fallback_allowed", this.fallbackAllowed.toString());
			}
			return scope;
		}

		private static void put(Map<String, String> scope, String key, String value) {
			if (value != null) {
				scope.put(key, value);
			}
		}

	}

	/** {@code POST /v1/platform/policy/check}. */
	record PolicyCheck(String subjectType, String subjectId, Map<String, String> inputs) {
	}

	/** {@code POST /v1/platform/executions}; equal records are the same execution. */
	record Execution(String provider, String model, long costMicros, long inputTokens, long outputTokens,
			Long durationMs, boolean success, String externalRunId, JsonNode metadata) {
	}

	/** One assumption of {@code POST /v1/platform/assumptions/validate}. */
	record Assumption(String id, String description, String impactLevel) {
	}

	/** {@code POST /v1/platform/assumptions/validate}. */
	record Assumptions(String runId, List<Assumption> assumptions) {
	}

	/** {@code POST /v1/platform/evidence/bundles}. */
	record EvidenceRequest(String runId, List<String> artifactTypes, boolean includeProvenance) {
	}

	/** {@code POST /v1/platform/preauthorize}. */
	record Preauthorize(String provider, String model, Long estimatedTokens, long estimatedCostMicros,
			RoutingHints hints) {
	}

	/** One message of a proxied call. */
	record Message(String role, String content) {
	}

	/** {@code POST /v1/platform/proxy/execute}. */
	record ProxyExecute(String provider, String model, List<Message> messages, Long maxTokens, BigDecimal temperature,
			String authorizationId, RoutingHints hints) {
	}

	/** {@code POST /v1/platform/preferences/resolve}. */
	record Resolve(List<String> capabilities, String workflowType) {
	}

	static PolicyCheck policyCheck(JsonNode body) {
		JsonNode subject = body.get("subject");
		if (subject == null || subject.isNull()) {
			throw LocalAuthorityException.validation("subject", "subject is required");
		}
		if (!subject.isObject()) {
			throw LocalAuthorityException.validation("subject", "subject must be an object");
		}
		String type = PlatformFields.optionalId(subject, "type", "subject.type");
		String id = PlatformFields.optionalId(subject, "id", "subject.id");
		if (type == null) {
			throw LocalAuthorityException.validation("subject.type", "subject.type is required");
		}
		if (id == null) {
			throw LocalAuthorityException.validation("subject.id", "subject.id is required");
		}
		return new PolicyCheck(type, id, Requests.stringMap(body, "inputs"));
	}

	static Execution execution(JsonNode body) {
		String provider = PlatformFields.provider(body);
		String model = Requests.requiredId(body, "model");
		long cost = PlatformFields.requiredCount(body, "cost_micros");
		long input = PlatformFields.requiredCount(body, "input_tokens");
		long output = PlatformFields.requiredCount(body, "output_tokens");
		Long duration = Requests.optionalCount(body, "duration_ms");
		JsonNode success = body.get("success");
		if (success == null || success.isNull()) {
			throw LocalAuthorityException.validation("success", "success is required");
		}
		JsonNode metadata = body.get("metadata");
		if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
			throw LocalAuthorityException.validation("metadata", "metadata must be an object");
		}
		return new Execution(provider, model, cost, input, output, duration, Requests.optionalBoolean(body, "success"),
				Requests.optionalId(body, "external_run_id"), (metadata != null && !metadata.isNull()) ? metadata : null);
	}

	static Assumptions assumptions(JsonNode body) {
		String runId = Requests.requiredId(body, "run_id");
		List<Assumption> assumptions = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		List<JsonNode> items = PlatformFields.array(body, "assumptions", true);
		for (int i = 0; i < items.size(); i++) {
			JsonNode item = items.get(i);
			String field = "assumptions[" + i + "]";
			if (!item.isObject()) {
				throw LocalAuthorityException.validation(field, field + " must be an object");
			}
			String id = PlatformFields.optionalId(item, "id", field + ".id");
			if (id == null) {
				throw LocalAuthorityException.validation(field + ".id", field + ".id is required");
			}
			if (!ids.add(id)) {
				throw LocalAuthorityException.validation(field + ".id", "assumption id '" + id + "' is repeated");
			}
			JsonNode description = item.get("description");
			if (description == null || !description.isString()) {
				throw LocalAuthorityException.validation(field + ".description",
						field + ".description is required and must be a string");
			}
			String impact = PlatformFields.optionalId(item, "impact_level", field + ".impact_level");
			if (impact == null || !PlatformVocabulary.SEVERITIES.contains(impact)) {
				throw LocalAuthorityException.validation(field + ".impact_level",
						field + ".impact_level must be one of " + PlatformVocabulary.SEVERITIES);
			}
			assumptions.add(new Assumption(id, description.stringValue(), impact));
		}
		return new Assumptions(runId, List.copyOf(assumptions));
	}

	static EvidenceRequest evidence(JsonNode body) {
		String runId = Requests.requiredId(body, "run_id");
		return new EvidenceRequest(runId, PlatformFields.strings(body, "artifact_types", true),
				Requests.optionalBoolean(body, "include_provenance"));
	}

	static Preauthorize preauthorize(JsonNode body) {
		String provider = PlatformFields.provider(body);
		String model = Requests.requiredId(body, "model");
		Long tokens = Requests.optionalCount(body, "estimated_tokens");
		Long micros = Requests.optionalCount(body, "estimated_cost_micros");
		return new Preauthorize(provider, model, tokens, (micros != null) ? micros : 0L, hints(body));
	}

	static ProxyExecute proxyExecute(JsonNode body) {
		String provider = PlatformFields.provider(body);
		String model = Requests.requiredId(body, "model");
		List<JsonNode> items = PlatformFields.array(body, "messages", true);
		if (items.isEmpty()) {
			throw LocalAuthorityException.validation("messages", "messages must not be empty");
		}
		List<Message> messages = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			JsonNode item = items.get(i);
			String field = "messages[" + i + "]";
			if (!item.isObject()) {
				throw LocalAuthorityException.validation(field, field + " must be an object");
			}
			String role = PlatformFields.optionalId(item, "role", field + ".role");
			JsonNode content = item.get("content");
			if (role == null) {
				throw LocalAuthorityException.validation(field + ".role", field + ".role is required");
			}
			if (content == null || !content.isString()) {
				throw LocalAuthorityException.validation(field + ".content",
						field + ".content is required and must be a string");
			}
			if (content.stringValue().length() > MAX_CONTENT_LENGTH) {
				throw LocalAuthorityException.validation(field + ".content",
						field + ".content must be at most " + MAX_CONTENT_LENGTH + " characters");
			}
			messages.add(new Message(role, content.stringValue()));
		}
		Long maxTokens = Requests.optionalCount(body, "max_tokens");
		if (maxTokens != null && maxTokens < 1) {
			throw LocalAuthorityException.validation("max_tokens", "max_tokens must be at least 1");
		}
		return new ProxyExecute(provider, model, List.copyOf(messages), maxTokens,
				Requests.optionalAmount(body, "temperature"), Requests.optionalId(body, "authorization_id"), hints(body));
	}

	static Resolve resolve(JsonNode body) {
		return new Resolve(PlatformFields.strings(body, "capabilities", true),
				workflowType(Requests.optionalId(body, "workflow_type"), "workflow_type"));
	}

	static String workflowType(String value, String field) {
		if (value != null && !PlatformVocabulary.WORKFLOW_TYPES.contains(value)) {
			throw LocalAuthorityException.validation(field,
					field + " must be one of " + PlatformVocabulary.SORTED_WORKFLOW_TYPES);
		}
		return value;
	}

	private static RoutingHints hints(JsonNode body) {
		JsonNode hints = body.get("routing_hints");
		if (hints == null || hints.isNull()) {
			return RoutingHints.NONE;
		}
		if (!hints.isObject()) {
			throw LocalAuthorityException.validation("routing_hints", "routing_hints must be an object");
		}
		JsonNode fallback = hints.get("fallback_allowed");
		if (fallback != null && !fallback.isNull() && !fallback.isBoolean()) {
			throw LocalAuthorityException.validation("routing_hints.fallback_allowed",
					"routing_hints.fallback_allowed must be true or false");
		}
		return new RoutingHints(PlatformFields.optionalId(hints, "agent_name", "routing_hints.agent_name"),
				PlatformFields.optionalId(hints, "purpose", "routing_hints.purpose"),
				workflowType(PlatformFields.optionalId(hints, "workflow_type", "routing_hints.workflow_type"),
						"routing_hints.workflow_type"),
				PlatformFields.optionalId(hints, "preferred_region", "routing_hints.preferred_region"),
				PlatformFields.optionalId(hints, "required_capability", "routing_hints.required_capability"),
				(fallback != null && !fallback.isNull()) ? fallback.booleanValue() : null);
	}

}
