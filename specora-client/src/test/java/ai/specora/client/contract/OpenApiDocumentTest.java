package ai.specora.client.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests of the OpenAPI copy of the wire protocol and of {@link OpenApiContract}. The
 * example bodies are those of the protocol page, with its elided values ({@code "uuid"},
 * {@code "jrn_…"}) replaced by concrete ones of the right shape.
 */
class OpenApiDocumentTest {

	private static final Map<String, String> PROTOCOL_OPERATIONS = protocolOperations();

	private static final String ENFORCE_REQUEST = """
			{"request_id": "0d4f5b7e-2c1a-4f3b-9e8d-7a6b5c4d3e2f", "org_id": "6f1e2d3c-4b5a-4978-8c6d-5e4f3a2b1c0d",
			 "project_id": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "agent_id": "billing-agent", "action_type": "db_write",
			 "scope": {"table": "users"}, "args": {"where": {"id": 1}},
			 "estimated_cost": 0.02, "estimated_volume": 1, "is_write_op": true}
			""";

	private static final String ENFORCE_RESPONSE = """
			{"decision": "allow", "journal_id": "jrn_7Hq2Kd", "request_id": "0d4f5b7e-2c1a-4f3b-9e8d-7a6b5c4d3e2f",
			 "blocked_reason": null, "approval_source": null, "approval_id": null,
			 "policy_id": "pol_42", "reservation_id": "res_9Xy", "source": "authority",
			 "expires_at": "2026-11-21T22:00:00Z"}
			""";

	private static final String COMPLETE_REQUEST = """
			{"request_id": "3b9a7c1e-5d2f-4e8a-b6c4-1f0e9d8c7b6a", "journal_id": "jrn_7Hq2Kd",
			 "status": "success", "cost_actual": 0.008, "volume_actual": 1,
			 "duration_ms": 412, "error": null}
			""";

	private static final String COMPLETE_RESPONSE = """
			{"journal_id": "jrn_7Hq2Kd", "status": "success", "recorded": true}
			""";

	private static final String JOURNAL_RESPONSE = """
			{"journal_id": "jrn_7Hq2Kd", "decision": "suspend", "status": "pending",
			 "approval_state": "approved", "approval_id": "apr_1", "completed_status": null,
			 "cost_actual": null, "created_at": "2026-11-21T21:58:00Z", "updated_at": "2026-11-21T21:59:30Z"}
			""";

	private static final String WEBHOOK_EVENT = """
			{"event_id": "evt_01JD4X8Q2M", "event_type": "platform.budget_breach",
			 "created_at": "2026-11-21T21:59:00Z", "org_id": "6f1e2d3c-4b5a-4978-8c6d-5e4f3a2b1c0d",
			 "data": {"usage_percent": 104.2}}
			""";

	private final OpenApiContract contract = OpenApiContract.get();

	@Test
	void documentIsOpenApi31() {
		assertThat(this.contract.document().path("openapi").asString()).isEqualTo("3.1.0");
		assertThat(this.contract.document().path("info").path("title").asString()).isNotEmpty();
	}

	@Test
	void contractIsLoadedOnce() {
		assertThat(OpenApiContract.get()).isSameAs(this.contract);
	}

	@Test
	void everyProtocolOperationIsDeclared() {
		assertThat(this.contract.pathTemplates()).containsExactlyInAnyOrderElementsOf(PROTOCOL_OPERATIONS.keySet());
		PROTOCOL_OPERATIONS.forEach((path, method) -> assertThat(this.contract.methods(path)).as(path)
			.containsExactly(method));
	}

	@Test
	void everyRequestIsBearerAuthenticated() {
		JsonNode document = this.contract.document();
		assertThat(document.at("/components/securitySchemes/bearerAuth/type").asString()).isEqualTo("http");
		assertThat(document.at("/components/securitySchemes/bearerAuth/scheme").asString()).isEqualTo("bearer");
		assertThat(document.at("/security/0").has("bearerAuth")).isTrue();
	}

