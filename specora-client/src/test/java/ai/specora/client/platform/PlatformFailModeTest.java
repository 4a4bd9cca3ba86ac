package ai.specora.client.platform;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import ai.specora.client.FailClosedException;
import ai.specora.client.FailMode;
import ai.specora.client.SpecoraClient;
import ai.specora.client.SpecoraException;
import ai.specora.client.SpecoraUnavailableException;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The two platform decisions under faults: CLOSED raises {@link FailClosedException},
 * OPEN returns an allow / authorization marked fail-open with one warning; the other
 * calls raise {@link SpecoraUnavailableException} in both modes. Every attempt of one
 * call carries the same idempotency key.
 */
@Timeout(120)
class PlatformFailModeTest {

	@RegisterExtension
	static WireMockExtension platform = PlatformFixtures.platform();

	@RegisterExtension
	static WireMockExtension redirectTarget = PlatformFixtures.platform();

	private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	private final Logger platformLogger = (Logger) LoggerFactory.getLogger(ReactivePlatformClient.class);

	private final List<SpecoraException> errors = new CopyOnWriteArrayList<>();

	@BeforeEach
	void captureLogs() {
		this.logs.start();
		this.platformLogger.addAppender(this.logs);
	}

	@AfterEach
	void releaseLogs() {
		this.platformLogger.detachAppender(this.logs);
	}

	enum Fault503OrReset {

		SERVICE_UNAVAILABLE, CONNECTION_RESET;

		ResponseDefinitionBuilder response() {
			return (this == SERVICE_UNAVAILABLE) ? PlatformFixtures.json(503, PlatformFixtures.error("down", "down"))
					: aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
		}

	}

	enum Decision {

		CHECK_POLICY("/v1/platform/policy/check"), PRE_AUTHORIZE("/v1/platform/preauthorize");

		final String path;

		Decision(String path) {
			this.path = path;
		}

		Object call(PlatformClient client) {
			return (this == CHECK_POLICY) ? client.checkPolicy(PolicyCheckRequest.of("pr_run", "run-1"))
					: client.preAuthorize(PlatformFixtures.preAuthorizeRequest());
		}

	}

	@ParameterizedTest(name = "{0}: fail-closed raises after 3 attempts with one key")
	@EnumSource(Fault503OrReset.class)
	void decisionsFailClosed(Fault503OrReset fault) {
		for (Decision decision : Decision.values()) {
			platform.resetAll();
			platform.stubFor(post(decision.path).willReturn(fault.response()));
			PlatformClient client = client(FailMode.CLOSED).platform();
			FailClosedException ex = catchThrowableOfType(FailClosedException.class, () -> decision.call(client));
			assertThat(ex).as("%s under %s", decision, fault).isNotNull();
			assertThat(ex.getAttempts()).isEqualTo(3);
			assertThat(ex.getMessage()).contains("fail mode CLOSED").doesNotContain(PlatformFixtures.API_KEY);
			assertThat(ex.getCause()).isInstanceOf(SpecoraUnavailableException.class);
			assertOneKeyForAllAttempts(3);
		}
		assertThat(this.errors).hasSize(2).allMatch(FailClosedException.class::isInstance);
	}

	@ParameterizedTest(name = "{0}: fail-open allows with one warning")
	@EnumSource(Fault503OrReset.class)
	void decisionsFailOpen(Fault503OrReset fault) {
		platform.stubFor(post(Decision.CHECK_POLICY.path).willReturn(fault.response()));
		platform.stubFor(post(Decision.PRE_AUTHORIZE.path).willReturn(fault.response()));
		PlatformClient client = client(FailMode.OPEN).platform();
		PolicyCheckResult policy = client.checkPolicy(PolicyCheckRequest.of("pr_run", "run-1"));
		assertThat(policy.decision()).isEqualTo(PolicyDecision.ALLOW);
		assertThat(policy.isFailOpen()).isTrue();
		assertThat(policy.failOpen()).isTrue();
		PreAuthorizationResult authorization = client.preAuthorize(PlatformFixtures.preAuthorizeRequest());
		assertThat(authorization.authorized()).isTrue();
		assertThat(authorization.isFailOpen()).isTrue();
		assertThat(authorization.authorizationId()).isNull();
		assertThat(authorization.selectedProvider()).isEqualTo(Provider.ANTHROPIC);
		assertThat(authorization.selectedModel()).isEqualTo("claude-sonnet-4-20250514");
		List<ILoggingEvent> warnings = this.logs.list.stream().filter((e) -> e.getLevel() == Level.WARN).toList();
		assertThat(warnings).hasSize(2);
		assertThat(warnings.get(0).getFormattedMessage()).contains("FAIL-OPEN")
			.contains("checkPolicy")
			.contains("pr_run 'run-1'")
			.doesNotContain(PlatformFixtures.API_KEY);
		assertThat(warnings.get(1).getFormattedMessage()).contains("FAIL-OPEN").contains("preAuthorize");
		assertThat(this.errors).hasSize(2)
			.allMatch((e) -> e instanceof SpecoraUnavailableException && !(e instanceof FailClosedException));
	}

