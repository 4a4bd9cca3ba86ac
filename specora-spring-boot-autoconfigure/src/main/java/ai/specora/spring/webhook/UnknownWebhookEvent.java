package ai.specora.spring.webhook;

import ai.specora.client.webhook.WebhookEvent;

/**
 * An event of a type this version does not know; {@link #eventType()} gives its wire
 * name and {@link #data()} its payload.
 */
public final class UnknownWebhookEvent extends SpecoraWebhookEvent {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an event.
	 * @param source the component that received the event
	 * @param event the verified webhook event
	 */
	public UnknownWebhookEvent(Object source, WebhookEvent event) {
		super(source, event);
	}

}
