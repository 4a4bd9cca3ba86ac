package ai.specora.sample.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import ai.specora.localauthority.LocalAuthority;
import ai.specora.localauthority.PendingApproval;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every demo step does to talk to the application and to wait for an approval:
 * JSON requests to the application's HTTP API, each printed and bounded by the demo's
 * timeout, and the wait for a pending approval at the local authority.
 */
final class DemoHttp {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

	private final String baseUrl;

	private final DemoConsole console;

	private final Duration timeout;

	private final HttpClient http;

	private final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	DemoHttp(String baseUrl, DemoConsole console, Duration timeout) {
		this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl must not be null");
		this.console = Objects.requireNonNull(console, "console must not be null");
		this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	/**
	 * Prints the request, sends it and waits for the response.
	 */
	/**
	 * The application's base URL.
	 */
	String baseUrl() {
		return this.baseUrl;
	}

	Reply call(String method, String path, String body) throws InterruptedException {
		return await(send(method, path, body));
	}

	/**
	 * Prints the request and sends it without waiting: for calls that wait for an
	 * approval the demo gives meanwhile.
	 */
	CompletableFuture<Reply> send(String method, String path, String body) {
		this.console.request(method, path, body);
		return sendQuietly(method, path, body);
	}

	/**
	 * Sends a request without printing it: for the demo's own look-ups.
	 */
	CompletableFuture<Reply> sendQuietly(String method, String path, String body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
					: HttpRequest.BodyPublishers.noBody())
			.build();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
			.thenApply((response) -> new Reply(response.statusCode(), parse(response.body())));
	}

	/**
	 * Waits for a response sent before, at most the demo's timeout.
	 */
	Reply await(CompletableFuture<Reply> reply) throws InterruptedException {
		try {
			return reply.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new DemoStepException("the request failed: " + ex.getCause(), ex.getCause());
		}
		catch (TimeoutException ex) {
			reply.cancel(true);
			throw new DemoStepException("no response within " + this.timeout, ex);
		}
	}

	/**
	 * Waits, at most the demo's timeout, until the authority has an approval pending for
	 * an action type.
	 */
	PendingApproval awaitPendingApproval(LocalAuthority authority, String actionType) throws InterruptedException {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		while (System.nanoTime() < deadline) {
			Optional<PendingApproval> approval = authority.pendingApprovals()
				.stream()
				.filter((candidate) -> candidate.actionType().equals(actionType))
				.findFirst();
			if (approval.isPresent()) {
				return approval.get();
			}
			Thread.sleep(POLL_INTERVAL.toMillis());
		}
		throw new DemoStepException("no " + actionType + " approval was pending within " + this.timeout);
	}

	/**
	 * Writes a JSON object with one text field.
	 */
	String object(String field, String value) {
		return this.json.createObjectNode().put(field, value).toString();
	}

	private JsonNode parse(String body) {
		if (body == null || body.isBlank()) {
			return this.json.createObjectNode();
		}
		return this.json.readTree(body);
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && !value.isNull()) ? value.asString() : null;
	}

	/**
	 * A response of the application.
	 *
	 * @param status the HTTP status
	 * @param body the JSON body, an empty object when there was none
	 */
	record Reply(int status, JsonNode body) {

		String text(String field) {
			return DemoHttp.text(this.body, field);
		}

	}

}
