package ai.specora.spring.webhook;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import ai.specora.client.Listeners;
import ai.specora.client.webhook.ReplayStoreUnavailableException;
import ai.specora.client.webhook.WebhookEvent;
import ai.specora.client.webhook.WebhookEventType;
import ai.specora.client.webhook.WebhookVerificationException;
import ai.specora.client.webhook.WebhookVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Handles a Specora webhook request independently of the web framework: verifies the
 * raw body and headers with a {@link WebhookVerifier}, publishes the verified event as
 * a {@link SpecoraWebhookEvent} and tells which response to send.
 * <p>
 * Events are published synchronously. A listener that throws is logged with the event
 * id and type (never the body) and the request is still answered with 204: the event
 * was authentic and received, and delivering it again would be refused as a replay.
 * <p>
 * Every handled request is reported to the {@link WebhookResultListener}s with its
 * {@link WebhookResult}.
 * <p>
 * {@link #handle} may block while the replay store is asked (Redis): reactive callers
 * must call it off the event loop.
 */
public final class SpecoraWebhookHandler {

	private static final Logger logger = LoggerFactory.getLogger(SpecoraWebhookHandler.class);

	private final WebhookVerifier verifier;

	private final ApplicationEventPublisher publisher;

	private final WebhookResultListener[] listeners;

	/**
	 * Creates a handler.
	 * @param verifier verifies requests
	 * @param publisher publishes verified events
	 */
	public SpecoraWebhookHandler(WebhookVerifier verifier, ApplicationEventPublisher publisher) {
		this(verifier, publisher, List.of());
	}

	/**
	 * Creates a handler that reports every request to listeners.
	 * @param verifier verifies requests
	 * @param publisher publishes verified events
	 * @param listeners told of every handled request, in order
	 */
	public SpecoraWebhookHandler(WebhookVerifier verifier, ApplicationEventPublisher publisher,
			List<? extends WebhookResultListener> listeners) {
		this.verifier = Objects.requireNonNull(verifier, "verifier must not be null");
		this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
		this.listeners = listeners.toArray(new WebhookResultListener[0]);
	}

	/**
	 * Returns the largest accepted body in bytes; callers must not buffer more than
	 * this plus one byte.
	 * @return the maximum body size
	 */
	public int maxBodySize() {
		return this.verifier.maxBodySize();
	}

	/**
	 * Handles a request.
	 * @param rawBody the exact bytes of the request body
	 * @param headers returns the value of a header, ignoring the case of its name, or
	 * {@code null}
	 * @return the response to send
	 */
	public WebhookResponse handle(byte[] rawBody, Function<String, String> headers) {
		WebhookEvent event;
		try {
			event = this.verifier.verify(rawBody, headers);
		}
		catch (WebhookVerificationException ex) {
			return refused(ex);
		}
		catch (ReplayStoreUnavailableException ex) {
			logger.warn("Specora webhook refused with 503: the replay store is unavailable", ex);
			report(WebhookEventType.UNKNOWN, WebhookResult.REJECTED_UNAVAILABLE);
			return WebhookResponse.UNAVAILABLE;
		}
		publish(event);
		report(event.type(), WebhookResult.ACCEPTED);
		return WebhookResponse.ACCEPTED;
	}

	private WebhookResponse refused(WebhookVerificationException ex) {
		if (logger.isDebugEnabled()) {
			logger.debug("Specora webhook refused: " + ex.reason() + " (" + ex.getMessage() + ")");
		}
		report(WebhookEventType.UNKNOWN, switch (ex.reason()) {
			case TOO_LARGE -> WebhookResult.REJECTED_TOO_LARGE;
			case MISSING_HEADER -> WebhookResult.REJECTED_MISSING_HEADER;
			case STALE_TIMESTAMP -> WebhookResult.REJECTED_STALE_TIMESTAMP;
			case BAD_SIGNATURE -> WebhookResult.REJECTED_BAD_SIGNATURE;
			case MALFORMED -> WebhookResult.REJECTED_MALFORMED;
			case REPLAYED -> WebhookResult.REJECTED_REPLAYED;
		});
		return switch (ex.reason()) {
			case TOO_LARGE -> WebhookResponse.TOO_LARGE;
			case MISSING_HEADER, STALE_TIMESTAMP, BAD_SIGNATURE -> WebhookResponse.INVALID_SIGNATURE;
			case MALFORMED -> WebhookResponse.MALFORMED;
			case REPLAYED -> WebhookResponse.REPLAYED;
		};
	}

	/**
	 * Reports a request without ever failing it.
	 */
	private void report(WebhookEventType eventType, WebhookResult result) {
		for (WebhookResultListener listener : this.listeners) {
			Listeners.callSafely(logger, "webhook result listener " + listener.getClass().getName(),
					() -> listener.onResult(eventType, result));
		}
	}

	private void publish(WebhookEvent event) {
		SpecoraWebhookEvent applicationEvent;
		try {
			applicationEvent = SpecoraWebhookEvent.of(this, event);
		}
		catch (IllegalArgumentException ex) {
			// Cannot happen for an event the verifier accepted; logged rather than lost
			logger.error("Specora webhook event " + event.eventId() + " of type " + event.eventType()
					+ " could not be published", ex);
			return;
		}
		try {
			this.publisher.publishEvent(applicationEvent);
		}
		catch (RuntimeException ex) {
			logger.error("A listener failed on Specora webhook event " + event.eventId() + " of type "
					+ event.eventType() + "; the event was accepted", ex);
		}
	}

	@Override
	public String toString() {
		return "SpecoraWebhookHandler[" + this.verifier + "]";
	}

}
