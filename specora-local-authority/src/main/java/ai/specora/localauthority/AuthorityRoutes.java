package ai.specora.localauthority;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The HTTP endpoints of the local authority as WebFlux functional routes. Every route
 * requires the bearer API key; every failure answers with the protocol's error body.
 */
final class AuthorityRoutes {

	static final String PROTOCOL_VERSION = "1.0";

	private static final String BEARER_PREFIX = "bearer ";

	private static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

	private static final Logger logger = LoggerFactory.getLogger(AuthorityRoutes.class);

	private final AuthorityEngine engine;

	private final JsonMapper mapper;

	private final byte[] apiKey;

	AuthorityRoutes(AuthorityEngine engine, JsonMapper mapper, String apiKey) {
		this.engine = engine;
		this.mapper = mapper;
		this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
	}

	RouterFunction<ServerResponse> router() {
		return RouterFunctions.route()
			.GET("/v1/health", (request) -> json(200, new Wire.Health("ok", PROTOCOL_VERSION)))
			.POST("/v1/runtime/enforce", (request) -> respond(body(request)
				.map((body) -> this.engine.enforce(Requests.enforce(body, true, idempotencyKey(request))))))
			.POST("/v1/runtime/simulate", (request) -> respond(body(request)
				.map((body) -> this.engine.simulate(Requests.enforce(body, false, idempotencyKey(request))))))
			.POST("/v1/runtime/complete", (request) -> respond(body(request)
				.map((body) -> this.engine.complete(Requests.complete(body, idempotencyKey(request))))))
			.GET("/v1/runtime/journal/{journal_id}",
					(request) -> respond(Mono.fromSupplier(() -> this.engine.journal(request.pathVariable("journal_id")))))
			.POST("/v1/platform/budget/validate",
					(request) -> respond(bodyOrEmpty(request).map((body) -> this.engine.validateBudget(Requests.budgetScope(body)))))
			.GET("/v1/platform/risk-score", (request) -> respond(Mono.fromSupplier(this.engine::riskScore)))
			.POST("/v1/platform/preauthorize",
					(request) -> respond(body(request).map((body) -> this.engine.preauthorize(Requests.preauthorize(body)))))
			.GET("/local/approvals", (request) -> respond(Mono.fromSupplier(() -> new Wire.PendingApprovals(
					this.engine.pendingApprovals().stream().map(Wire.PendingApprovalView::of).toList()))))
			.POST("/local/approvals/{approval_id}", (request) -> respond(body(request).map((body) -> {
				Requests.ApprovalRequest approval = Requests.approval(body);
				return Wire.ApprovalResolution.of(this.engine.resolve(request.pathVariable("approval_id"),
						approval.approve(), approval.resolvedBy()));
			})))
			.route(RequestPredicates.all(), (request) -> Mono.error(LocalAuthorityException
				.notFound("no endpoint " + request.method() + " " + request.path())))
			.filter(this::guard)
			.build();
	}

	private Mono<ServerResponse> guard(ServerRequest request, HandlerFunction<ServerResponse> next) {
		Mono<ServerResponse> response = isAuthorized(request) ? Mono.defer(() -> next.handle(request))
				: Mono.error(new LocalAuthorityException(401, "unauthorized", "missing or invalid API key", null));
		return response.onErrorResume((ex) -> error(request, ex));
	}

	private boolean isAuthorized(ServerRequest request) {
		String authorization = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || authorization.length() <= BEARER_PREFIX.length()
				|| !authorization.regionMatches(true, 0, BEARER_PREFIX, 0, BEARER_PREFIX.length())) {
			return false;
		}
		byte[] presented = authorization.substring(BEARER_PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(presented, this.apiKey);
	}

	private static String idempotencyKey(ServerRequest request) {
		return request.headers().firstHeader(IDEMPOTENCY_KEY_HEADER);
	}

	private Mono<JsonNode> body(ServerRequest request) {
		return request.bodyToMono(String.class).defaultIfEmpty("").map((body) -> Requests.parse(this.mapper, body));
	}

	private Mono<JsonNode> bodyOrEmpty(ServerRequest request) {
		return request.bodyToMono(String.class)
			.defaultIfEmpty("")
			.map((body) -> body.isBlank() ? this.mapper.createObjectNode() : Requests.parse(this.mapper, body));
	}

	private Mono<ServerResponse> respond(Mono<?> result) {
		return result.flatMap((value) -> json(200, value));
	}

	private Mono<ServerResponse> json(int status, Object value) {
		return ServerResponse.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(this.mapper.writeValueAsBytes(value));
	}

	private Mono<ServerResponse> error(ServerRequest request, Throwable ex) {
		if (ex instanceof LocalAuthorityException refused) {
			if (logger.isDebugEnabled()) {
				logger.debug("{} {} refused: {} {}", request.method(), request.path(), refused.getStatus(),
						refused.getCode());
			}
			return errorBody(refused.getStatus(), refused.getCode(), refused.getMessage(), refused.getDetails());
		}
		if (ex instanceof DataBufferLimitException) {
			return errorBody(413, "payload_too_large", "request body is too large", Map.of());
		}
		logger.error("{} {} failed", request.method(), request.path(), ex);
		return errorBody(500, "internal_error", "internal error", Map.of());
	}

	private Mono<ServerResponse> errorBody(int status, String code, String message, Map<String, Object> details) {
		return json(status, new Wire.ErrorBody(new Wire.ErrorDetail(code, message, details)));
	}

}
