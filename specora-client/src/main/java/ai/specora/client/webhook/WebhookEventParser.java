package ai.specora.client.webhook;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import ai.specora.client.webhook.WebhookVerificationException.Reason;

/**
 * Reads the body of a webhook request, whose signature has been checked, into a
 * {@link WebhookEvent}: a JSON object with string fields {@code event_id},
 * {@code event_type} and {@code created_at} (ISO-8601), an optional string
 * {@code org_id} and an optional object {@code data}, whose {@code event_id} equals the
 * {@value WebhookVerifier#EVENT_ID_HEADER} header and, for a
 * {@code runtime.approval_resolved} event, whose payload is a complete
 * {@link ApprovalResolved}. Anything else is refused as {@link Reason#MALFORMED}.
 */
final class WebhookEventParser {

	private WebhookEventParser() {
	}

	/**
	 * Parses a body.
	 * @param rawBody the exact bytes of the request body
	 * @param eventIdHeader the stripped value of the event id header
	 * @return the event
	 * @throws WebhookVerificationException if the body is malformed
	 */
	static WebhookEvent parse(byte[] rawBody, String eventIdHeader) {
		JsonNode root;
		try {
			root = WebhookJson.MAPPER.readTree(rawBody);
		}
		catch (JacksonException ex) {
			throw malformed("Event body is not valid JSON", ex);
		}
		if (root == null || !root.isObject()) {
			throw malformed("Event body is not a JSON object", null);
		}
		String eventId = requiredText(root, "event_id");
		String eventType = requiredText(root, "event_type");
		Instant createdAt = parseInstant(requiredText(root, "created_at"));
		String orgId = optionalText(root, "org_id");
		JsonNode data = root.get("data");
		if (data != null && !data.isNull() && !data.isObject()) {
			throw malformed("Event field 'data' is not a JSON object", null);
		}
		if (!eventId.equals(eventIdHeader)) {
			throw malformed("Event id in the body does not match the " + WebhookVerifier.EVENT_ID_HEADER + " header",
					null);
		}
		WebhookEvent event = new WebhookEvent(eventId, eventType, createdAt, orgId,
				(data != null && data.isObject()) ? toMap(data) : null);
		try {
			event.approvalResolved();
		}
		catch (IllegalArgumentException ex) {
			throw malformed("Invalid " + eventType + " event: " + ex.getMessage(), ex);
		}
		return event;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> toMap(JsonNode data) {
		try {
			return WebhookJson.MAPPER.treeToValue(data, Map.class);
		}
		catch (JacksonException ex) {
			throw malformed("Event field 'data' cannot be read", ex);
		}
	}

	private static String requiredText(JsonNode root, String field) {
		String value = optionalText(root, field);
		if (value == null || value.isBlank()) {
			throw malformed("Event body lacks the string field '" + field + "'", null);
		}
		return value;
	}

	private static String optionalText(JsonNode root, String field) {
		JsonNode node = root.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			throw malformed("Event field '" + field + "' is not a string", null);
		}
		return node.stringValue();
	}

	private static Instant parseInstant(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw malformed("Event field 'created_at' is not an ISO-8601 date-time", ex);
		}
	}

	private static WebhookVerificationException malformed(String message, Throwable cause) {
		return new WebhookVerificationException(Reason.MALFORMED, message, cause);
	}

}
