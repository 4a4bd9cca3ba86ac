package ai.specora.client;

import java.math.BigDecimal;
import java.time.Duration;

import ai.specora.client.contract.OpenApiContract;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON the client sends, and the responses the tests feed it, checked against the
 * project's OpenAPI copy of the protocol.
 */
class ClientContractTest {

	@RegisterExtension
	static WireMockExtension authority = ClientFixtures.authority();

	private final OpenApiContract contract = OpenApiContract.get();

	@Test
	void enforceRequestsMatchTheContract() {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(ClientFixtures.json(200, ClientFixtures.allow("jrn_1"))));
		ClientFixtures.client(authority).build().enforce(ClientFixtures.dbWrite());
		ClientFixtures.client(authority).projectId("7a1e3c5d-0000-4000-8000-000000000002").agentId("agent-7").build()
			.enforce(EnforceRequest.builder("api_call").scope("service", "stripe").build());
		for (LoggedRequest request : authority.findAll(postRequestedFor(urlEqualTo("/v1/runtime/enforce")))) {
			this.contract.assertValidRequest("POST", "/v1/runtime/enforce", request.getBodyAsString());
		}
	}

	@Test
	void simulateRequestsMatchTheContract() {
		authority.stubFor(post("/v1/runtime/simulate").willReturn(ClientFixtures.json(200, """
				{"decision": "allow", "journal_id": null, "reservation_id": null, "request_id": "%s",
				 "source": "simulation"}
				""".formatted(ClientFixtures.ECHO_REQUEST_ID))));
		ClientFixtures.client(authority).build().simulate(ClientFixtures.dbWrite());
		LoggedRequest request = authority.findAll(postRequestedFor(urlEqualTo("/v1/runtime/simulate"))).get(0);
		this.contract.assertValidRequest("POST", "/v1/runtime/simulate", request.getBodyAsString());
	}

	@Test
	void completeRequestsMatchTheContract() {
		authority.stubFor(post("/v1/runtime/complete")
			.willReturn(ClientFixtures.json(200, ClientFixtures.completed("jrn_1", "success"))));
		SpecoraClient client = ClientFixtures.client(authority).build();
		client.complete("jrn_1", Completion.builder(CompletionStatus.SUCCESS)
			.costActual(new BigDecimal("0.008"))
			.volumeActual(1L)
			.duration(Duration.ofMillis(412))
			.build());
		client.complete("jrn_1", Completion.failure(new IllegalStateException("x")));
		client.complete("jrn_1", Completion.builder(CompletionStatus.CANCELLED).build());
		var sent = authority.findAll(postRequestedFor(urlEqualTo("/v1/runtime/complete")));
		assertThat(sent).hasSize(3);
		for (LoggedRequest request : sent) {
			this.contract.assertValidRequest("POST", "/v1/runtime/complete", request.getBodyAsString());
		}
	}

	@Test
	void theTestAuthorityAnswersMatchTheContract() {
		this.contract.assertValidResponse("POST", "/v1/runtime/enforce", 200, echoed(ClientFixtures.allow("jrn_1")));
		this.contract.assertValidResponse("POST", "/v1/runtime/enforce", 200, echoed(ClientFixtures.block("no")));
		this.contract.assertValidResponse("POST", "/v1/runtime/enforce", 200, echoed(ClientFixtures.suspend()));
		this.contract.assertValidResponse("POST", "/v1/runtime/complete", 200,
				ClientFixtures.completed("jrn_1", "success"));
		this.contract.assertValidResponse("POST", "/v1/runtime/enforce", 422, ClientFixtures.error("bad", "bad"));
	}

	@Test
	void aCamelCaseBodyWouldBeCaught() {
		assertThat(this.contract.validateRequest("POST", "/v1/runtime/enforce", """
				{"requestId": "0d4f1a2b-0000-4000-8000-000000000001", "orgId": "o", "actionType": "x",
				 "scope": {"a": 1}}
				""")).isNotEmpty();
	}

	private static String echoed(String template) {
		return template.replace(ClientFixtures.ECHO_REQUEST_ID, "0d4f1a2b-0000-4000-8000-0000000000aa");
	}

}
