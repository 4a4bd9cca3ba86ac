package ai.specora.spring.webhook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ai.specora.client.webhook.WebhookSignatures;
import ai.specora.client.webhook.WebhookVerifier;

/**
 * Sends signed (or deliberately broken) webhook requests over HTTP/1.1 to an endpoint
 * on loopback.
 */
final class WebhookRequests {

	static final String SECRET = "whsec_endpoint_test_secret";

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI uri;

	WebhookRequests(int port, String path) {
		this.uri = URI.create("http://127.0.0.1:" + port + path);
	}

	static String newEventId() {
		return "evt_" + UUID.randomUUID();
	}

	static String body(String eventId, String eventType, String data) {
		return "{\"event_id\":\"" + eventId + "\",\"event_type\":\"" + eventType
				+ "\",\"created_at\":\"2026-11-21T21:59:00Z\",\"org_id\":\"org-1\",\"data\":" + data + "}";
	}

	static long now() {
		return Instant.now().getEpochSecond();
	}

	HttpResponse<String> postSigned(String eventId, String body) throws IOException, InterruptedException {
		long timestamp = now();
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return post(eventId, Long.toString(timestamp), WebhookSignatures.sign(SECRET, timestamp, bytes), bytes);
	}

	HttpResponse<String> post(String eventId, String timestamp, String signature, byte[] body)
			throws IOException, InterruptedException {
		return send(request(eventId, timestamp, signature).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/** Posts with the signature header sent once per given line, in order. */
	HttpResponse<String> postWithSignatureLines(String eventId, String timestamp, List<String> signatureLines,
			byte[] body) throws IOException, InterruptedException {
		HttpRequest.Builder builder = request(eventId, timestamp, null);
		signatureLines.forEach((line) -> builder.header(WebhookVerifier.SIGNATURE_HEADER, line));
		return send(builder.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/** Posts without a Content-Length header (chunked transfer encoding). */
	HttpResponse<String> postChunked(String eventId, String timestamp, String signature, byte[] body)
			throws IOException, InterruptedException {
		return send(request(eventId, timestamp, signature)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
	}

	HttpResponse<String> postWithoutHeaders(byte[] body) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(this.uri)
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	HttpResponse<String> get() throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(this.uri).timeout(Duration.ofSeconds(20)).GET());
	}

	HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String eventId, String timestamp, String signature) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(this.uri)
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json");
		if (eventId != null) {
			builder.header(WebhookVerifier.EVENT_ID_HEADER, eventId);
		}
		if (timestamp != null) {
			builder.header(WebhookVerifier.TIMESTAMP_HEADER, timestamp);
		}
		if (signature != null) {
			builder.header(WebhookVerifier.SIGNATURE_HEADER, signature);
		}
		return builder;
	}

}
