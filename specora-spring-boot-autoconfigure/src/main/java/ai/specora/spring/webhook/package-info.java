/**
 * The Specora webhook endpoint: the framework-independent
 * {@link ai.specora.spring.webhook.SpecoraWebhookHandler}, its Spring MVC and WebFlux
 * routes, and the verified events it publishes as Spring application events.
 */
package ai.specora.spring.webhook;
