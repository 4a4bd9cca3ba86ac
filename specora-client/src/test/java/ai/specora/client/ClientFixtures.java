package ai.specora.client;

import java.time.Duration;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * Shared set-up of the client tests: a WireMock authority on 127.0.0.1 and a client
 * with short timeouts and back-off.
 */
final class ClientFixtures {

	static final String API_KEY = "sk_test_4f9c2e7a1b";

	static final String ORG_ID = "6f1d2c3b-0000-4000-8000-000000000001";

	/**
	 * A response template that sends back the request's own {@code request_id}, as the
	 * authority does (the client refuses any other).
	 */
	static final String ECHO_REQUEST_ID = "{{jsonPath request.body '$.request_id'}}";

	private ClientFixtures() {
	}

	static WireMockExtension authority() {
		return WireMockExtension.newInstance()
			.options(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"))
			.build();
	}

	static SpecoraClientBuilder client(WireMockExtension authority) {
		return SpecoraClient.builder()
			.baseUrl("http://127.0.0.1:" + authority.getPort())
			.apiKey(API_KEY)
			.orgId(ORG_ID)
			.timeout(Duration.ofSeconds(10))
			.deadline(Duration.ofSeconds(60))
			.retryBackoff(Duration.ofMillis(5), Duration.ofMillis(20));
	}

	/**
	 * A request with an explicit request id, so that a test can look for it.
	 */
	static EnforceRequest dbWrite() {
		return EnforceRequest.builder("db_write")
			.requestId(java.util.UUID.randomUUID())
			.scope("table", "users")
			.arg("where", java.util.Map.of("id", 1))
			.estimatedCost(0.02)
			.writeOp(true)
			.build();
	}

	/**
	 * A request without a request id: each call gets its own.
	 */
	static EnforceRequest dbWriteWithoutId() {
		return EnforceRequest.builder("db_write").scope("table", "users").writeOp(true).build();
	}

	static ResponseDefinitionBuilder json(int status, String body) {
		return WireMock.aResponse()
			.withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Request-Id", "req_srv_42")
			.withBody(body)
			.withTransformers("response-template");
	}

	static String allow(String journalId) {
		return """
				{"decision": "allow", "journal_id": "%s", "request_id": "%s",
				 "blocked_reason": null, "approval_source": null, "approval_id": null,
				 "policy_id": "pol_1", "reservation_id": "res_1", "source": "authority",
				 "expires_at": "2026-11-21T22:00:00Z", "some_future_field": {"x": 1}}
				""".formatted(journalId, ECHO_REQUEST_ID);
	}

	static String block(String reason) {
		return """
				{"decision": "block", "journal_id": "jrn_blocked", "blocked_reason": "%s", "request_id": "%s",
				 "policy_id": "pol_deny", "source": "authority"}
				""".formatted(reason, ECHO_REQUEST_ID);
	}

	static String suspend() {
		return """
				{"decision": "suspend", "journal_id": "jrn_suspended", "approval_source": "slack:#sec-approvals",
				 "request_id": "%s",
				 "approval_id": "apr_7", "source": "authority"}
				""".formatted(ECHO_REQUEST_ID);
	}

	static String completed(String journalId, String status) {
		return """
				{"journal_id": "%s", "status": "%s", "recorded": true}
				""".formatted(journalId, status);
	}

	static String error(String code, String message) {
		return """
				{"error": {"code": "%s", "message": "%s", "details": {"usage_percent": 104.5}}}
				""".formatted(code, message);
	}

}
