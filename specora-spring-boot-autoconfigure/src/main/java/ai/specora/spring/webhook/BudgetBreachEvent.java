package ai.specora.spring.webhook;

import ai.specora.client.webhook.WebhookEvent;

/**
 * A {@code platform.budget_breach} event: a budget was exceeded.
 */
public final class BudgetBreachEvent extends SpecoraWebhookEvent {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an event.
	 * @param source the component that received the event
	 * @param event the verified webhook event
	 */
	public BudgetBreachEvent(Object source, WebhookEvent event) {
		super(source, event);
	}

}