	@Test
	void everyOperationDeclaresTheCommonHeaders() {
		PROTOCOL_OPERATIONS.forEach((path, method) -> {
			Map<String, JsonNode> headers = headerParameters(path, method);
			assertThat(headers).as(method + " " + path)
				.containsKeys("X-Specora-Retry-Count", "X-Specora-Vendor-Id", "X-Specora-Tenant-Id");
			assertThat(headers.get("X-Specora-Retry-Count").path("required").asBoolean()).isTrue();
			if (method.equals("POST")) {
				assertThat(headers).as(method + " " + path).containsKey("Idempotency-Key");
				assertThat(headers.get("Idempotency-Key").path("required").asBoolean()).isTrue();
				assertThat(headers.get("Idempotency-Key").at("/schema/format").asString()).isEqualTo("uuid");
			}
			else {
				assertThat(headers).as(method + " " + path).doesNotContainKey("Idempotency-Key");
			}
		});
	}

	@Test
	void modelBOnlyOperationsRequireVendorAndTenant() {
		List<String> modelB = List.of("/v1/platform/policy/check", "/v1/platform/budget/validate",
				"/v1/platform/executions", "/v1/platform/assumptions/validate", "/v1/platform/evidence/bundles",
				"/v1/platform/evidence/bundles/{bundle_id}");
		PROTOCOL_OPERATIONS.forEach((path, method) -> {
			Map<String, JsonNode> headers = headerParameters(path, method);
			boolean required = modelB.contains(path);
			assertThat(headers.get("X-Specora-Vendor-Id").path("required").asBoolean()).as(path).isEqualTo(required);
			assertThat(headers.get("X-Specora-Tenant-Id").path("required").asBoolean()).as(path).isEqualTo(required);
		});
	}

	@Test
	void everyResponseCarriesTheRequestIdHeader() {
		PROTOCOL_OPERATIONS.forEach((path, method) -> {
			JsonNode responses = operationNode(path, method).path("responses");
			for (String status : responses.propertyNames()) {
				JsonNode response = resolve(responses.path(status));
				assertThat(response.at("/headers/X-Request-Id").isMissingNode()).as(method + " " + path + " " + status)
					.isFalse();
			}
		});
	}

	@Test
	void everyOperationDeclaresItsErrorStatuses() {
		PROTOCOL_OPERATIONS.forEach((path, method) -> assertThat(this.contract.statuses(method, path))
			.as(method + " " + path)
			.contains("200", "401", "403", "408", "429", "500", "502", "503", "504"));
		for (String path : List.of("/v1/runtime/enforce", "/v1/runtime/complete", "/v1/platform/preauthorize")) {
			assertThat(this.contract.statuses("POST", path)).contains("400", "409", "422");
		}
		assertThat(this.contract.statuses("POST", "/v1/runtime/complete")).contains("404");
		assertThat(this.contract.statuses("GET", "/v1/runtime/journal/{journal_id}")).contains("404");
		assertThat(this.contract.statuses("GET", "/v1/platform/evidence/bundles/{bundle_id}")).contains("404");
		assertThat(this.contract.statuses("POST", "/v1/platform/proxy/execute")).contains("402");
		assertThat(this.contract.statuses("POST", "/v1/runtime/enforce")).doesNotContain("402");
		assertThat(this.contract.document().at("/webhooks/specoraEvent/post/responses").propertyNames())
			.containsExactlyInAnyOrder("204", "400", "401", "409", "413", "503");
	}

	@Test
	void everyDeclaredBodySchemaResolvesAndHasRequiredFields() {
		// an empty object, checked against every body schema: a broken $ref would throw
		PROTOCOL_OPERATIONS.forEach((path, method) -> {
			if (method.equals("POST")) {
				List<String> violations = this.contract.validateRequest(method, path, "{}");
				if (path.equals("/v1/platform/budget/validate")) {
					assertThat(violations).as(path).isEmpty();
				}
				else {
					assertThat(violations).as(path).isNotEmpty().allMatch((violation) -> violation.contains("required"));
				}
			}
			for (String status : this.contract.statuses(method, path)) {
				assertThat(this.contract.validateResponse(method, path, Integer.parseInt(status), "{}"))
					.as(method + " " + path + " " + status)
					.isNotEmpty();
			}
		});
		assertThat(this.contract.validateWebhookEvent("{}")).hasSize(5);
	}

