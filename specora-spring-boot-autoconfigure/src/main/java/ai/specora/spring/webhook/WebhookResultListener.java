package ai.specora.spring.webhook;

import ai.specora.client.webhook.WebhookEventType;

/**
 * Told of every request that the {@link SpecoraWebhookHandler} handled, for metrics or
 * auditing. Called on the request thread after verification; must be quick and must
 * not block. An exception it throws is logged and the response is unchanged.
 */
@FunctionalInterface
public interface WebhookResultListener {

	/**
	 * A webhook request was handled.
	 * @param eventType the type of the verified event; {@link WebhookEventType#UNKNOWN}
	 * when the request was rejected (its body is not trusted) or the type is not known
	 * to this version
	 * @param result what became of the request
	 */
	void onResult(WebhookEventType eventType, WebhookResult result);

}
