package ai.specora.localauthority;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the tests, speaking to a local authority over 127.0.0.1. It
 * sends the Model B headers ({@link #VENDOR_ID}, {@link #TENANT_ID}) unless made with
 * {@link #modelA()}.
 */
final class AuthorityClient {

	static final String VENDOR_ID = "7a1e3c5d-0000-4000-8000-00000000000b";

	static final String TENANT_ID = "7a1e3c5d-0000-4000-8000-00000000000c";

	static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(30))
		.build();

	private final String baseUrl;

	private final String apiKey;

	private final boolean modelB;

	AuthorityClient(String baseUrl, String apiKey) {
		this(baseUrl, apiKey, true);
	}

	private AuthorityClient(String baseUrl, String apiKey, boolean modelB) {
		this.baseUrl = baseUrl;
		this.apiKey = apiKey;
		this.modelB = modelB;
	}

	/**
	 * The same client without the Model B headers.
	 */
	AuthorityClient modelA() {
		return new AuthorityClient(this.baseUrl, this.apiKey, false);
	}

	AuthorityClient(LocalAuthority authority) {
		this(authority.baseUrl(), authority.settings().apiKey());
	}

	Reply get(String path) {
		return send(request(path).GET().build());
	}

	Reply post(String path, Object body, String... headers) {
		String json = (body instanceof String text) ? text : JSON.writeValueAsString(body);
		HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	Reply enforce(String actionType, BigDecimal cost) {
		return post("/v1/runtime/enforce", enforceBody(actionType, cost, Map.of()));
	}

	Reply enforce(String actionType, BigDecimal cost, Map<String, String> scope) {
		return post("/v1/runtime/enforce", enforceBody(actionType, cost, scope));
	}

	Reply complete(String journalId, String status, BigDecimal costActual) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("request_id", UUID.randomUUID().toString());
		body.put("journal_id", journalId);
		body.put("status", status);
		body.put("cost_actual", costActual);
		return post("/v1/runtime/complete", body);
	}

	Reply journal(String journalId) {
		return get("/v1/runtime/journal/" + journalId);
	}

	static Map<String, Object> enforceBody(String actionType, BigDecimal cost, Map<String, String> scope) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("request_id", UUID.randomUUID().toString());
		body.put("action_type", actionType);
		body.put("scope", scope);
		body.put("estimated_cost", cost);
		return body;
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(60));
		if (this.apiKey != null) {
			builder.header("Authorization", "Bearer " + this.apiKey);
		}
		if (this.modelB) {
			builder.header("X-Specora-Vendor-Id", VENDOR_ID).header("X-Specora-Tenant-Id", TENANT_ID);
		}
		return builder;
	}

	/**
	 * Sends a GET and answers the raw body bytes.
	 */
	byte[] getBytes(String path) {
		try {
			return this.http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Reply send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			String body = response.body();
			JsonNode json = (body == null || body.isEmpty()) ? null : JSON.readTree(body);
			return new Reply(response.statusCode(), json, response.headers().firstValue("X-Request-Id").orElse(null),
					body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A response: status, JSON body and request id.
	 */
	record Reply(int status, JsonNode body, String requestId, String raw) {

		String text(String field) {
			JsonNode node = this.body.get(field);
			return (node == null || node.isNull()) ? null : node.asString();
		}

		BigDecimal decimal(String field) {
			JsonNode node = this.body.get(field);
			return (node == null || node.isNull()) ? null : node.decimalValue();
		}

		String errorCode() {
			return this.body.get("error").get("code").asString();
		}

		String errorMessage() {
			return this.body.get("error").get("message").asString();
		}

	}

}
