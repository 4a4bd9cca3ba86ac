package ai.specora.spring.webhook;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.specora.client.webhook.WebhookSignatures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status codes and events of the webhook endpoint over real HTTP; subclasses start
 * a Spring MVC or a WebFlux application with a 4 KB body limit.
 */
abstract class AbstractWebhookEndpointTests {

	static final String INVALID_SIGNATURE = "{\"error\":{\"code\":\"invalid_signature\",\"message\":\"invalid signature\"}}";

	static final int MAX_BODY_SIZE = 4 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	EventCollector collector;

	WebhookRequests requests;

	@BeforeEach
	void createRequests() {
		this.requests = new WebhookRequests(this.port, "/specora/webhooks");
	}

	@Test
	void signedEventIsAcceptedAndPublishedAsTypedEvent() throws Exception {
		String id = WebhookRequests.newEventId();
		HttpResponse<String> response = this.requests.postSigned(id,
				WebhookRequests.body(id, "platform.budget_breach", "{\"budget_id\":\"b-1\",\"spent\":12.5}"));
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(response.body()).isEmpty();
		assertThat(this.collector.find(id)).isInstanceOf(BudgetBreachEvent.class);
		BudgetBreachEvent event = this.collector.budgetBreaches.stream()
			.filter((candidate) -> candidate.eventId().equals(id))
			.findFirst()
			.orElseThrow();
		assertThat(event.eventType()).isEqualTo("platform.budget_breach");
		assertThat(event.orgId()).isEqualTo("org-1");
		assertThat(event.data()).containsEntry("budget_id", "b-1");
		assertThat(event.dataAs(Budget.class)).isEqualTo(new Budget("b-1", 12.5));
	}

	@Test
	void approvalResolvedHasTypedAccessors() throws Exception {
		String id = WebhookRequests.newEventId();
		HttpResponse<String> response = this.requests.postSigned(id, WebhookRequests.body(id,
				"runtime.approval_resolved",
				"{\"journal_id\":\"j-1\",\"approval_id\":\"a-1\",\"approval_state\":\"denied\",\"resolved_by\":\"alice\"}"));
		assertThat(response.statusCode()).isEqualTo(204);
		ApprovalResolvedEvent event = (ApprovalResolvedEvent) this.collector.find(id);
		assertThat(event.journalId()).isEqualTo("j-1");
		assertThat(event.approvalId()).isEqualTo("a-1");
		assertThat(event.denied()).isTrue();
		assertThat(event.approved()).isFalse();
		assertThat(event.resolvedBy()).isEqualTo("alice");
	}

	@Test
	void unknownTypeIsAcceptedAsUnknownEvent() throws Exception {
		String id = WebhookRequests.newEventId();
		HttpResponse<String> response = this.requests.postSigned(id,
				WebhookRequests.body(id, "platform.something_new", "{\"x\":1}"));
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(this.collector.find(id)).isInstanceOf(UnknownWebhookEvent.class)
			.extracting(SpecoraWebhookEvent::eventType)
			.isEqualTo("platform.something_new");
	}

	@Test
	void failingListenerStillAnswers204() throws Exception {
		int before = this.collector.failures.get();
		String id = WebhookRequests.newEventId();
		HttpResponse<String> response = this.requests.postSigned(id,
				WebhookRequests.body(id, "platform.sla_breach", "{}"));
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(this.collector.failures.get()).isEqualTo(before + 1);
	}

	@Test
	void replayedEventIs409() throws Exception {
		String id = WebhookRequests.newEventId();
		String body = WebhookRequests.body(id, "platform.drift_detected", "{}");
		assertThat(this.requests.postSigned(id, body).statusCode()).isEqualTo(204);
		HttpResponse<String> replay = this.requests.postSigned(id, body);
		assertThat(replay.statusCode()).isEqualTo(409);
		assertThat(this.collector.events.stream().filter((event) -> event.eventId().equals(id))).hasSize(1);
	}

	@Test
	void malformedSignedBodyIs400() throws Exception {
		String id = WebhookRequests.newEventId();
		HttpResponse<String> response = this.requests.postSigned(id, "{\"event_id\":\"" + id + "\",");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("malformed_event");
		assertThat(this.collector.find(id)).isNull();
	}

