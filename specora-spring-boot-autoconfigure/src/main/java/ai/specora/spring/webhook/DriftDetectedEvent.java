package ai.specora.spring.webhook;

import ai.specora.client.webhook.WebhookEvent;

/**
 * A {@code platform.drift_detected} event: behaviour drift was detected.
 */
public final class DriftDetectedEvent extends SpecoraWebhookEvent {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an event.
	 * @param source the component that received the event
	 * @param event the verified webhook event
	 */
	public DriftDetectedEvent(Object source, WebhookEvent event) {
		super(source, event);
	}

}
