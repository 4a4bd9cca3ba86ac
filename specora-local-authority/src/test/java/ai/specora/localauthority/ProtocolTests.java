package ai.specora.localauthority;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.specora.localauthority.AuthorityClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for the common protocol rules: authentication, request ids, error bodies and
 * validation.
 */
class ProtocolTests {

	private static LocalAuthority authority;

	private static AuthorityClient client;

	@BeforeAll
	static void start() {
		authority = LocalAuthority.start(LocalAuthoritySettings.builder().apiKey("test-key").orgId("org-1").build());
		client = new AuthorityClient(authority);
	}

	@AfterAll
	static void stop() {
		authority.close();
	}

	@Test
	void healthAnswersOkWithRequestId() {
		Reply reply = client.get("/v1/health");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text("status")).isEqualTo("ok");
		assertThat(reply.text("version")).startsWith("1.");
		assertThat(reply.requestId()).startsWith("req_");
		assertThat(client.get("/v1/health").requestId()).isNotEqualTo(reply.requestId());
	}

	@Test
	void baseUrlIsLoopbackWithBoundPort() {
		assertThat(authority.port()).isPositive();
		assertThat(authority.baseUrl()).isEqualTo("http://127.0.0.1:" + authority.port());
	}

	@Test
	void missingKeyIsUnauthorized() {
		Reply reply = new AuthorityClient(authority.baseUrl(), null).get("/v1/health");
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.errorCode()).isEqualTo("unauthorized");
		assertThat(reply.requestId()).startsWith("req_");
	}

	@Test
	void wrongKeyIsUnauthorizedEverywhere() {
		AuthorityClient wrong = new AuthorityClient(authority.baseUrl(), "wrong-key");
		assertThat(wrong.enforce("search", BigDecimal.ZERO).status()).isEqualTo(401);
		assertThat(wrong.get("/local/approvals").status()).isEqualTo(401);
		Reply reply = wrong.get("/v1/runtime/journal/jrn_x");
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.errorMessage()).doesNotContain("test-key").doesNotContain("wrong-key");
	}

	@Test
	void malformedJsonIsBadRequest() {
		Reply reply = client.post("/v1/runtime/enforce", "{\"request_id\": ");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.errorCode()).isEqualTo("validation_error");
		assertThat(client.post("/v1/runtime/enforce", "[1]").status()).isEqualTo(400);
		assertThat(client.post("/v1/runtime/enforce", "").status()).isEqualTo(400);
	}

	@Test
	void missingFieldsAreUnprocessable() {
		Reply noAction = client.post("/v1/runtime/enforce", Map.of("request_id", "r-1"));
		assertThat(noAction.status()).isEqualTo(422);
		assertThat(noAction.errorCode()).isEqualTo("validation_error");
		assertThat(noAction.body().get("error").get("details").get("field").asString()).isEqualTo("action_type");
		assertThat(client.post("/v1/runtime/enforce", Map.of("action_type", "x")).status())
			.as("enforce needs a request_id").isEqualTo(422);
		assertThat(client.post("/v1/runtime/complete", Map.of("request_id", "c-1", "status", "success")).status())
			.isEqualTo(422);
	}

	@Test
	void invalidValuesAreUnprocessable() {
		assertField(Map.of("request_id", "r-2", "action_type", "x", "estimated_cost", -1), "estimated_cost");
		assertField(Map.of("request_id", "r-3", "action_type", "x", "estimated_cost", "1"), "estimated_cost");
		assertField(Map.of("request_id", "r-4", "action_type", "x", "estimated_volume", 1.5), "estimated_volume");
		assertField(Map.of("request_id", "r-5", "action_type", "x", "scope", Map.of("a", Map.of())), "scope");
		assertField(Map.of("request_id", " ", "action_type", "x"), "request_id");
		Reply status = client.post("/v1/runtime/complete",
				Map.of("request_id", "c-2", "journal_id", "jrn_x", "status", "done"));
		assertThat(status.status()).isEqualTo(422);
		Reply cost = client.post("/v1/runtime/complete",
				Map.of("request_id", "c-3", "journal_id", "jrn_x", "status", "success", "cost_actual", -0.01));
		assertThat(cost.status()).isEqualTo(422);
	}

	private static void assertField(Map<String, Object> body, String field) {
		Reply reply = client.post("/v1/runtime/enforce", body);
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.body().get("error").get("details").get("field").asString()).isEqualTo(field);
	}

	@Test
	void idempotencyKeyMustEqualRequestId() {
		Map<String, Object> body = new LinkedHashMap<>(AuthorityClient.enforceBody("x", BigDecimal.ZERO, Map.of()));
		Reply reply = client.post("/v1/runtime/enforce", body, "Idempotency-Key", "another-key");
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.errorMessage()).contains("Idempotency-Key");
	}

	@Test
	void otherOrganisationIsForbidden() {
		Map<String, Object> body = new LinkedHashMap<>(AuthorityClient.enforceBody("x", BigDecimal.ZERO, Map.of()));
		body.put("org_id", "org-2");
		Reply reply = client.post("/v1/runtime/enforce", body);
		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.errorCode()).isEqualTo("forbidden");
		body.put("org_id", "org-1");
		assertThat(client.post("/v1/runtime/enforce", body).status()).isEqualTo(200);
	}

	@Test
	void oversizedBodyIsRefused() {
		String body = "{\"request_id\": \"big\", \"action_type\": \"x\", \"args\": \"" + "a".repeat(262_144) + "\"}";
		Reply reply = client.post("/v1/runtime/enforce", body);
		assertThat(reply.status()).isEqualTo(413);
		assertThat(reply.errorCode()).isEqualTo("payload_too_large");
	}

	@Test
	void unknownEndpointIsNotFoundWithErrorBody() {
		Reply reply = client.get("/v1/nothing");
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.errorCode()).isEqualTo("not_found");
	}

	@Test
	void closeIsIdempotentAndStopsTheServer() {
		LocalAuthority another = LocalAuthority.start(LocalAuthoritySettings.builder().apiKey("k").build());
		AuthorityClient anotherClient = new AuthorityClient(another);
		assertThat(anotherClient.get("/v1/health").status()).isEqualTo(200);
		another.close();
		another.close();
		assertThatException().isThrownBy(() -> anotherClient.get("/v1/health"));
	}

}
