package ai.specora.client.webhook;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

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
 * @param data the type-specific payload ({@code data}), an empty object if not sent; a
 * copy is returned on each call
 */
public record WebhookEvent(String eventId, String eventType, Instant createdAt, String orgId, JsonNode data) {

	/**
	 * Creates an event, keeping a copy of {@code data}.
	 * @param eventId the event id
	 * @param eventType the wire name of the type
	 * @param createdAt when the event was created
	 * @param orgId the organisation, may be {@code null}
	 * @param data the payload, {@code null} for an empty object
	 */
	public WebhookEvent {
		Objects.requireNonNull(eventId, "eventId must not be null");
		Objects.requireNonNull(eventType, "eventType must not be null");
		Objects.requireNonNull(createdAt, "createdAt must not be null");
		data = (data != null) ? data.deepCopy() : JsonNodeFactory.instance.objectNode();
	}

	/**
	 * Returns a copy of the payload, so that one listener cannot change what another
	 * sees.
	 * @return the {@code data} object
	 */
	@Override
	public JsonNode data() {
		return this.data.deepCopy();
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
			return WebhookJson.MAPPER.treeToValue(this.data, type);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(
					"Cannot bind the data of event " + this.eventId + " to " + type.getName(), ex);
		}
	}

}