	@Test
	void enforceRequestExampleConforms() {
		this.contract.assertValidRequest("POST", "/v1/runtime/enforce", ENFORCE_REQUEST);
		this.contract.assertValidRequest("POST", "/v1/runtime/enforce", """
				{"request_id": "0d4f5b7e-2c1a-4f3b-9e8d-7a6b5c4d3e2f", "org_id": "6f1e2d3c-4b5a-4978-8c6d-5e4f3a2b1c0d",
				 "project_id": null, "agent_id": null, "action_type": "db_write", "scope": {"table": "users"}}
				""");
	}

	@Test
	void enforceResponseExampleConforms() {
		this.contract.assertValidResponse("POST", "/v1/runtime/enforce", 200, ENFORCE_RESPONSE);
	}

	@Test
	void blockAndSuspendResponsesConform() {
		this.contract.assertValidResponse("POST", "/v1/runtime/enforce", 200, """
				{"decision": "block", "journal_id": "jrn_1", "request_id": "r1", "blocked_reason": "budget exhausted",
				 "approval_source": null, "approval_id": null, "policy_id": "pol_1", "reservation_id": null,
				 "source": "authority", "expires_at": null}
				""");
		this.contract.assertValidResponse("POST", "/v1/runtime/enforce", 200, """
				{"decision": "suspend", "journal_id": "jrn_2", "request_id": "r2", "blocked_reason": null,
				 "approval_source": "slack:#sec-approvals", "approval_id": "apr_7", "source": "authority"}
				""");
	}

	@Test
	void simulateExamplesConform() {
		String request = ENFORCE_REQUEST.replace("\"request_id\": \"0d4f5b7e-2c1a-4f3b-9e8d-7a6b5c4d3e2f\", ", "");
		this.contract.assertValidRequest("POST", "/v1/runtime/simulate", request);
		this.contract.assertValidResponse("POST", "/v1/runtime/simulate", 200, """
				{"decision": "block", "journal_id": null, "request_id": null, "blocked_reason": "scope forbidden",
				 "reservation_id": null, "source": "simulation"}
				""");
	}

	@Test
	void completeExamplesConform() {
		this.contract.assertValidRequest("POST", "/v1/runtime/complete", COMPLETE_REQUEST);
		this.contract.assertValidResponse("POST", "/v1/runtime/complete", 200, COMPLETE_RESPONSE);
	}

	@Test
	void journalResponseConformsForTemplateAndConcretePath() {
		this.contract.assertValidResponse("GET", "/v1/runtime/journal/{journal_id}", 200, JOURNAL_RESPONSE);
		this.contract.assertValidResponse("GET", "/v1/runtime/journal/jrn_7Hq2Kd", 200, JOURNAL_RESPONSE);
	}

	@Test
	void healthResponseConforms() {
		this.contract.assertValidResponse("get", "/v1/health", 200, "{\"status\": \"ok\", \"version\": \"1.x\"}");
	}

	@Test
	void webhookEventExampleConforms() {
		this.contract.assertValidWebhookEvent(WEBHOOK_EVENT);
		this.contract.assertValidWebhookEvent("""
				{"event_id": "evt_2", "event_type": "runtime.approval_resolved", "created_at": "2026-11-21T21:59:00Z",
				 "org_id": "6f1e2d3c-4b5a-4978-8c6d-5e4f3a2b1c0d",
				 "data": {"journal_id": "jrn_1", "approval_id": "apr_1", "approval_state": "approved",
				          "resolved_by": "alice@example.com"}}
				""");
	}

	@Test
	void webhookEventOfUnknownTypeConforms() {
		this.contract.assertValidWebhookEvent(WEBHOOK_EVENT.replace("platform.budget_breach", "platform.shiny_new"));
	}

	@Test
	void webhookEndpointResponsesConform() {
		assertThat(this.contract.validateWebhookResponse(204, null)).isEmpty();
		assertThat(this.contract.validateWebhookResponse(204, "{\"received\": true}")).singleElement()
			.asString()
			.contains("has no body");
		assertThat(this.contract.validateWebhookResponse(401,
				"{\"error\": {\"code\": \"unauthorized\", \"message\": \"invalid signature\"}}"))
			.isEmpty();
	}

