package ai.specora.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP calls to the running application, with generous timeouts.
 */
final class HttpTestClient {

	static final Duration TIMEOUT = Duration.ofSeconds(120);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String baseUrl;

	HttpTestClient(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	Reply get(String path) throws IOException, InterruptedException {
		return send("GET", path, null).join();
	}

	Reply post(String path, String body) throws IOException, InterruptedException {
		return send("POST", path, body).join();
	}

	Reply delete(String path) throws IOException, InterruptedException {
		return send("DELETE", path, null).join();
	}

	CompletableFuture<Reply> send(String method, String path, String body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody())
			.build();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
			.thenApply((response) -> new Reply(response.statusCode(),
					response.headers().firstValue("Content-Type").orElse(""), response.body(),
					(response.body().startsWith("{") || response.body().startsWith("["))
							? this.json.readTree(response.body()) : null));
	}

	record Reply(int status, String contentType, String text, JsonNode json) {

		String field(String name) {
			JsonNode value = this.json.get(name);
			return (value != null && !value.isNull()) ? value.asString() : null;
		}

	}

}
