package ai.specora.spring.webhook;

import ai.specora.client.webhook.WebhookEvent;

/**
 * A {@code platform.provider_quarantined} event: a provider was put in quarantine.
 */
public final class ProviderQuarantinedEvent extends SpecoraWebhookEvent {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an event.
	 * @param source the component that received the event
	 * @param event the verified webhook event
	 */
	public ProviderQuarantinedEvent(Object source, WebhookEvent event) {
		super(source, event);
	}

}
