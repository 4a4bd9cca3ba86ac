package ai.specora.client.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import tools.jackson.core.JacksonException;

/**
 * A verified Specora webhook event.
 * <p>
 * Events of a type this client does not know are delivered too: {@link #type()} is
 * then {@link WebhookEventType#UNKNOWN} and {@link #eventType()} keeps the wire name.
 *
 * @param eventId the event id ({@code event_id}), equal to {@code X-Specora-Event-Id}
 * @param eventType the wire name of the type ({@code event_type}), such as
 * {@code platform.budget_breach}
 * @param createdAt when Specora created the event ({@code created_at})
 * @param orgId the organisation ({@code org_id}), or {@code null} if not sent
 * @param data the type-specific payload ({@code data}), an empty map if not sent: the
 * JSON object as a map in the order of the body, whose values are {@link String},
 * {@link Boolean}, {@link Integer}, {@link Long}, {@link java.math.BigInteger},
 * {@link java.math.BigDecimal} (every number with a fraction or an exponent, exactly as
 * sent), {@code null}, and nested maps and lists of the same; unmodifiable all the way
 * down, so that one listener cannot change what another sees
 */
public record WebhookEvent(String eventId, String eventType, Instant createdAt, String orgId,
		Map<String, Object> data) {

	/**
	 * Creates an event, keeping an unmodifiable copy of {@code data} (nested maps and
	 * lists included).
	 * @param eventId the event id
	 * @param eventType the wire name of the type
	 * @param createdAt when the event was created
	 * @param orgId the organisation, may be {@code null}
	 * @param data the payload, {@code null} for an empty map
	 */
	public WebhookEvent {
		Objects.requireNonNull(eventId, "eventId must not be null");
		Objects.requireNonNull(eventType, "eventType must not be null");
		Objects.requireNonNull(createdAt, "createdAt must not be null");
		data = (data != null) ? copyOf(data) : Map.of();
	}

	/**
	 * Returns the known type of this event.
	 * @return the type, {@link WebhookEventType#UNKNOWN} if this client does not know it
	 */
	public WebhookEventType type() {
		return WebhookEventType.fromWireName(this.eventType);
	}

	/**
	 * Returns the payload of a {@code runtime.approval_resolved} event.
	 * @return the payload, or empty if this event is of another type
	 * @throws IllegalArgumentException if the payload lacks a required field (never the
	 * case for an event returned by {@link WebhookVerifier})
	 */
	public Optional<ApprovalResolved> approvalResolved() {
		if (type() != WebhookEventType.APPROVAL_RESOLVED) {
			return Optional.empty();
		}
		return Optional.of(ApprovalResolved.from(this.data));
	}

	/**
	 * Binds the payload to a type of the application's own. JSON field names are read
	 * as snake_case ({@code journal_id} fills {@code journalId}), unknown fields are
	 * ignored and enum constants match regardless of case.
	 * @param <T> the target type
	 * @param type the target type, such as a record
	 * @return the bound payload
	 * @throws IllegalArgumentException if the payload cannot be bound to {@code type}
	 */
	public <T> T dataAs(Class<T> type) {
		Objects.requireNonNull(type, "type must not be null");
		try {
			return WebhookJson.MAPPER.convertValue(this.data, type);
		}
		catch (IllegalArgumentException | JacksonException ex) {
			throw new IllegalArgumentException(
					"Cannot bind the data of event " + this.eventId + " to " + type.getName(), ex);
		}
	}

	private static Map<String, Object> copyOf(Map<?, ?> map) {
		Map<String, Object> copy = new LinkedHashMap<>(map.size());
		map.forEach((key, value) -> copy.put(String.valueOf(key), copyOfValue(value)));
		return Collections.unmodifiableMap(copy);
	}

	private static Object copyOfValue(Object value) {
		if (value instanceof Map<?, ?> map) {
			return copyOf(map);
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			list.forEach((item) -> copy.add(copyOfValue(item)));
			return Collections.unmodifiableList(copy);
		}
		return value;
	}

}
