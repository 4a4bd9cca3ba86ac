package ai.specora.spring.observation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import ai.specora.client.webhook.InMemoryReplayStore;
import ai.specora.client.webhook.ReplayStore;
import ai.specora.client.webhook.ReplayStoreUnavailableException;
import ai.specora.client.webhook.WebhookSignatures;
import ai.specora.client.webhook.WebhookVerifier;
import ai.specora.spring.webhook.SpecoraWebhookHandler;
import ai.specora.spring.webhook.WebhookResponse;
import ai.specora.spring.webhook.WebhookResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code specora.webhook.events} counter: one count per request, with the event type
 * of accepted events and a fixed result for each way a request is accepted or
 * rejected.
 */
class WebhookMetricsTests {

	private static final String SECRET = "whsec_metrics_test_secret";

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final SpecoraWebhookHandler handler = handler(new InMemoryReplayStore(100));

	@Test
	void acceptedEventIsCountedWithItsType() {
		assertThat(send(this.handler, "evt_1", body("evt_1", "platform.budget_breach"), now(), SECRET))
			.isEqualTo(WebhookResponse.ACCEPTED);
		assertThat(count("platform.budget_breach", "accepted")).isEqualTo(1);
	}

	@Test
	void eventOfATypeNotKnownIsCountedAsUnknown() {
		send(this.handler, "evt_2", body("evt_2", "platform.something_new_" + System.nanoTime()), now(), SECRET);
		assertThat(count("unknown", "accepted")).isEqualTo(1);
	}

	@Test
	void badSignatureIsCountedAsRejected() {
		send(this.handler, "evt_3", body("evt_3", "platform.sla_breach"), now(), "whsec_someone_else");
		assertThat(count("unknown", "rejected:bad_signature")).isEqualTo(1);
	}

	@Test
	void staleTimestampIsCountedAsRejected() {
		send(this.handler, "evt_4", body("evt_4", "platform.sla_breach"), now() - 3600, SECRET);
		assertThat(count("unknown", "rejected:stale_timestamp")).isEqualTo(1);
	}

	@Test
	void missingHeaderIsCountedAsRejected() {
		this.handler.handle(body("evt_5", "platform.sla_breach").getBytes(StandardCharsets.UTF_8), (name) -> null);
		assertThat(count("unknown", "rejected:missing_header")).isEqualTo(1);
	}

	@Test
	void malformedBodyIsCountedAsRejected() {
		send(this.handler, "evt_6", "{not json", now(), SECRET);
		assertThat(count("unknown", "rejected:malformed")).isEqualTo(1);
	}

	@Test
	void replayIsCountedAsRejected() {
		String body = body("evt_7", "platform.sla_breach");
		send(this.handler, "evt_7", body, now(), SECRET);
		send(this.handler, "evt_7", body, now(), SECRET);
		assertThat(count("platform.sla_breach", "accepted")).isEqualTo(1);
		assertThat(count("unknown", "rejected:replayed")).isEqualTo(1);
	}

	@Test
	void tooLargeBodyIsCountedAsRejected() {
		String body = body("evt_8", "platform.sla_breach").replace("{}", "{\"pad\":\"" + "x".repeat(2048) + "\"}");
		send(this.handler, "evt_8", body, now(), SECRET);
		assertThat(count("unknown", "rejected:too_large")).isEqualTo(1);
	}

	@Test
	void unavailableReplayStoreIsCountedAsRejected() {
		ReplayStore down = (eventId, retention) -> {
			throw new ReplayStoreUnavailableException("redis down", null);
		};
		assertThat(send(handler(down), "evt_9", body("evt_9", "platform.sla_breach"), now(), SECRET))
			.isEqualTo(WebhookResponse.UNAVAILABLE);
		assertThat(count("unknown", "rejected:unavailable")).isEqualTo(1);
	}

	@Test
	void tagsHaveAFixedSetOfValues() {
		for (int i = 0; i < 50; i++) {
			String id = "evt_many_" + i;
			send(this.handler, id, body(id, "platform.other_" + i), now(), (i % 2 == 0) ? SECRET : "whsec_wrong");
		}
		assertThat(this.meters.getMeters()).hasSize(2);
		for (Meter meter : this.meters.getMeters()) {
			assertThat(meter.getId().getTags()).extracting(Tag::getKey).containsExactlyInAnyOrder("event.type", "result");
			assertThat(meter.getId().getTag("event.type")).isEqualTo("unknown");
		}
	}

	@Test
	void resultValuesAreDocumentedOnes() {
		assertThat(WebhookResult.values()).extracting(WebhookResult::value)
			.containsExactly("accepted", "rejected:too_large", "rejected:missing_header", "rejected:stale_timestamp",
					"rejected:bad_signature", "rejected:malformed", "rejected:replayed", "rejected:unavailable");
	}

	private SpecoraWebhookHandler handler(ReplayStore replayStore) {
		WebhookVerifier verifier = WebhookVerifier.builder()
			.secret(SECRET)
			.maxBodySize(1024)
			.replayStore(replayStore)
			.build();
		return new SpecoraWebhookHandler(verifier, (event) -> {
		}, List.of(new WebhookMetrics(this.meters)));
	}

	private double count(String eventType, String result) {
		Counter counter = this.meters.find("specora.webhook.events")
			.tag("event.type", eventType)
			.tag("result", result)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static WebhookResponse send(SpecoraWebhookHandler handler, String eventId, String body, long timestamp,
			String secret) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		Map<String, String> headers = new HashMap<>();
		headers.put(WebhookVerifier.TIMESTAMP_HEADER, Long.toString(timestamp));
		headers.put(WebhookVerifier.SIGNATURE_HEADER, WebhookSignatures.sign(secret, timestamp, bytes));
		headers.put(WebhookVerifier.EVENT_ID_HEADER, eventId);
		Function<String, String> lookup = WebhookVerifier.caseInsensitive(headers);
		return handler.handle(bytes, lookup);
	}

	private static String body(String eventId, String eventType) {
		return "{\"event_id\":\"" + eventId + "\",\"event_type\":\"" + eventType
				+ "\",\"created_at\":\"2026-11-21T21:59:00Z\",\"org_id\":\"org-1\",\"data\":{}}";
	}

	private static long now() {
		return Instant.now().getEpochSecond();
	}

}