	@Test
	void errorBodiesConform() {
		this.contract.assertValidResponse("POST", "/v1/runtime/enforce", 409, """
				{"error": {"code": "idempotency_conflict", "message": "request_id reused with a different payload",
				 "details": {"request_id": "0d4f5b7e-2c1a-4f3b-9e8d-7a6b5c4d3e2f"}}}
				""");
		this.contract.assertValidResponse("POST", "/v1/platform/preauthorize", 402, """
				{"error": {"code": "budget_exceeded", "message": "budget exceeded", "details": {"usage_percent": 103.5}}}
				""");
		assertThat(this.contract.validateResponse("POST", "/v1/platform/preauthorize", 402,
				"{\"error\": {\"code\": \"budget_exceeded\", \"message\": \"budget exceeded\"}}"))
			.anySatisfy((violation) -> assertThat(violation).contains("details"));
	}

	@Test
	void platformExamplesConform() {
		this.contract.assertValidRequest("POST", "/v1/platform/policy/check",
				"{\"subject\": {\"type\": \"pr_run\", \"id\": \"run-123\"}, \"inputs\": {}}");
		this.contract.assertValidRequest("POST", "/v1/platform/budget/validate", "{}");
		this.contract.assertValidRequest("POST", "/v1/platform/executions", """
				{"provider": "openai", "model": "gpt-4", "cost_micros": 5000, "input_tokens": 1000,
				 "output_tokens": 500, "duration_ms": 1500, "success": true, "external_run_id": "your-id",
				 "metadata": {"team": "billing"}}
				""");
		this.contract.assertValidRequest("POST", "/v1/platform/assumptions/validate", """
				{"run_id": "run-123", "assumptions": [{"id": "a1", "description": "No breaking changes",
				 "impact_level": "high"}]}
				""");
		this.contract.assertValidRequest("POST", "/v1/platform/evidence/bundles",
				"{\"run_id\": \"run-123\", \"artifact_types\": [\"confidence_report\", \"trace\"], "
						+ "\"include_provenance\": true}");
		this.contract.assertValidRequest("POST", "/v1/platform/preauthorize", """
				{"provider": "anthropic", "model": "claude-sonnet-4-20250514", "estimated_tokens": 2000,
				 "estimated_cost_micros": 500, "routing_hints": {"agent_name": "pr-review-pipeline",
				 "purpose": "summarize", "workflow_type": "review", "fallback_allowed": true}}
				""");
		this.contract.assertValidRequest("POST", "/v1/platform/proxy/execute", """
				{"provider": "openai", "model": "gpt-4", "messages": [{"role": "user", "content": "Hello"}],
				 "max_tokens": 256, "temperature": 0.2, "authorization_id": "auth_1", "routing_hints": {}}
				""");
		this.contract.assertValidRequest("POST", "/v1/platform/preferences/resolve",
				"{\"capabilities\": [\"code_generation\"], \"workflow_type\": \"codegen\"}");
		this.contract.assertValidResponse("POST", "/v1/platform/evidence/bundles", 200,
				"{\"bundle_id\": \"bnd_1\", \"bundle_hash\": \"sha256:" + "ab".repeat(32)
						+ "\", \"storage_path\": \"s3://evidence/bnd_1\"}");
		this.contract.assertValidResponse("GET", "/v1/platform/preferences?workflow_type=codegen", 200, """
				{"preferences": [{"slot": 1, "provider_name": "anthropic", "model_name": "claude-sonnet-4",
				 "capabilities": ["code_generation"]}]}
				""");
	}

	@Test
	void responsesMayCarryUnknownFields() {
		this.contract.assertValidResponse("POST", "/v1/runtime/complete", 200,
				COMPLETE_RESPONSE.replace("}", ", \"new_field\": {\"x\": 1}}"));
	}

	@Test
	void camelCaseFieldIsRejected() {
		String camel = ENFORCE_REQUEST.replace("\"action_type\"", "\"actionType\"");
		assertThat(this.contract.validateRequest("POST", "/v1/runtime/enforce", camel))
			.anySatisfy((violation) -> assertThat(violation).contains("actionType"))
			.anySatisfy((violation) -> assertThat(violation).contains("action_type"));
	}

