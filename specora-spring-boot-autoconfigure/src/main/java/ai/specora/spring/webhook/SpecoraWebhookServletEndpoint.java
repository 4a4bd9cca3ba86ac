package ai.specora.spring.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

import ai.specora.client.webhook.WebhookVerifier;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The webhook endpoint for Spring MVC: a {@code POST} route that reads the raw request
 * body, at most the configured maximum size, and answers as the
 * {@link SpecoraWebhookHandler} decides. A request whose {@code Content-Length} is over
 * the maximum is refused with 413 before its body is read. A header sent on several
 * lines is read as all its lines joined ({@link WebhookVerifier#joinFieldLines}), so a
 * signature on any line of {@code X-Specora-Signature} counts.
 */
public final class SpecoraWebhookServletEndpoint {

	private final SpecoraWebhookHandler handler;

	/**
	 * Creates an endpoint.
	 * @param handler verifies and publishes the events
	 */
	public SpecoraWebhookServletEndpoint(SpecoraWebhookHandler handler) {
		this.handler = Objects.requireNonNull(handler, "handler must not be null");
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
	 * @throws IOException if the body cannot be read
	 */
	public ServerResponse handle(ServerRequest request) throws IOException {
		int max = this.handler.maxBodySize();
		long contentLength = request.headers().contentLength().orElse(-1);
		if (contentLength > max) {
			return toServerResponse(WebhookResponse.TOO_LARGE);
		}
		byte[] body;
		try (InputStream in = request.servletRequest().getInputStream()) {
			body = in.readNBytes(max + 1);
		}
		if (body.length > max) {
			return toServerResponse(WebhookResponse.TOO_LARGE);
		}
		ServerRequest.Headers headers = request.headers();
		return toServerResponse(
				this.handler.handle(body, (name) -> WebhookVerifier.joinFieldLines(headers.header(name))));
	}

	private static ServerResponse toServerResponse(WebhookResponse response) {
		if (!response.hasBody()) {
			return ServerResponse.status(response.status()).build();
		}
		return ServerResponse.status(response.status()).contentType(MediaType.APPLICATION_JSON).body(response.body());
	}

}
