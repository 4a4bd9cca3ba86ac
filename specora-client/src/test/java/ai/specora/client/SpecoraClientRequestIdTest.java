package ai.specora.client;

import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request without a request id gets a new one for each call (kept by that call's
 * retries); an explicit one is the caller's idempotency key, the same for every call.
 */
class SpecoraClientRequestIdTest {

	@RegisterExtension
	static WireMockExtension authority = ClientFixtures.authority();

	@Test
	void aReusedRequestWithoutAnIdGetsANewOneForEachCall() {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(ClientFixtures.json(200, ClientFixtures.allow("jrn_1"))));
		SpecoraClient client = ClientFixtures.client(authority).build();
		EnforceRequest request = ClientFixtures.dbWriteWithoutId();
		EnforcementResult first = client.enforce(request);
		EnforcementResult second = client.enforce(request);
		assertThat(first.requestId()).isNotEqualTo(second.requestId());
		assertThat(UUID.fromString(first.requestId())).isNotNull();
		assertThat(sentWith(first.requestId())).singleElement()
			.satisfies((r) -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(first.requestId()));
		assertThat(sentWith(second.requestId())).singleElement()
			.satisfies((r) -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(second.requestId()));
	}

	@Test
	void theRetriesOfOneCallKeepItsId() {
		authority.stubFor(post("/v1/runtime/enforce").inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(ClientFixtures.json(503, ""))
			.willSetStateTo("up"));
		authority.stubFor(post("/v1/runtime/enforce").inScenario("flaky")
			.whenScenarioStateIs("up")
			.willReturn(ClientFixtures.json(200, ClientFixtures.allow("jrn_2"))));
		EnforcementResult result = ClientFixtures.client(authority).build().enforce(ClientFixtures.dbWriteWithoutId());
		List<LoggedRequest> sent = sentWith(result.requestId());
		assertThat(sent).hasSize(2)
			.allSatisfy((r) -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(result.requestId()));
		assertThat(sent).extracting((r) -> r.getHeader("X-Specora-Retry-Count")).containsExactly("0", "1");
	}

	@Test
	void anExplicitIdIsTheSameForEveryCall() {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(ClientFixtures.json(200, ClientFixtures.allow("jrn_1"))));
		SpecoraClient client = ClientFixtures.client(authority).build();
		UUID id = UUID.randomUUID();
		EnforceRequest request = ClientFixtures.dbWriteWithoutId().withRequestId(id);
		assertThat(client.enforce(request).requestId()).isEqualTo(id.toString());
		assertThat(client.enforce(request).requestId()).isEqualTo(id.toString());
		assertThat(sentWith(id.toString())).hasSize(2);
	}

	@Test
	void aFailOpenDecisionCarriesTheIdItsCallUsed() {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		EnforcementResult result = ClientFixtures.client(authority)
			.failMode(FailMode.OPEN)
			.retries(0)
			.build()
			.enforce(ClientFixtures.dbWriteWithoutId());
		assertThat(result.isFailOpen()).isTrue();
		assertThat(sentWith(result.requestId())).hasSize(1);
	}

	@Test
	void simulationsGetANewIdForEachCallToo() {
		authority.stubFor(post("/v1/runtime/simulate").willReturn(ClientFixtures.json(200, """
				{"decision": "allow", "source": "simulation"}
				""")));
		SpecoraClient client = ClientFixtures.client(authority).build();
		EnforceRequest request = ClientFixtures.dbWriteWithoutId();
		assertThat(client.simulate(request).requestId()).isNotEqualTo(client.simulate(request).requestId());
	}

	@Test
	void generatedIdsAreDistinctVersion4Uuids() {
		java.util.Set<String> ids = new java.util.HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			UUID id = UUID.fromString(RequestIds.next());
			assertThat(id.version()).isEqualTo(4);
			assertThat(id.variant()).isEqualTo(2);
			ids.add(id.toString());
		}
		assertThat(ids).hasSize(10_000);
	}

	private static List<LoggedRequest> sentWith(String requestId) {
		return authority.findAll(postRequestedFor(urlEqualTo("/v1/runtime/enforce"))
			.withRequestBody(matchingJsonPath("$.request_id", equalTo(requestId))));
	}

}
