/**
 * Auto-configuration of the webhook endpoint, {@code specora.webhook.*}.
 */
package ai.specora.spring.autoconfigure.webhook;
