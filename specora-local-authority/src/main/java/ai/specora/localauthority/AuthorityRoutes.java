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

	private static final String VENDOR_HEADER = "X-Specora-Vendor-Id";

	private static final String TENANT_HEADER = "X-Specora-Tenant-Id";

	private static final String KEY_ID_HEADER = "X-Specora-Key-Id";

	private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

	private static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");

	private final AuthorityEngine engine;

	private final PlatformEngine platform;

	private final JsonMapper mapper;

	private final byte[] apiKey;

	private final String vendorId;

	private final String tenantId;

	AuthorityRoutes(AuthorityEngine engine, PlatformEngine platform, JsonMapper mapper,
			LocalAuthoritySettings settings) {
		this.engine = engine;
		this.platform = platform;
		this.mapper = mapper;
		this.apiKey = settings.apiKey().getBytes(StandardCharsets.UTF_8);
		this.vendorId = settings.vendorId();
		this.tenantId = settings.tenantId();
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
			.POST("/v1/platform/policy/check", modelB((request, tenancy, body) -> this.platform
				.checkPolicy(PlatformRequests.policyCheck(body(body)))))
			.POST("/v1/platform/budget/validate", modelB((request, tenancy, body) -> this.platform
				.validateBudget(Requests.budgetScope(body.isBlank() ? this.mapper.createObjectNode() : body(body)))))
			.POST("/v1/platform/executions", modelB((request, tenancy, body) -> this.platform
				.recordExecution(PlatformRequests.execution(body(body)), idempotencyKey(request))))
			.POST("/v1/platform/assumptions/validate", modelB((request, tenancy, body) -> this.platform
				.validateAssumptions(PlatformRequests.assumptions(body(body)))))
			.POST("/v1/platform/evidence/bundles", modelB((request, tenancy, body) -> this.platform
				.createEvidenceBundle(PlatformRequests.evidence(body(body)), tenancy.vendorId(), tenancy.tenantId(),
						idempotencyKey(request))))
			.GET("/v1/platform/evidence/bundles/{bundle_id}", this::evidenceBundle)
			.GET("/v1/platform/evidence/signing-key", (request) -> ServerResponse.ok()
				.contentType(PEM)
				.header(KEY_ID_HEADER, this.platform.signer().publicKey().keyId())
				.bodyValue(this.platform.signer().publicKey().toPem().getBytes(StandardCharsets.US_ASCII)))
			.GET("/v1/platform/risk-score", (request) -> respond(Mono.fromSupplier(this.engine::riskScore)))
			.POST("/v1/platform/preauthorize", (request) -> respond(body(request).map((body) -> this.platform
				.preauthorize(PlatformRequests.preauthorize(body), idempotencyKey(request)))))
			.POST("/v1/platform/proxy/execute", (request) -> respond(body(request).map((body) -> this.platform
				.proxyExecute(PlatformRequests.proxyExecute(body), idempotencyKey(request)))))
			.GET("/v1/platform/preferences", (request) -> respond(Mono.fromSupplier(() -> this.platform
				.preferences(PlatformRequests.workflowType(request.queryParam("workflow_type").orElse(null),
						"workflow_type")))))
			.POST("/v1/platform/preferences/resolve", (request) -> respond(body(request)
				.map((body) -> this.platform.resolvePreference(PlatformRequests.resolve(body)))))
			.GET("/local/evidence/{bundle_id}", this::bundleZip)
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

	/** A bundle's ZIP, for its Model B tenant. */
	private Mono<ServerResponse> evidenceBundle(ServerRequest request) {
		if (tenancy(request).vendorId() == null) {
			throw modelBOnly();
		}
		return bundleZip(request);
	}

	private Mono<ServerResponse> bundleZip(ServerRequest request) {
		String bundleId = request.pathVariable("bundle_id");
		return Mono
			.fromSupplier(() -> this.platform.evidenceBundle(bundleId)
				.orElseThrow(() -> LocalAuthorityException.notFound("evidence bundle " + bundleId + " not found")))
			.flatMap((bytes) -> ServerResponse.ok()
				.contentType(ZIP)
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + bundleId + ".zip\"")
				.bodyValue(bytes));
	}

	private Mono<ServerResponse> guard(ServerRequest request, HandlerFunction<ServerResponse> next) {
		Mono<ServerResponse> response = isAuthorized(request) ? Mono.defer(() -> {
			tenancy(request);
			return next.handle(request);
		}) : Mono.error(new LocalAuthorityException(401, "unauthorized", "missing or invalid API key", null));
		return response.onErrorResume((ex) -> error(request, ex));
	}

	/**
	 * The Model B headers of a request: both or neither, and the configured ones when
	 * the settings name them.
	 */
	private Tenancy tenancy(ServerRequest request) {
		String vendor = request.headers().firstHeader(VENDOR_HEADER);
		String tenant = request.headers().firstHeader(TENANT_HEADER);
		if ((vendor == null) != (tenant == null)) {
			String missing = (vendor == null) ? VENDOR_HEADER : TENANT_HEADER;
			throw new LocalAuthorityException(400, "validation_error", VENDOR_HEADER + " and " + TENANT_HEADER
					+ " are sent both or neither: " + missing + " is missing", Map.of("field", missing));
		}
		if (vendor != null && (vendor.isBlank() || tenant.isBlank())) {
			throw new LocalAuthorityException(400, "validation_error",
					VENDOR_HEADER + " and " + TENANT_HEADER + " must not be blank",
					Map.of("field", vendor.isBlank() ? VENDOR_HEADER : TENANT_HEADER));
		}
		if (vendor != null && this.vendorId != null
				&& (!this.vendorId.equals(vendor) || !this.tenantId.equals(tenant))) {
			throw new LocalAuthorityException(403, "forbidden", "this key has no access to vendor " + vendor
					+ " and tenant " + tenant, Map.of("field", VENDOR_HEADER));
		}
		return new Tenancy(vendor, tenant);
	}

	/**
	 * A Model-B-only endpoint: a request without the vendor and tenant headers is 400
	 * {@code validation_error} before its body is read.
	 */
	private HandlerFunction<ServerResponse> modelB(ModelBHandler handler) {
		return (request) -> {
			Tenancy tenancy = tenancy(request);
			if (tenancy.vendorId() == null) {
				throw modelBOnly();
			}
			return respond(request.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map((body) -> handler.handle(request, tenancy, body)));
		};
	}

	private static LocalAuthorityException modelBOnly() {
		return new LocalAuthorityException(400, "validation_error", "this call is Model B only: send " + VENDOR_HEADER
				+ " and " + TENANT_HEADER + " (the client's vendor and tenant ids)",
				Map.of("field", VENDOR_HEADER, "model", "B"));
	}

	private JsonNode body(String body) {
		return Requests.parse(this.mapper, body);
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

	/** The Model B identity of a request; both {@code null} in Model A. */
	private record Tenancy(String vendorId, String tenantId) {
	}

	/** A Model-B-only endpoint's work on the raw body. */
	@FunctionalInterface
	private interface ModelBHandler {

		Object handle(ServerRequest request, Tenancy tenancy, String body);

	}

}
