package ai.specora.spring.webhook;

import ai.specora.client.webhook.WebhookEvent;

/**
 * A {@code platform.risk_score_changed} event: a risk score changed.
 */
public final class RiskScoreChangedEvent extends SpecoraWebhookEvent {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an event.
	 * @param source the component that received the event
	 * @param event the verified webhook event
	 */
	public RiskScoreChangedEvent(Object source, WebhookEvent event) {
		super(source, event);
	}

}
