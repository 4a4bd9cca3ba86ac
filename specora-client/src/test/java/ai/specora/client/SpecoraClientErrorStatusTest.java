package ai.specora.client;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * One test per row of the protocol's status table.
 */
class SpecoraClientErrorStatusTest {

	@RegisterExtension
	static WireMockExtension authority = ClientFixtures.authority();

	static Stream<Arguments> clientErrors() {
		return Stream.of(Arguments.of(400, ValidationException.class), Arguments.of(422, ValidationException.class),
				Arguments.of(401, AuthenticationException.class), Arguments.of(403, AuthorizationException.class),
				Arguments.of(402, BudgetExceededException.class), Arguments.of(404, NotFoundException.class),
				Arguments.of(409, IdempotencyConflictException.class), Arguments.of(418, SpecoraClientException.class));
	}

	@ParameterizedTest(name = "HTTP {0} -> {1} in fail mode CLOSED")
	@MethodSource("clientErrors")
	void clientErrorsAreRaisedOnceWithTheirDetailsWhenFailClosed(int status, Class<? extends SpecoraClientException> type) {
		assertClientError(status, type, FailMode.CLOSED);
	}

	@ParameterizedTest(name = "HTTP {0} -> {1} in fail mode OPEN")
	@MethodSource("clientErrors")
	void clientErrorsAreRaisedEvenWhenFailOpen(int status, Class<? extends SpecoraClientException> type) {
		assertClientError(status, type, FailMode.OPEN);
	}

	private void assertClientError(int status, Class<? extends SpecoraClientException> type, FailMode failMode) {
		authority.stubFor(post("/v1/runtime/enforce")
			.willReturn(ClientFixtures.json(status, ClientFixtures.error("some_code", "explained"))));
		List<SpecoraException> errors = new ArrayList<>();
		SpecoraClient client = ClientFixtures.client(authority).failMode(failMode).onError(errors::add).build();
		SpecoraClientException ex = catchThrowableOfType(type, () -> client.enforce(ClientFixtures.dbWrite()));
		assertThat(ex).isExactlyInstanceOf(type);
		assertThat(ex.getStatusCode()).isEqualTo(status);
		assertThat(ex.getRequestId()).isEqualTo("req_srv_42");
		assertThat(ex.getCode()).isEqualTo("some_code");
		assertThat(ex.getAttempts()).isEqualTo(1);
		assertThat(ex.isRetryable()).isFalse();
		assertThat(ex.getMessage()).contains("explained").contains("req_srv_42").doesNotContain(ClientFixtures.API_KEY);
		assertThat(authority.findAll(postRequestedFor(urlEqualTo("/v1/runtime/enforce")))).hasSize(1);
		assertThat(errors).containsExactly(ex);
	}

