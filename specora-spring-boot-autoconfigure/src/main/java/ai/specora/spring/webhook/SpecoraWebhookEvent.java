package ai.specora.spring.webhook;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import ai.specora.client.webhook.WebhookEvent;
import ai.specora.client.webhook.WebhookEventType;

import org.springframework.context.ApplicationEvent;

/**
 * A verified Specora webhook event, published as a Spring application event. Listen to
 * one of the subtypes, such as {@link BudgetBreachEvent}, or to this type for all of
 * them:
 * <pre class="code">
 * &#64;EventListener
 * void on(BudgetBreachEvent event) {
 *     // ...
 * }
 * </pre>
 * Events are published synchronously, on the thread that received the request, after
 * the signature, the timestamp and the replay check have passed.
 */
public abstract class SpecoraWebhookEvent extends ApplicationEvent {

	private static final long serialVersionUID = 1L;

	private final transient WebhookEvent event;

	/**
	 * Creates an event.
	 * @param source the component that received the event
	 * @param event the verified webhook event
	 */
	protected SpecoraWebhookEvent(Object source, WebhookEvent event) {
		super(source);
		this.event = Objects.requireNonNull(event, "event must not be null");
	}

	/**
	 * Creates the event of the subtype that matches the type of a verified webhook
	 * event, {@link UnknownWebhookEvent} for a type this version does not know.
	 * @param source the component that received the event
	 * @param event the verified webhook event
	 * @return the application event
	 */
	public static SpecoraWebhookEvent of(Object source, WebhookEvent event) {
		Objects.requireNonNull(event, "event must not be null");
		return switch (event.type()) {
			case INVARIANT_FAILED -> new InvariantFailedEvent(source, event);
			case BUDGET_BREACH -> new BudgetBreachEvent(source, event);
			case PROVIDER_QUARANTINED -> new ProviderQuarantinedEvent(source, event);
			case DRIFT_DETECTED -> new DriftDetectedEvent(source, event);
			case BREAK_GLASS_USED -> new BreakGlassUsedEvent(source, event);
			case SLA_BREACH -> new SlaBreachEvent(source, event);
			case RISK_SCORE_CHANGED -> new RiskScoreChangedEvent(source, event);
			case APPROVAL_RESOLVED -> new ApprovalResolvedEvent(source, event);
			case UNKNOWN -> new UnknownWebhookEvent(source, event);
		};
	}

	/**
	 * Returns the verified webhook event.
	 * @return the webhook event
	 */
	public WebhookEvent webhookEvent() {
		return this.event;
	}

	/**
	 * Returns the event id.
	 * @return the event id
	 */
	public String eventId() {
		return this.event.eventId();
	}

	/**
	 * Returns the wire name of the event type, such as {@code platform.budget_breach}.
	 * @return the event type
	 */
	public String eventType() {
		return this.event.eventType();
	}

	/**
	 * Returns the known type of the event.
	 * @return the type, {@link WebhookEventType#UNKNOWN} for an unknown type
	 */
	public WebhookEventType type() {
		return this.event.type();
	}

	/**
	 * Returns when Specora created the event.
	 * @return the creation time
	 */
	public Instant createdAt() {
		return this.event.createdAt();
	}

	/**
	 * Returns the organisation of the event.
	 * @return the organisation id, or {@code null} if not sent
	 */
	public String orgId() {
		return this.event.orgId();
	}

	/**
	 * Returns the event's payload, unmodifiable; see {@link WebhookEvent#data()}.
	 * @return the {@code data} object as a map
	 */
	public Map<String, Object> data() {
		return this.event.data();
	}

	/**
	 * Binds the payload to a type of the application's own; snake_case JSON names fill
	 * camelCase properties.
	 * @param <T> the target type
	 * @param type the target type, such as a record
	 * @return the bound payload
	 * @throws IllegalArgumentException if the payload cannot be bound
	 */
	public <T> T dataAs(Class<T> type) {
		return this.event.dataAs(type);
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[eventId=" + eventId() + ", eventType=" + eventType() + "]";
	}

}
