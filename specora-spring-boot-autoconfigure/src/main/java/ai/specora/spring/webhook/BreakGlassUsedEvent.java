package ai.specora.spring.webhook;

import ai.specora.client.webhook.WebhookEvent;

/**
 * A {@code platform.break_glass_used} event: a break-glass override was used.
 */
public final class BreakGlassUsedEvent extends SpecoraWebhookEvent {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an event.
	 * @param source the component that received the event
	 * @param event the verified webhook event
	 */
	public BreakGlassUsedEvent(Object source, WebhookEvent event) {
		super(source, event);
	}

}
