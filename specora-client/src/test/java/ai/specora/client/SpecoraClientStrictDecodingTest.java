package ai.specora.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A response is either exactly what the contract says or it is no decision: duplicate
 * keys, enum values in another case, another request's id and unreadable timestamps are
 * malformed, retried like any transient failure, then handed to the fail mode, and the
 * exception says which response it was.
 */
@Timeout(120)
class SpecoraClientStrictDecodingTest {

	@RegisterExtension
	static WireMockExtension authority = ClientFixtures.authority();

	@Test
	void duplicateKeysAreMalformedRetriedThenFailClosed() {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(ClientFixtures.json(200, """
				{"decision": "block", "decision": "allow", "journal_id": "jrn_1", "source": "authority"}
				""")));
		EnforceRequest request = ClientFixtures.dbWrite();
		FailClosedException ex = catchThrowableOfType(FailClosedException.class,
				() -> ClientFixtures.client(authority).build().enforce(request));
		assertThat(ex.getAttempts()).isEqualTo(3);
		assertThat(ex.getStatusCode()).isEqualTo(200);
		assertThat(ex.getRequestId()).isEqualTo("req_srv_42");
		assertThat(ex.getMessage()).contains("malformed response body").contains("decision");
		assertThat(authority.findAll(postRequestedFor(urlEqualTo("/v1/runtime/enforce"))
			.withRequestBody(matchingJsonPath("$.request_id", equalTo(request.requestId().toString()))))).hasSize(3);
	}

	@Test
	void duplicateKeysUnderFailOpenAllowUngoverned() {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(ClientFixtures.json(200, """
				{"decision": "allow", "journal_id": "jrn_1", "journal_id": "jrn_2", "source": "authority"}
				""")));
		EnforcementResult result = ClientFixtures.client(authority)
			.failMode(FailMode.OPEN)
			.retries(0)
			.build()
			.enforce(ClientFixtures.dbWrite());
		assertThat(result.isFailOpen()).isTrue();
		assertThat(result.journalId()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"journal_id\": 7", "\"journal_id\": 7.5", "\"journal_id\": true",
			"\"journal_id\": \"jrn_1\", \"policy_id\": 12" })
	void aScalarOfAnotherTypeWhereTheContractHasAStringIsMalformed(String fields) {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(ClientFixtures.json(200,
				"{\"decision\": \"allow\", " + fields + ", \"source\": \"authority\"}")));
		FailClosedException ex = catchThrowableOfType(FailClosedException.class,
				() -> ClientFixtures.client(authority).retries(0).build().enforce(ClientFixtures.dbWrite()));
		assertThat(ex.getStatusCode()).isEqualTo(200);
		assertThat(ex.getMessage()).contains("malformed response body");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ALLOW", "Allow", " allow" })
	void decisionsAreTheContractsExactLowercaseValues(String decision) {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(ClientFixtures.json(200, """
				{"decision": "%s", "journal_id": "jrn_1", "source": "authority"}
				""".formatted(decision))));
		FailClosedException ex = catchThrowableOfType(FailClosedException.class,
				() -> ClientFixtures.client(authority).retries(0).build().enforce(ClientFixtures.dbWrite()));
		assertThat(ex.getMessage()).contains("unknown decision '" + decision + "'");
		assertThat(ex.getStatusCode()).isEqualTo(200);
	}

	@Test
	void completionStatusesAreExactLowercaseValues() {
		authority.stubFor(post("/v1/runtime/complete")
			.willReturn(ClientFixtures.json(200, ClientFixtures.completed("jrn_1", "SUCCESS"))));
		SpecoraUnavailableException ex = catchThrowableOfType(SpecoraUnavailableException.class,
				() -> ClientFixtures.client(authority).build().complete("jrn_1", Completion.success(null)));
		assertThat(ex.getMessage()).contains("unknown status 'SUCCESS'");
		assertThat(ex.getAttempts()).isEqualTo(3);
		assertThat(ex.getRequestId()).isEqualTo("req_srv_42");
	}

	@Test
	void journalValuesAreExactLowercaseValues() {
		authority.stubFor(get("/v1/runtime/journal/jrn_1").willReturn(ClientFixtures.json(200, """
				{"journal_id": "jrn_1", "decision": "allow", "status": "Pending"}
				""")));
		SpecoraUnavailableException ex = catchThrowableOfType(SpecoraUnavailableException.class,
				() -> ClientFixtures.client(authority).retries(0).build().journal("jrn_1"));
		assertThat(ex.getMessage()).contains("unknown status 'Pending'");
	}

	@Test
	void anotherRequestsIdIsMalformed() {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(ClientFixtures.json(200, """
				{"decision": "allow", "journal_id": "jrn_1", "request_id": "0d4f1a2b-0000-4000-8000-0000000000aa",
				 "source": "authority"}
				""")));
		EnforceRequest request = ClientFixtures.dbWrite();
		FailClosedException ex = catchThrowableOfType(FailClosedException.class,
				() -> ClientFixtures.client(authority).retries(0).build().enforce(request));
		assertThat(ex.getMessage()).contains("malformed response body")
			.contains("request_id '0d4f1a2b-0000-4000-8000-0000000000aa'")
			.contains(request.requestId().toString());
		assertThat(ex.getRequestId()).isEqualTo("req_srv_42");
	}

	@Test
	void theRequestIdSentBackIsAccepted() {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(ClientFixtures.json(200, """
				{"decision": "allow", "journal_id": "jrn_1", "request_id": "{{jsonPath request.body '$.request_id'}}",
				 "source": "authority"}
				""").withTransformers("response-template")));
		EnforceRequest request = ClientFixtures.dbWrite();
		EnforcementResult result = ClientFixtures.client(authority).retries(0).build().enforce(request);
		assertThat(result.requestId()).isEqualTo(request.requestId().toString());
		assertThat(result.journalId()).isEqualTo("jrn_1");
	}

	@Test
	void anUnreadableExpiryKeepsTheResponsesStatusAndRequestId() {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(ClientFixtures.json(200, """
				{"decision": "allow", "journal_id": "jrn_1", "source": "authority", "expires_at": "tomorrow"}
				""")));
		FailClosedException ex = catchThrowableOfType(FailClosedException.class,
				() -> ClientFixtures.client(authority).build().enforce(ClientFixtures.dbWrite()));
		assertThat(ex.getAttempts()).as("malformed responses are retried").isEqualTo(3);
		assertThat(ex.getStatusCode()).isEqualTo(200);
		assertThat(ex.getRequestId()).isEqualTo("req_srv_42");
		assertThat(ex.getMessage()).contains("malformed response body").contains("expires_at");
	}

	@Test
	void anOversizeChunkedBodyKeepsTheResponsesStatusAndRequestId() {
		String body = "{\"decision\": \"allow\", \"padding\": \"" + "x".repeat(11 * 1024 * 1024) + "\"}";
		authority.stubFor(post("/v1/runtime/enforce").willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Request-Id", "req_srv_big")
			.withBody(body)
			.withChunkedDribbleDelay(8, 50)));
		FailClosedException ex = catchThrowableOfType(FailClosedException.class, () -> ClientFixtures.client(authority)
			.timeout(Duration.ofSeconds(60))
			.retries(0)
			.build()
			.enforce(ClientFixtures.dbWrite()));
		assertThat(ex.getMessage()).contains("10 MiB");
		assertThat(ex.getStatusCode()).isEqualTo(200);
		assertThat(ex.getRequestId()).isEqualTo("req_srv_big");
	}

	@Test
	void aBodyThatCannotBeSerialisedIsAValidationErrorThatOnErrorSees() {
		List<SpecoraException> errors = new ArrayList<>();
		EnforceRequest request = EnforceRequest.builder("db_write")
			.scope("table", "users")
			.arg("row", new Exploding())
			.build();
		SpecoraClient client = ClientFixtures.client(authority)
			.failMode(FailMode.OPEN)
			.onError(errors::add)
			.build();
		ValidationException ex = catchThrowableOfType(ValidationException.class, () -> client.enforce(request));
		assertThat(ex.getMessage()).contains("enforce request body cannot be serialised")
			.doesNotContain(ClientFixtures.API_KEY);
		assertThat(ex.getAttempts()).isZero();
		assertThat(ex.getStatusCode()).isZero();
		assertThat(errors).containsExactly(ex);
		assertThat(authority.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void aBodyThatCannotBeSerialisedFailsTheReactiveCallOnSubscription() {
		EnforceRequest request = EnforceRequest.builder("db_write")
			.scope("table", "users")
			.arg("row", new Exploding())
			.build();
		reactor.test.StepVerifier.create(ClientFixtures.client(authority).build().reactive().simulate(request))
			.expectError(ValidationException.class)
			.verify(Duration.ofSeconds(10));
	}

	/**
	 * A value whose JSON form cannot be produced.
	 */
	static final class Exploding {

		public String getValue() {
			throw new IllegalStateException("cannot be read");
		}

	}

}