	@Test
	void badSignatureIs401WithoutDetail() throws Exception {
		String id = WebhookRequests.newEventId();
		byte[] body = WebhookRequests.body(id, "platform.budget_breach", "{}").getBytes(StandardCharsets.UTF_8);
		long now = WebhookRequests.now();
		HttpResponse<String> response = this.requests.post(id, Long.toString(now),
				WebhookSignatures.sign("another-secret", now, body), body);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(INVALID_SIGNATURE);
		assertThat(this.collector.find(id)).isNull();
	}

	@Test
	void missingHeadersAre401() throws Exception {
		String id = WebhookRequests.newEventId();
		HttpResponse<String> response = this.requests
			.postWithoutHeaders(WebhookRequests.body(id, "platform.budget_breach", "{}").getBytes(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(INVALID_SIGNATURE);
	}

	@Test
	void staleTimestampIs401WithoutDetail() throws Exception {
		String id = WebhookRequests.newEventId();
		byte[] body = WebhookRequests.body(id, "platform.budget_breach", "{}").getBytes(StandardCharsets.UTF_8);
		long stale = WebhookRequests.now() - 3600;
		HttpResponse<String> response = this.requests.post(id, Long.toString(stale),
				WebhookSignatures.sign(WebhookRequests.SECRET, stale, body), body);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(INVALID_SIGNATURE);
	}

	@Test
	void bodyOverLimitWithContentLengthIs413() throws Exception {
		byte[] body = oversizedBody();
		long now = WebhookRequests.now();
		HttpResponse<String> response = this.requests.post("evt_large", Long.toString(now),
				WebhookSignatures.sign(WebhookRequests.SECRET, now, body), body);
		assertThat(response.statusCode()).isEqualTo(413);
	}

	@Test
	void chunkedBodyOverLimitIs413() throws Exception {
		byte[] body = oversizedBody();
		long now = WebhookRequests.now();
		HttpResponse<String> response = this.requests.postChunked("evt_large_chunked", Long.toString(now),
				WebhookSignatures.sign(WebhookRequests.SECRET, now, body), body);
		assertThat(response.statusCode()).isEqualTo(413);
	}

	@Test
	void chunkedBodyWithinLimitIsAccepted() throws Exception {
		String id = WebhookRequests.newEventId();
		byte[] body = WebhookRequests.body(id, "platform.risk_score_changed", "{}").getBytes(StandardCharsets.UTF_8);
		long now = WebhookRequests.now();
		HttpResponse<String> response = this.requests.postChunked(id, Long.toString(now),
				WebhookSignatures.sign(WebhookRequests.SECRET, now, body), body);
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(this.collector.find(id)).isInstanceOf(RiskScoreChangedEvent.class);
	}

	@Test
	void signatureOnASecondHeaderLineIsAccepted() throws Exception {
		String id = WebhookRequests.newEventId();
		byte[] body = WebhookRequests.body(id, "platform.budget_breach", "{}").getBytes(StandardCharsets.UTF_8);
		long now = WebhookRequests.now();
		HttpResponse<String> response = this.requests.postWithSignatureLines(id, Long.toString(now),
				List.of(WebhookSignatures.sign("another-secret", now, body),
						WebhookSignatures.sign(WebhookRequests.SECRET, now, body)),
				body);
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(this.collector.find(id)).isInstanceOf(BudgetBreachEvent.class);
	}

	@Test
	void moreThanEightSignaturesAre401EvenWithAValidOne() throws Exception {
		String id = WebhookRequests.newEventId();
		byte[] body = WebhookRequests.body(id, "platform.budget_breach", "{}").getBytes(StandardCharsets.UTF_8);
		long now = WebhookRequests.now();
		List<String> lines = new ArrayList<>();
		lines.add(WebhookSignatures.sign(WebhookRequests.SECRET, now, body));
		for (int i = 0; i < 4; i++) {
			lines.add(WebhookSignatures.sign("other-" + i, now, body) + ", v0=unused");
		}
		HttpResponse<String> response = this.requests.postWithSignatureLines(id, Long.toString(now), lines, body);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(INVALID_SIGNATURE);
		assertThat(this.collector.find(id)).isNull();
	}

	private static byte[] oversizedBody() {
		byte[] padding = new byte[MAX_BODY_SIZE * 2];
		Arrays.fill(padding, (byte) 'a');
		String body = WebhookRequests.body("evt_large", "platform.budget_breach",
				"{\"padding\":\"" + new String(padding, StandardCharsets.US_ASCII) + "\"}");
		return body.getBytes(StandardCharsets.UTF_8);
	}

	record Budget(String budgetId, double spent) {
	}

}
