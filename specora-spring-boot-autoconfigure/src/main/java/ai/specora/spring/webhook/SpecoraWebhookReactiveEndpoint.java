package ai.specora.spring.webhook;

import java.util.Objects;

import ai.specora.client.webhook.WebhookVerifier;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The webhook endpoint for Spring WebFlux: a {@code POST} route that collects the raw
 * request body without blocking, never more than the configured maximum size, and
 * answers as the {@link SpecoraWebhookHandler} decides. A request whose
 * {@code Content-Length} is over the maximum is refused with 413 before its body is
 * read. A header sent on several lines is read as all its lines joined
 * ({@link WebhookVerifier#joinFieldLines}). The handler runs on a scheduler for blocking work (by default
 * {@link Schedulers#boundedElastic()}), since the replay store may call Redis.
 */
public final class SpecoraWebhookReactiveEndpoint {

	private final SpecoraWebhookHandler handler;

	private final Scheduler scheduler;

	/**
	 * Creates an endpoint that runs the handler on {@link Schedulers#boundedElastic()}.
	 * @param handler verifies and publishes the events
	 */
	public SpecoraWebhookReactiveEndpoint(SpecoraWebhookHandler handler) {
		this(handler, Schedulers.boundedElastic());
	}

	/**
	 * Creates an endpoint.
	 * @param handler verifies and publishes the events
	 * @param scheduler where the handler runs
	 */
	public SpecoraWebhookReactiveEndpoint(SpecoraWebhookHandler handler, Scheduler scheduler) {
		this.handler = Objects.requireNonNull(handler, "handler must not be null");
		this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
	}

	/**
	 * Returns a router function that routes {@code POST path} to this endpoint.
	 * @param path the path of the endpoint, such as {@code /specora/webhooks}
	 * @return the router function
	 */
	public RouterFunction<ServerResponse> routerFunction(String path) {
		return RouterFunctions.route(RequestPredicates.POST(path), this::handle);
	}

	/**
	 * Handles one request.
	 * @param request the request
	 * @return the response
	 */
	public Mono<ServerResponse> handle(ServerRequest request) {
		int max = this.handler.maxBodySize();
		long contentLength = request.headers().contentLength().orElse(-1);
		if (contentLength > max) {
			return toServerResponse(WebhookResponse.TOO_LARGE);
		}
		HttpHeaders headers = request.headers().asHttpHeaders();
		return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class), max)
			.map(SpecoraWebhookReactiveEndpoint::toBytes)
			.defaultIfEmpty(new byte[0])
			.publishOn(this.scheduler)
			.map((body) -> this.handler.handle(body, (name) -> WebhookVerifier.joinFieldLines(headers.get(name))))
			.onErrorResume(DataBufferLimitException.class, (ex) -> Mono.just(WebhookResponse.TOO_LARGE))
			.flatMap(SpecoraWebhookReactiveEndpoint::toServerResponse);
	}

	private static byte[] toBytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static Mono<ServerResponse> toServerResponse(WebhookResponse response) {
		if (!response.hasBody()) {
			return ServerResponse.status(response.status()).build();
		}
		return ServerResponse.status(response.status())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(response.body());
	}

}
