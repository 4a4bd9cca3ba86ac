package ai.specora.spring.webhook;

import ai.specora.client.webhook.WebhookEvent;

/**
 * A {@code platform.sla_breach} event: a service level was breached.
 */
public final class SlaBreachEvent extends SpecoraWebhookEvent {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an event.
	 * @param source the component that received the event
	 * @param event the verified webhook event
	 */
	public SlaBreachEvent(Object source, WebhookEvent event) {
		super(source, event);
	}

}
