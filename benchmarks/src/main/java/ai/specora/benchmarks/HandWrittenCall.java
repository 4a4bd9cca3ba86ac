package ai.specora.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The yardstick of the client benchmarks: the enforce exchange as an application would
 * write it by hand with a {@link WebClient}, a {@code Map} body decoded to a
 * {@code Map}, the same for every benchmark that compares against it.
 */
final class HandWrittenCall {

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private HandWrittenCall() {
	}

	/**
	 * The enforce POST of one call, with a request id of its own.
	 * @param webClient a client whose base URL is the authority's
	 * @return the decoded response, when subscribed
	 */
	static Mono<Map<String, Object>> enforce(WebClient webClient) {
		String requestId = UUID.randomUUID().toString();
		Map<String, Object> body = new HashMap<>();
		body.put("request_id", requestId);
		body.put("org_id", Contexts.ORG_ID);
		body.put("action_type", "db_write");
		body.put("scope", Map.of("table", "users"));
		body.put("args", Map.of("value", 1));
		body.put("estimated_cost", 0.02);
		body.put("estimated_volume", 1);
		body.put("is_write_op", true);
		return webClient.post()
			.uri("/v1/runtime/enforce")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Idempotency-Key", requestId)
			.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
			.bodyValue(body)
			.retrieve()
			.bodyToMono(MAP);
	}

}