	@Test
	void budgetExceededCarriesTheUsagePercent() {
		authority.stubFor(post("/v1/runtime/enforce")
			.willReturn(ClientFixtures.json(402, ClientFixtures.error("budget_exceeded", "over"))));
		BudgetExceededException ex = catchThrowableOfType(BudgetExceededException.class,
				() -> ClientFixtures.client(authority).build().enforce(ClientFixtures.dbWrite()));
		assertThat(ex.getUsagePercent()).isEqualTo(104.5);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "<html>Bad gateway</html>", "{\"error\": 12}", "[1,2" })
	void errorBodiesThatAreNotTheProtocolShapeAreCopedWith(String body) {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(aResponse().withStatus(400).withBody(body)));
		ValidationException ex = catchThrowableOfType(ValidationException.class,
				() -> ClientFixtures.client(authority).build().enforce(ClientFixtures.dbWrite()));
		assertThat(ex.getStatusCode()).isEqualTo(400);
		assertThat(ex.getCode()).isNull();
	}

	@Test
	void hugeErrorBodiesAreReadOnlyInPart() {
		String huge = "{\"error\": {\"code\": \"x\", \"message\": \"" + "a".repeat(2 * 1024 * 1024) + "\"}}";
		authority.stubFor(post("/v1/runtime/enforce").willReturn(aResponse().withStatus(422).withBody(huge)));
		ValidationException ex = catchThrowableOfType(ValidationException.class,
				() -> ClientFixtures.client(authority).build().enforce(ClientFixtures.dbWrite()));
		// the truncated body is not valid JSON: the status alone classifies the error
		assertThat(ex.getStatusCode()).isEqualTo(422);
		assertThat(ex.getMessage().length()).isLessThan(1000);
	}

	@Test
	void unknownJournalEntryIsNotFound() {
		authority.stubFor(get("/v1/runtime/journal/jrn_missing")
			.willReturn(ClientFixtures.json(404, ClientFixtures.error("not_found", "no such entry"))));
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> ClientFixtures.client(authority).build().journal("jrn_missing"))
			.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(1));
	}

	@Test
	void completingWithAnotherRequestIdIsAConflict() {
		authority.stubFor(post("/v1/runtime/complete")
			.willReturn(ClientFixtures.json(409, ClientFixtures.error("already_completed", "entry completed"))));
		assertThatExceptionOfType(IdempotencyConflictException.class).isThrownBy(() -> ClientFixtures.client(authority)
			.build()
			.complete("jrn_1", Completion.success(null)));
	}

	@ParameterizedTest(name = "HTTP {0} is retried, then fail mode CLOSED raises")
	@ValueSource(ints = { 408, 429, 500, 502, 503, 504 })
	void serverTroubleIsRetriedThenFailsClosed(int status) {
		authority.stubFor(post("/v1/runtime/enforce")
			.willReturn(ClientFixtures.json(status, ClientFixtures.error("trouble", "try later"))));
		FailClosedException ex = catchThrowableOfType(FailClosedException.class,
				() -> ClientFixtures.client(authority).build().enforce(ClientFixtures.dbWrite()));
		assertThat(ex.getStatusCode()).isEqualTo(status);
		assertThat(ex.getAttempts()).isEqualTo(3);
		assertThat(ex.isRetryable()).isTrue();
		assertThat(ex.getRequestId()).isEqualTo("req_srv_42");
		assertThat(ex.getCause()).isInstanceOf(SpecoraUnavailableException.class);
		assertThat(authority.findAll(postRequestedFor(urlEqualTo("/v1/runtime/enforce")))).hasSize(3);
	}

	@ParameterizedTest(name = "HTTP {0} is retried, then fail mode OPEN allows")
	@ValueSource(ints = { 408, 429, 500, 502, 503, 504 })
	void serverTroubleIsRetriedThenFailsOpen(int status) {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(ClientFixtures.json(status, "")));
		EnforceRequest request = ClientFixtures.dbWrite();
		EnforcementResult result = ClientFixtures.client(authority).failMode(FailMode.OPEN).build().enforce(request);
		assertThat(result.isAllowed()).isTrue();
		assertThat(result.source()).isEqualTo(DecisionSource.FAIL_OPEN);
		assertThat(result.isFailOpen()).isTrue();
		assertThat(result.journalId()).isNull();
		assertThat(result.requestId()).isEqualTo(request.requestId().toString());
		assertThat(result.requiresCompletion()).isFalse();
		assertThat(authority.findAll(postRequestedFor(urlEqualTo("/v1/runtime/enforce")))).hasSize(3);
	}

	@Test
	void serverErrorsOutsideTheRetryListAreNotRetriedButStillFailClosed() {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(ClientFixtures.json(501, "")));
		FailClosedException ex = catchThrowableOfType(FailClosedException.class,
				() -> ClientFixtures.client(authority).build().enforce(ClientFixtures.dbWrite()));
		assertThat(ex.getAttempts()).isEqualTo(1);
	}

	@ParameterizedTest
	@EnumSource(FailMode.class)
	void nonDecisionCallsRaiseUnavailableWhateverTheFailMode(FailMode failMode) {
		authority.stubFor(post("/v1/runtime/complete").willReturn(ClientFixtures.json(503, "")));
		SpecoraUnavailableException ex = catchThrowableOfType(SpecoraUnavailableException.class,
				() -> ClientFixtures.client(authority).failMode(failMode).build().complete("jrn_1",
						Completion.success(null)));
		assertThat(ex).isNotInstanceOf(FailClosedException.class);
		assertThat(ex.getAttempts()).isEqualTo(3);
	}

	@Test
	void aRetryThatSucceedsReturnsTheDecisionWithTheSameIdempotencyKey() {
		authority.stubFor(post("/v1/runtime/enforce")
			.inScenario("flaky")
			.whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
			.willReturn(ClientFixtures.json(503, ""))
			.willSetStateTo("recovered"));
		authority.stubFor(post("/v1/runtime/enforce")
			.inScenario("flaky")
			.whenScenarioStateIs("recovered")
			.willReturn(ClientFixtures.json(200, ClientFixtures.allow("jrn_after_retry"))));
		EnforceRequest request = ClientFixtures.dbWrite();
		EnforcementResult result = ClientFixtures.client(authority).build().enforce(request);
		assertThat(result.journalId()).isEqualTo("jrn_after_retry");
		var sent = authority.findAll(postRequestedFor(urlEqualTo("/v1/runtime/enforce")));
		assertThat(sent).extracting((r) -> r.getHeader("Idempotency-Key"))
			.containsExactly(request.requestId().toString(), request.requestId().toString());
		assertThat(sent).extracting((r) -> r.getHeader("X-Specora-Retry-Count")).containsExactlyInAnyOrder("0", "1");
		assertThat(sent).extracting((r) -> r.getBodyAsString()).containsOnly(sent.get(0).getBodyAsString());
	}

}
