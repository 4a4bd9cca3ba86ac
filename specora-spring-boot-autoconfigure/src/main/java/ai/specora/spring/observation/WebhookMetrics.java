package ai.specora.spring.observation;

import java.util.Locale;
import java.util.Objects;

import ai.specora.client.webhook.WebhookEventType;
import ai.specora.spring.webhook.WebhookResult;
import ai.specora.spring.webhook.WebhookResultListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts webhook requests: {@code specora.webhook.events}, tagged with
 * {@code event.type} (the wire name of a known type, else {@code unknown}) and
 * {@code result} ({@link WebhookResult#value()}). Both tags have a fixed set of values.
 */
public final class WebhookMetrics implements WebhookResultListener {

	/**
	 * The {@code event.type} of rejected requests and of types this version does not
	 * know.
	 */
	public static final String UNKNOWN_EVENT_TYPE = WebhookEventType.UNKNOWN.name().toLowerCase(Locale.ROOT);

	private final MeterRegistry registry;

	/**
	 * Creates the meter's listener.
	 * @param registry where the counter is registered
	 */
	public WebhookMetrics(MeterRegistry registry) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
	}

	@Override
	public void onResult(WebhookEventType eventType, WebhookResult result) {
		String type = (eventType != null && eventType.wireName() != null) ? eventType.wireName() : UNKNOWN_EVENT_TYPE;
		Counter.builder(SpecoraMeterNames.WEBHOOK_EVENTS)
			.description("Specora webhook requests, accepted or rejected")
			.tag(SpecoraMeterNames.EVENT_TYPE, type)
			.tag(SpecoraMeterNames.RESULT, result.value())
			.register(this.registry)
			.increment();
	}

}