	@Test
	void missingActionTypeIsRejected() {
		String missing = ENFORCE_REQUEST.replace("\"action_type\": \"db_write\",", "");
		assertThat(this.contract.validateRequest("POST", "/v1/runtime/enforce", missing)).singleElement()
			.asString()
			.contains("action_type");
	}

	@Test
	void negativeEstimatedCostIsRejected() {
		String negative = ENFORCE_REQUEST.replace("0.02", "-0.02");
		assertThat(this.contract.validateRequest("POST", "/v1/runtime/enforce", negative)).singleElement()
			.asString()
			.contains("estimated_cost");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"estimated_volume\": 1.5", "\"estimated_volume\": -1", "\"is_write_op\": \"yes\"" })
	void wronglyTypedFieldsAreRejected(String replacement) {
		String field = replacement.substring(0, replacement.indexOf(':'));
		String json = ENFORCE_REQUEST.replaceAll(field + ": [^,}]+", replacement);
		assertThat(this.contract.validateRequest("POST", "/v1/runtime/enforce", json))
			.anySatisfy((violation) -> assertThat(violation).contains(field.replace("\"", "")));
	}

	@Test
	void requestIdMustBeAUuid() {
		String json = ENFORCE_REQUEST.replace("0d4f5b7e-2c1a-4f3b-9e8d-7a6b5c4d3e2f", "0d4f-not-a-uuid");
		assertThat(this.contract.validateRequest("POST", "/v1/runtime/enforce", json)).singleElement()
			.asString()
			.contains("request_id");
	}

	@Test
	void enforceRequiresRequestIdButSimulateDoesNot() {
		String json = ENFORCE_REQUEST.replace("\"request_id\": \"0d4f5b7e-2c1a-4f3b-9e8d-7a6b5c4d3e2f\", ", "");
		assertThat(this.contract.validateRequest("POST", "/v1/runtime/enforce", json)).singleElement()
			.asString()
			.contains("request_id");
		assertThat(this.contract.validateRequest("POST", "/v1/runtime/simulate", json)).isEmpty();
	}

	@Test
	void unknownDecisionIsRejected() {
		String maybe = ENFORCE_RESPONSE.replace("\"allow\"", "\"maybe\"");
		assertThat(this.contract.validateResponse("POST", "/v1/runtime/enforce", 200, maybe))
			.anySatisfy((violation) -> assertThat(violation).contains("decision"));
	}

	@Test
	void blockWithoutReasonIsRejected() {
		String block = ENFORCE_RESPONSE.replace("\"allow\"", "\"block\"");
		assertThat(this.contract.validateResponse("POST", "/v1/runtime/enforce", 200, block))
			.anySatisfy((violation) -> assertThat(violation).contains("blocked_reason"));
	}

	@Test
	void simulateResponseWithJournalIdIsRejected() {
		String json = "{\"decision\": \"allow\", \"journal_id\": \"jrn_1\", \"source\": \"simulation\"}";
		assertThat(this.contract.validateResponse("POST", "/v1/runtime/simulate", 200, json))
			.anySatisfy((violation) -> assertThat(violation).contains("journal_id"));
	}

	@Test
	void approvalResolvedEventNeedsItsData() {
		String json = """
				{"event_id": "evt_2", "event_type": "runtime.approval_resolved", "created_at": "2026-11-21T21:59:00Z",
				 "org_id": "6f1e2d3c-4b5a-4978-8c6d-5e4f3a2b1c0d",
				 "data": {"journal_id": "jrn_1", "approval_id": "apr_1", "approval_state": "pending", "resolved_by": "bob"}}
				""";
		assertThat(this.contract.validateWebhookEvent(json))
			.anySatisfy((violation) -> assertThat(violation).contains("approval_state"));
	}

	@Test
	void webhookEventWithoutIdIsRejected() {
		String json = WEBHOOK_EVENT.replace("\"event_id\": \"evt_01JD4X8Q2M\",", "");
		assertThat(this.contract.validateWebhookEvent(json)).singleElement().asString().contains("event_id");
		assertThat(this.contract.validateWebhookEvent(WEBHOOK_EVENT.replace("\"platform.budget_breach\"", "42")))
			.anySatisfy((violation) -> assertThat(violation).contains("event_type"));
	}

	@Test
	void unknownProviderIsRejected() {
		String json = "{\"provider\": \"mistral\", \"model\": \"large\"}";
		assertThat(this.contract.validateRequest("POST", "/v1/platform/preauthorize", json))
			.anySatisfy((violation) -> assertThat(violation).contains("provider"));
	}

	@Test
	void malformedOrMissingBodyIsAViolation() {
		assertThat(this.contract.validateRequest("POST", "/v1/runtime/enforce", "{\"request_id\": ")).singleElement()
			.asString()
			.contains("not valid JSON");
		assertThat(this.contract.validateResponse("GET", "/v1/health", 200, "")).singleElement()
			.asString()
			.contains("empty");
	}

	@Test
	void assertionListsTheViolationsAndTheBody() {
		String missing = ENFORCE_REQUEST.replace("\"action_type\": \"db_write\",", "");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.contract.assertValidRequest("POST", "/v1/runtime/enforce", missing))
			.withMessageContaining("request body of POST /v1/runtime/enforce violates the contract")
			.withMessageContaining("action_type")
			.withMessageContaining("\"scope\"");
	}

	@Test
	void undeclaredOperationsAreMistakesInTheTest() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.contract.validateRequest("POST", "/v1/runtime/nope", "{}"))
			.withMessageContaining("/v1/runtime/nope");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.contract.validateRequest("GET", "/v1/runtime/enforce", "{}"))
			.withMessageContaining("GET /v1/runtime/enforce")
			.withMessageContaining("POST");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.contract.validateRequest("GET", "/v1/health", "{}"))
			.withMessageContaining("no request body");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.contract.validateResponse("POST", "/v1/runtime/enforce", 402, "{}"))
			.withMessageContaining("402");
		assertThatIllegalArgumentException().isThrownBy(() -> this.contract.validateSchema("Nope", "{}"));
	}

	@Test
	void componentSchemasCanBeValidatedByName() {
		assertThat(this.contract.validateSchema("DecisionSource", "\"fail_open\"")).isEmpty();
		assertThat(this.contract.validateSchema("Provider", "\"vllm\"")).isEmpty();
		assertThat(this.contract.validateSchema("WorkflowType", "\"deploy\"")).isNotEmpty();
		assertThat(this.contract.validateSchema("ApprovalState", "\"denied\"")).isEmpty();
	}

	private Map<String, JsonNode> headerParameters(String path, String method) {
		Map<String, JsonNode> headers = new LinkedHashMap<>();
		for (JsonNode parameter : operationNode(path, method).path("parameters")) {
			JsonNode resolved = resolve(parameter);
			if ("header".equals(resolved.path("in").asString())) {
				headers.put(resolved.path("name").asString(), resolved);
			}
		}
		return headers;
	}

	private JsonNode operationNode(String path, String method) {
		return this.contract.document().path("paths").path(path).path(method.toLowerCase());
	}

	private JsonNode resolve(JsonNode node) {
		JsonNode ref = node.get("$ref");
		return (ref != null) ? this.contract.document().at(ref.asString().substring(1)) : node;
	}

	private static Map<String, String> protocolOperations() {
		Map<String, String> operations = new LinkedHashMap<>();
		operations.put("/v1/health", "GET");
		operations.put("/v1/runtime/enforce", "POST");
		operations.put("/v1/runtime/simulate", "POST");
		operations.put("/v1/runtime/complete", "POST");
		operations.put("/v1/runtime/journal/{journal_id}", "GET");
		operations.put("/v1/platform/policy/check", "POST");
		operations.put("/v1/platform/budget/validate", "POST");
		operations.put("/v1/platform/executions", "POST");
		operations.put("/v1/platform/assumptions/validate", "POST");
		operations.put("/v1/platform/evidence/bundles", "POST");
		operations.put("/v1/platform/evidence/bundles/{bundle_id}", "GET");
		operations.put("/v1/platform/evidence/signing-key", "GET");
		operations.put("/v1/platform/risk-score", "GET");
		operations.put("/v1/platform/preauthorize", "POST");
		operations.put("/v1/platform/proxy/execute", "POST");
		operations.put("/v1/platform/preferences", "GET");
		operations.put("/v1/platform/preferences/resolve", "POST");
		return Map.copyOf(operations);
	}

}