	@ParameterizedTest(name = "{0}: a call that is not a decision raises SpecoraUnavailableException")
	@EnumSource(FailMode.class)
	void otherCallsRaiseUnavailableInBothModes(FailMode failMode) {
		platform.stubFor(post(anyUrl()).willReturn(Fault503OrReset.SERVICE_UNAVAILABLE.response()));
		platform.stubFor(get(anyUrl()).willReturn(Fault503OrReset.SERVICE_UNAVAILABLE.response()));
		PlatformClient client = client(failMode).platform();
		List<Function<PlatformClient, Object>> calls = List.of(PlatformClient::validateBudget,
				(c) -> c.recordExecution(PlatformFixtures.executionRequest()),
				(c) -> c.validateAssumptions(AssumptionsValidationRequest.builder("run-1").build()),
				(c) -> c.generateEvidenceBundle(EvidenceBundleRequest.of("run-1", "trace")), PlatformClient::getRiskScore,
				(c) -> c.proxyExecute(PlatformFixtures.proxyRequest(null)), PlatformClient::getPreferences,
				(c) -> c.resolvePreference(PreferenceResolveRequest.of(WorkflowType.QA)));
		for (Function<PlatformClient, Object> call : calls) {
			SpecoraUnavailableException ex = catchThrowableOfType(SpecoraUnavailableException.class,
					() -> call.apply(client));
			assertThat(ex).isNotNull().isNotInstanceOf(FailClosedException.class);
			assertThat(ex.getStatusCode()).isEqualTo(503);
			assertThat(ex.getRequestId()).isEqualTo("req_srv_42");
			assertThat(ex.getAttempts()).isEqualTo(3);
		}
		assertThat(this.errors).hasSize(calls.size());
		assertThat(this.logs.list.stream().filter((e) -> e.getLevel() == Level.WARN)).isEmpty();
	}

	enum TransportFault {

		REDIRECT, OVERSIZE_BODY, EMPTY_2XX_BODY, MALFORMED_CHUNK, RANDOM_DATA_THEN_CLOSE, DELAY_PAST_TIMEOUT;

