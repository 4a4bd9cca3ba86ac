package ai.specora.spring.webhook;

import ai.specora.client.webhook.WebhookEvent;

/**
 * A {@code platform.invariant_failed} event: a declared invariant was violated.
 */
public final class InvariantFailedEvent extends SpecoraWebhookEvent {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an event.
	 * @param source the component that received the event
	 * @param event the verified webhook event
	 */
	public InvariantFailedEvent(Object source, WebhookEvent event) {
		super(source, event);
	}

}
