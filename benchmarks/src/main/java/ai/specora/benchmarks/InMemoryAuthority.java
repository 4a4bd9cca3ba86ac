package ai.specora.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.mock.http.client.reactive.MockClientHttpResponse;

/**
 * An authority in memory: a {@link ClientHttpConnector} that writes the request body,
 * reads it whole, and answers a canned allow (or a completion acknowledgement) that
 * echoes the request id sent and has a journal id of its own, so that no network is
 * involved.
 */
public final class InMemoryAuthority implements ClientHttpConnector {

	private static final String ALLOW_PREFIX = "{\"decision\":\"allow\",\"journal_id\":\"jrn_";

	private static final String ALLOW_MIDDLE = "\",\"request_id\":\"";

	private static final String ALLOW_SUFFIX = "\",\"blocked_reason\":null,\"approval_source\":null,"
			+ "\"approval_id\":null,\"policy_id\":\"pol_1\",\"reservation_id\":\"res_1\",\"source\":\"authority\","
			+ "\"expires_at\":\"2026-11-21T22:00:00Z\"}";

	private static final byte[] COMPLETED = "{\"journal_id\":\"jrn_1\",\"status\":\"success\",\"recorded\":true}"
		.getBytes(StandardCharsets.UTF_8);

	/** The base URL the clients are given; nothing listens there. */
	public static final String BASE_URL = "http://127.0.0.1:9";

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		MockClientHttpRequest request = new MockClientHttpRequest(method, uri);
		int[] written = new int[1];
		request.setWriteHandler((body) -> DataBufferUtils.join(body).doOnNext((buffer) -> {
			written[0] = buffer.readableByteCount();
			DataBufferUtils.release(buffer);
		}).then());
		return requestCallback.apply(request).then(Mono.fromSupplier(() -> respond(request, written[0])));
	}

	private static ClientHttpResponse respond(MockClientHttpRequest request, int written) {
		if (written == 0 && request.getMethod() == HttpMethod.POST) {
			throw new IllegalStateException("no request body was written");
		}
		MockClientHttpResponse response = new MockClientHttpResponse(HttpStatus.OK);
		response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		response.getHeaders().set("X-Request-Id", "req_srv_1");
		byte[] body = request.getURI().getPath().endsWith("/complete") ? COMPLETED
				: allow(request.getHeaders().getFirst("Idempotency-Key"));
		DataBuffer buffer = DefaultDataBufferFactory.sharedInstance.wrap(body);
		response.setBody(Mono.just(buffer));
		response.getHeaders().setContentLength(body.length);
		return response;
	}

	private static byte[] allow(String requestId) {
		return (ALLOW_PREFIX + requestId + ALLOW_MIDDLE + requestId + ALLOW_SUFFIX).getBytes(StandardCharsets.UTF_8);
	}

}
