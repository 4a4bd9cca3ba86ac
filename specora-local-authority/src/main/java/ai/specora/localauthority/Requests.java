package ai.specora.localauthority;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * Reads and validates request bodies into immutable values. Malformed JSON answers
 * 400, a missing or invalid field 422, both with code {@code validation_error} and the
 * field in {@code error.details.field}.
 */
final class Requests {

	private static final int MAX_ID_LENGTH = 200;

	private static final int MAX_ERROR_LENGTH = 500;

	private static final Set<String> COMPLETION_STATUSES = Set.of("success", "failure", "cancelled");

	private Requests() {
	}

	/**
	 * What an enforce or simulate request asks about; two requests with equal payloads
	 * are the same request for idempotency.
	 */
	record EnforcePayload(String orgId, String projectId, String agentId, String actionType,
			Map<String, String> scope, JsonNode args, BigDecimal estimatedCost, long estimatedVolume,
			boolean writeOp) {
	}

	/** An enforce or simulate request. */
	record EnforceRequest(String requestId, EnforcePayload payload) {
	}

	/** A completion; equal records are the same completion for idempotency. */
	record CompleteRequest(String requestId, String journalId, String status, BigDecimal costActual,
			Long volumeActual, Long durationMs, String error) {
	}

	/** A resolution of a pending approval. */
	record ApprovalRequest(boolean approve, String resolvedBy) {
	}

	static JsonNode parse(JsonMapper mapper, String body) {
		if (body == null || body.isBlank()) {
			throw new LocalAuthorityException(400, "validation_error", "request body must be a JSON object",
					Map.of());
		}
		JsonNode node;
		try {
			node = mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new LocalAuthorityException(400, "validation_error", "request body is not valid JSON", Map.of());
		}
		if (node == null || !node.isObject()) {
			throw new LocalAuthorityException(400, "validation_error", "request body must be a JSON object",
					Map.of());
		}
		return node;
	}

	static EnforceRequest enforce(JsonNode body, boolean requestIdRequired, String idempotencyKey) {
		String requestId = requestIdRequired ? requiredId(body, "request_id") : optionalId(body, "request_id");
		if (requestId != null && idempotencyKey != null && !idempotencyKey.equals(requestId)) {
			throw LocalAuthorityException.validation("request_id",
					"Idempotency-Key header must equal the body's request_id");
		}
		BigDecimal estimatedCost = optionalAmount(body, "estimated_cost");
		Long volume = optionalCount(body, "estimated_volume");
		JsonNode args = body.get("args");
		EnforcePayload payload = new EnforcePayload(optionalId(body, "org_id"), optionalId(body, "project_id"),
				optionalId(body, "agent_id"), requiredId(body, "action_type"), stringMap(body, "scope"),
				(args != null) ? args : NullNode.getInstance(), (estimatedCost != null) ? estimatedCost : BigDecimal.ZERO,
				(volume != null) ? volume : 1L, optionalBoolean(body, "is_write_op"));
		return new EnforceRequest(requestId, payload);
	}

	static CompleteRequest complete(JsonNode body, String idempotencyKey) {
		String requestId = requiredId(body, "request_id");
		if (idempotencyKey != null && !idempotencyKey.equals(requestId)) {
			throw LocalAuthorityException.validation("request_id",
					"Idempotency-Key header must equal the body's request_id");
		}
		String journalId = requiredId(body, "journal_id");
		String status = requiredId(body, "status");
		if (!COMPLETION_STATUSES.contains(status)) {
			throw LocalAuthorityException.validation("status", "status must be success, failure or cancelled");
		}
		String error = optionalText(body, "error");
		if (error != null && error.length() > MAX_ERROR_LENGTH) {
			throw LocalAuthorityException.validation("error",
					"error must be at most " + MAX_ERROR_LENGTH + " characters");
		}
		return new CompleteRequest(requestId, journalId, status, optionalAmount(body, "cost_actual"),
				optionalCount(body, "volume_actual"), optionalCount(body, "duration_ms"), error);
	}

	static ApprovalRequest approval(JsonNode body) {
		String decision = requiredId(body, "decision");
		if (!"approve".equals(decision) && !"deny".equals(decision)) {
			throw LocalAuthorityException.validation("decision", "decision must be approve or deny");
		}
		return new ApprovalRequest("approve".equals(decision), requiredId(body, "resolved_by"));
	}

	static Map<String, String> budgetScope(JsonNode body) {
		return stringMap(body, "scope");
	}

	static String requiredId(JsonNode body, String field) {
		String value = optionalId(body, field);
		if (value == null) {
			throw LocalAuthorityException.validation(field, field + " is required");
		}
		return value;
	}

	static String optionalId(JsonNode body, String field) {
		String value = optionalText(body, field);
		if (value == null) {
			return null;
		}
		if (value.isBlank()) {
			throw LocalAuthorityException.validation(field, field + " must not be blank");
		}
		if (value.length() > MAX_ID_LENGTH) {
			throw LocalAuthorityException.validation(field,
					field + " must be at most " + MAX_ID_LENGTH + " characters");
		}
		return value;
	}

	static String optionalText(JsonNode body, String field) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			throw LocalAuthorityException.validation(field, field + " must be a string");
		}
		return node.stringValue();
	}

	static BigDecimal optionalAmount(JsonNode body, String field) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isNumber()) {
			throw LocalAuthorityException.validation(field, field + " must be a number");
		}
		BigDecimal value = node.decimalValue();
		if (value.signum() < 0) {
			throw LocalAuthorityException.validation(field, field + " must not be negative");
		}
		return (value.signum() == 0) ? BigDecimal.ZERO : value.stripTrailingZeros();
	}

	static Long optionalCount(JsonNode body, String field) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isIntegralNumber() || !node.canConvertToLong()) {
			throw LocalAuthorityException.validation(field, field + " must be an integer");
		}
		long value = node.longValue();
		if (value < 0) {
			throw LocalAuthorityException.validation(field, field + " must not be negative");
		}
		return value;
	}

	static boolean optionalBoolean(JsonNode body, String field) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return false;
		}
		if (!node.isBoolean()) {
			throw LocalAuthorityException.validation(field, field + " must be true or false");
		}
		return node.booleanValue();
	}

	static Map<String, String> stringMap(JsonNode body, String field) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return Map.of();
		}
		if (!node.isObject()) {
			throw LocalAuthorityException.validation(field, field + " must be an object");
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			JsonNode value = entry.getValue();
			if (value.isNull()) {
				continue;
			}
			if (!value.isValueNode()) {
				throw LocalAuthorityException.validation(field,
						field + "." + entry.getKey() + " must be a string, number or boolean");
			}
			values.put(entry.getKey(), value.asString());
		}
		return Map.copyOf(values);
	}

}