		ResponseDefinitionBuilder response() {
			return switch (this) {
				case REDIRECT -> aResponse().withStatus(307)
					.withHeader("Location", "http://127.0.0.1:" + redirectTarget.getPort() + "/v1/platform/preauthorize");
				case OVERSIZE_BODY -> PlatformFixtures.json(200,
						"{\"authorized\": true, \"authorization_id\": \"a\", \"pad\": \"" + "x".repeat(11 * 1024 * 1024)
								+ "\"}");
				case EMPTY_2XX_BODY -> aResponse().withStatus(200);
				case MALFORMED_CHUNK -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK);
				case RANDOM_DATA_THEN_CLOSE -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE);
				case DELAY_PAST_TIMEOUT -> PlatformFixtures.json(200, PlatformFixtures.AUTHORIZED).withFixedDelay(3000);
			};
		}

	}

	@ParameterizedTest(name = "{0}: preAuthorize fails closed, nothing reaches another host")
	@EnumSource(TransportFault.class)
	void transportFaultsOfADecisionFailClosed(TransportFault fault) {
		platform.stubFor(post(Decision.PRE_AUTHORIZE.path).willReturn(fault.response()));
		redirectTarget.stubFor(post(anyUrl()).willReturn(PlatformFixtures.json(200, PlatformFixtures.AUTHORIZED)));
		PlatformClient client = PlatformFixtures.modelA(platform)
			.timeout(Duration.ofSeconds(1))
			.onError(this.errors::add)
			.build()
			.platform();
		FailClosedException ex = catchThrowableOfType(FailClosedException.class,
				() -> client.preAuthorize(PlatformFixtures.preAuthorizeRequest()));
		assertThat(ex).as("%s", fault).isNotNull();
		assertThat(ex.getAttempts()).isEqualTo(3);
		assertOneKeyForAllAttempts(3);
		assertThat(redirectTarget.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void anOnErrorCallbackThatThrowsDoesNotChangeTheCallsOutcome() {
		platform.stubFor(post(anyUrl()).willReturn(Fault503OrReset.SERVICE_UNAVAILABLE.response()));
		SpecoraClient client = PlatformFixtures.modelB(platform).retries(0).failMode(FailMode.OPEN).onError((ex) -> {
			throw new IllegalStateException("callback bug");
		}).build();
		assertThat(client.platform().checkPolicy(PolicyCheckRequest.of("pr_run", "r")).isFailOpen()).isTrue();
		assertThat(catchThrowableOfType(SpecoraUnavailableException.class,
				() -> client.platform().recordExecution(PlatformFixtures.executionRequest())))
			.hasMessageContaining("HTTP 503");
	}

	@Test
	void theIdempotencyKeyIsReusedOnRetriesOfANonDecision() {
		platform.stubFor(post("/v1/platform/executions").willReturn(Fault503OrReset.CONNECTION_RESET.response()));
		assertThat(catchThrowableOfType(SpecoraUnavailableException.class,
				() -> client(FailMode.CLOSED).platform().recordExecution(PlatformFixtures.executionRequest())))
			.isNotNull();
		assertOneKeyForAllAttempts(3);
	}

	@ParameterizedTest(name = "malformed decision body {0} is retried, then fail-closed")
	@EnumSource(MalformedDecision.class)
	void malformedDecisionsAreNeverAnAllow(MalformedDecision malformed) {
		platform.stubFor(post(malformed.path).willReturn(PlatformFixtures.json(200, malformed.body)));
		PlatformClient client = client(FailMode.CLOSED).platform();
		FailClosedException ex = catchThrowableOfType(FailClosedException.class,
				() -> {
					if (malformed.path.endsWith("check")) {
						client.checkPolicy(PolicyCheckRequest.of("pr_run", "r"));
					}
					else {
						client.preAuthorize(PlatformFixtures.preAuthorizeRequest());
					}
				});
		assertThat(ex).as("%s", malformed).isNotNull();
		assertThat(ex.getMessage()).contains("malformed response body");
		assertThat(platform.findAll(anyRequestedFor(anyUrl()))).hasSize(3);
	}

	enum MalformedDecision {

		UNKNOWN_DECISION("/v1/platform/policy/check", "{\"decision\": \"maybe\", \"severity\": \"low\"}"),
		UPPERCASE_DECISION("/v1/platform/policy/check", "{\"decision\": \"ALLOW\", \"severity\": \"low\"}"),
		MISSING_DECISION("/v1/platform/policy/check", "{\"severity\": \"low\"}"),
		MISSING_SEVERITY("/v1/platform/policy/check", "{\"decision\": \"allow\"}"),
		TRUNCATED_POLICY("/v1/platform/policy/check", "{\"decision\": \"allow\", \"sev"),
		JSON_NULL("/v1/platform/policy/check", "null"),
		AUTHORIZED_AS_STRING("/v1/platform/preauthorize", "{\"authorized\": \"true\", \"authorization_id\": \"a\"}"),
		MISSING_AUTHORIZED("/v1/platform/preauthorize", "{\"authorization_id\": \"a\"}"),
		AUTHORIZED_WITHOUT_ID("/v1/platform/preauthorize", "{\"authorized\": true}"),
		AUTHORIZATION_ID_AS_NUMBER("/v1/platform/preauthorize", "{\"authorized\": true, \"authorization_id\": 7}"),
		BAD_EXPIRY("/v1/platform/preauthorize",
				"{\"authorized\": true, \"authorization_id\": \"a\", \"expires_at\": \"tomorrow\"}");

		final String path;

		final String body;

		MalformedDecision(String path, String body) {
			this.path = path;
			this.body = body;
		}

	}

	@Test
	void aMalformedAnswerOfANonDecisionIsRetriedThenUnavailable() {
		platform.stubFor(post("/v1/platform/executions").willReturn(PlatformFixtures.json(200,
				"{\"execution_id\": \"e\", \"usage_percent\": 1, \"enforcement_state\": \"normal\"}")));
		SpecoraUnavailableException ex = catchThrowableOfType(SpecoraUnavailableException.class,
				() -> client(FailMode.OPEN).platform().recordExecution(PlatformFixtures.executionRequest()));
		assertThat(ex.getMessage()).contains("missing 'budget_remaining_micros'");
		assertThat(ex.getAttempts()).isEqualTo(3);
	}

	@Test
	void aRetryThatSucceedsGivesTheRealDecision() {
		platform.stubFor(post("/v1/platform/policy/check").inScenario("flaky")
			.whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
			.willReturn(Fault503OrReset.SERVICE_UNAVAILABLE.response())
			.willSetStateTo("up"));
		platform.stubFor(post("/v1/platform/policy/check").inScenario("flaky")
			.whenScenarioStateIs("up")
			.willReturn(PlatformFixtures.json(200, PlatformFixtures.POLICY_BLOCK)));
		PolicyCheckResult result = client(FailMode.OPEN).platform().checkPolicy(PolicyCheckRequest.of("pr_run", "r"));
		assertThat(result.decision()).isEqualTo(PolicyDecision.BLOCK);
		assertThat(result.isFailOpen()).isFalse();
		assertOneKeyForAllAttempts(2);
	}

	@Test
	void theReactiveDecisionsFollowTheFailModeToo() {
		platform.stubFor(post(Decision.CHECK_POLICY.path).willReturn(Fault503OrReset.CONNECTION_RESET.response()));
		platform.stubFor(post(Decision.PRE_AUTHORIZE.path).willReturn(Fault503OrReset.SERVICE_UNAVAILABLE.response()));
		ReactivePlatformClient closed = client(FailMode.CLOSED).reactive().platform();
		StepVerifier.create(closed.checkPolicy(PolicyCheckRequest.of("pr_run", "r")))
			.expectError(FailClosedException.class)
			.verify();
		StepVerifier.create(closed.preAuthorize(PlatformFixtures.preAuthorizeRequest()))
			.expectError(FailClosedException.class)
			.verify();
		ReactivePlatformClient open = client(FailMode.OPEN).reactive().platform();
		StepVerifier.create(open.checkPolicy(PolicyCheckRequest.of("pr_run", "r")))
			.assertNext((result) -> assertThat(result.isFailOpen()).isTrue())
			.verifyComplete();
		StepVerifier.create(open.preAuthorize(PlatformFixtures.preAuthorizeRequest()))
			.assertNext((result) -> assertThat(result.isFailOpen()).isTrue())
			.verifyComplete();
	}

	private SpecoraClient client(FailMode failMode) {
		return PlatformFixtures.modelB(platform).failMode(failMode).onError(this.errors::add).build();
	}

	private static void assertOneKeyForAllAttempts(int attempts) {
		List<LoggedRequest> sent = loggedRequests(attempts);
		assertThat(sent).hasSize(attempts);
		assertThat(sent.stream().map((r) -> r.getHeader("Idempotency-Key")).distinct()).hasSize(1)
			.allMatch((key) -> key != null && !key.isBlank());
		assertThat(sent.stream().map((r) -> r.getHeader("X-Specora-Retry-Count")).sorted().toList())
			.containsExactlyElementsOf(java.util.stream.IntStream.range(0, attempts).mapToObj(Integer::toString).toList());
	}

	/**
	 * The requests the server has logged, waiting up to five seconds for the expected
	 * number: a server starved of CPU may log an attempt only after the client has given
	 * up on it.
	 */
	private static List<LoggedRequest> loggedRequests(int expected) {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		List<LoggedRequest> sent = platform.findAll(anyRequestedFor(anyUrl()));
		while (sent.size() < expected && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			sent = platform.findAll(anyRequestedFor(anyUrl()));
		}
		return sent;
	}

}
