package ai.specora.client;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Transport faults, in both fail modes: CLOSED raises and the governed body never runs;
 * OPEN allows with source FAIL_OPEN.
 */
@Timeout(180)
class SpecoraClientTransportFaultTest {

	@RegisterExtension
	static WireMockExtension authority = ClientFixtures.authority();

	@RegisterExtension
	static WireMockExtension redirectTarget = ClientFixtures.authority();

	private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	private final Logger clientLogger = (Logger) LoggerFactory.getLogger(ReactiveSpecoraClient.class);

	@BeforeEach
	void captureLogs() {
		this.logs.start();
		this.clientLogger.addAppender(this.logs);
	}

	@AfterEach
	void releaseLogs() {
		this.clientLogger.detachAppender(this.logs);
	}

	enum TransportFault {

		CONNECTION_RESET, EMPTY_RESPONSE, MALFORMED_CHUNK, RANDOM_DATA_THEN_CLOSE, DELAY_PAST_TIMEOUT,
		MALFORMED_JSON_BODY, WRONG_SHAPE_BODY, EMPTY_2XX_BODY, OVERSIZE_BODY, OVERSIZE_CHUNKED_BODY, REDIRECT;

		void stub(WireMockExtension server, WireMockExtension redirectTarget) {
			var ok = aResponse().withStatus(200).withHeader("Content-Type", "application/json");
			var response = switch (this) {
				case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
				case EMPTY_RESPONSE -> aResponse().withFault(Fault.EMPTY_RESPONSE);
				case MALFORMED_CHUNK -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK);
				case RANDOM_DATA_THEN_CLOSE -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE);
				case DELAY_PAST_TIMEOUT -> ok.withBody(ClientFixtures.allow("jrn_late")).withFixedDelay(5000);
				case MALFORMED_JSON_BODY -> ok.withBody("{\"decision\": \"allow\", \"journal_");
				case WRONG_SHAPE_BODY -> ok.withBody("{\"decision\": \"maybe\", \"journal_id\": \"jrn_1\"}");
				case EMPTY_2XX_BODY -> aResponse().withStatus(200);
				case OVERSIZE_BODY -> ok.withBody(oversizeBody());
				case OVERSIZE_CHUNKED_BODY -> ok.withBody(oversizeBody()).withChunkedDribbleDelay(8, 50);
				case REDIRECT -> aResponse().withStatus(307)
					.withHeader("Location", "http://127.0.0.1:" + redirectTarget.getPort() + "/v1/runtime/enforce");
			};
			server.stubFor(post("/v1/runtime/enforce").willReturn(response));
			redirectTarget.stubFor(any(anyUrl()).willReturn(ClientFixtures.json(200, ClientFixtures.allow("jrn_leak"))));
		}

		private static String oversizeBody() {
			String padding = "x".repeat(11 * 1024 * 1024);
			return "{\"decision\": \"allow\", \"journal_id\": \"jrn_1\", \"padding\": \"" + padding + "\"}";
		}

	}

	@ParameterizedTest(name = "{0}: fail-closed raises and the body never runs")
	@EnumSource(TransportFault.class)
	void failClosed(TransportFault fault) {
		fault.stub(authority, redirectTarget);
		SpecoraClient client = ClientFixtures.client(authority).timeout(Duration.ofSeconds(2)).build();
		EnforceRequest request = ClientFixtures.dbWrite();
		AtomicBoolean ran = new AtomicBoolean();
		FailClosedException ex = catchThrowableOfType(FailClosedException.class,
				() -> client.enforced(request, (ctx) -> ran.getAndSet(true)));
		assertThat(ex).as("fault %s", fault).isNotNull();
		assertThat(ran).isFalse();
		assertThat(ex.getAttempts()).isEqualTo(3);
		assertThat(ex.isRetryable()).isTrue();
		assertThat(ex.getMessage()).contains("fail mode CLOSED").doesNotContain(ClientFixtures.API_KEY);
		assertAllAttemptsCarriedTheSameKey(request);
		assertThat(redirectTarget.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@ParameterizedTest(name = "{0}: fail-open allows with source FAIL_OPEN")
	@EnumSource(TransportFault.class)
	void failOpen(TransportFault fault) {
		fault.stub(authority, redirectTarget);
		SpecoraClient client = ClientFixtures.client(authority)
			.timeout(Duration.ofSeconds(2))
			.failMode(FailMode.OPEN)
			.build();
		EnforceRequest request = ClientFixtures.dbWrite();
		EnforcementResult result = client.enforce(request);
		assertThat(result.isAllowed()).isTrue();
		assertThat(result.source()).isEqualTo(DecisionSource.FAIL_OPEN);
		assertThat(redirectTarget.findAll(anyRequestedFor(anyUrl()))).isEmpty();
		List<ILoggingEvent> warnings = this.logs.list.stream().filter((e) -> e.getLevel() == Level.WARN).toList();
		assertThat(warnings).hasSize(1);
		assertThat(warnings.get(0).getFormattedMessage()).contains("FAIL-OPEN")
			.contains("db_write")
			.doesNotContain(ClientFixtures.API_KEY)
			.doesNotContain("where");
	}

	@Test
	void failOpenRunsTheGovernedBodyAndCompletesNothing() {
		TransportFault.CONNECTION_RESET.stub(authority, redirectTarget);
		SpecoraClient client = ClientFixtures.client(authority).failMode(FailMode.OPEN).build();
		String value = client.enforced(ClientFixtures.dbWrite(), (ctx) -> {
			assertThat(ctx.result().isFailOpen()).isTrue();
			return "ran";
		});
		assertThat(value).isEqualTo("ran");
		assertThat(authority.findAll(postRequestedFor(urlEqualTo("/v1/runtime/complete")))).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(FailMode.class)
	void connectionRefused(FailMode failMode) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		SpecoraClient client = ClientFixtures.client(authority)
			.baseUrl("http://127.0.0.1:" + closedPort)
			.failMode(failMode)
			.build();
		if (failMode == FailMode.CLOSED) {
			AtomicBoolean ran = new AtomicBoolean();
			FailClosedException ex = catchThrowableOfType(FailClosedException.class,
					() -> client.enforced(ClientFixtures.dbWrite(), (ctx) -> ran.getAndSet(true)));
			assertThat(ex.getAttempts()).isEqualTo(3);
			assertThat(ex.getStatusCode()).isZero();
			assertThat(ex.getMessage()).contains("transport failure");
			assertThat(ran).isFalse();
		}
		else {
			assertThat(client.enforce(ClientFixtures.dbWrite()).source()).isEqualTo(DecisionSource.FAIL_OPEN);
		}
	}

	@Test
	void redirectsAreNeverFollowedAndTheTokenNeverLeaves() {
		TransportFault.REDIRECT.stub(authority, redirectTarget);
		FailClosedException ex = catchThrowableOfType(FailClosedException.class,
				() -> ClientFixtures.client(authority).build().enforce(ClientFixtures.dbWrite()));
		assertThat(ex.getStatusCode()).isEqualTo(307);
		assertThat(ex.getMessage()).contains("redirect");
		assertThat(redirectTarget.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void oversizeBodiesAreRejected() {
		TransportFault.OVERSIZE_BODY.stub(authority, redirectTarget);
		FailClosedException ex = catchThrowableOfType(FailClosedException.class, () -> ClientFixtures.client(authority)
			.timeout(Duration.ofSeconds(60))
			.retries(0)
			.build()
			.enforce(ClientFixtures.dbWrite()));
		assertThat(ex.getMessage()).contains("10 MiB");
	}

	@Test
	void oversizeChunkedBodiesAreRejected() {
		TransportFault.OVERSIZE_CHUNKED_BODY.stub(authority, redirectTarget);
		FailClosedException ex = catchThrowableOfType(FailClosedException.class, () -> ClientFixtures.client(authority)
			.timeout(Duration.ofSeconds(60))
			.retries(0)
			.build()
			.enforce(ClientFixtures.dbWrite()));
		assertThat(ex.getMessage()).contains("10 MiB");
	}

	@Test
	void aSlowAttemptTimesOut() {
		TransportFault.DELAY_PAST_TIMEOUT.stub(authority, redirectTarget);
		FailClosedException ex = catchThrowableOfType(FailClosedException.class, () -> ClientFixtures.client(authority)
			.timeout(Duration.ofMillis(300))
			.retries(0)
			.build()
			.enforce(ClientFixtures.dbWrite()));
		assertThat(ex.getMessage()).contains("no response within 300 ms");
	}

	@Test
	void malformedBodiesSayWhatIsWrong() {
		TransportFault.WRONG_SHAPE_BODY.stub(authority, redirectTarget);
		FailClosedException ex = catchThrowableOfType(FailClosedException.class,
				() -> ClientFixtures.client(authority).retries(0).build().enforce(ClientFixtures.dbWrite()));
		assertThat(ex.getMessage()).contains("malformed response body").contains("unknown decision 'maybe'");
	}

	@Test
	void retryAfterSecondsIsWaited() {
		authority.stubFor(post("/v1/runtime/enforce").inScenario("rate")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(ClientFixtures.json(429, "").withHeader("Retry-After", "1"))
			.willSetStateTo("ok"));
		authority.stubFor(post("/v1/runtime/enforce").inScenario("rate")
			.whenScenarioStateIs("ok")
			.willReturn(ClientFixtures.json(200, ClientFixtures.allow("jrn_after_wait"))));
		long start = System.nanoTime();
		EnforcementResult result = ClientFixtures.client(authority).build().enforce(ClientFixtures.dbWrite());
		long waitedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		assertThat(result.journalId()).isEqualTo("jrn_after_wait");
		assertThat(waitedMillis).as("waited for Retry-After").isGreaterThanOrEqualTo(950);
	}

	@Test
	void retryAfterBeyondTheCapAndDeadlineStopsWithoutWaiting() {
		authority.stubFor(post("/v1/runtime/enforce")
			.willReturn(ClientFixtures.json(429, "").withHeader("Retry-After", "500")));
		FailClosedException ex = catchThrowableOfType(FailClosedException.class,
				() -> ClientFixtures.client(authority).build().enforce(ClientFixtures.dbWrite()));
		assertThat(ex.getAttempts()).isEqualTo(1);
		assertThat(ex.getStatusCode()).isEqualTo(429);
		assertThat(ex.getMessage()).contains("deadline");
	}

	@Test
	void theDeadlineEndsTheCallDuringBackoff() {
		authority.stubFor(post("/v1/runtime/enforce")
			.willReturn(ClientFixtures.json(503, "").withHeader("Retry-After", "2")));
		EnforceRequest request = ClientFixtures.dbWrite();
		FailClosedException ex = catchThrowableOfType(FailClosedException.class, () -> ClientFixtures.client(authority)
			.retries(5)
			.deadline(Duration.ofMillis(2500))
			.build()
			.enforce(request));
		assertThat(ex.getMessage()).contains("deadline");
		assertThat(ex.getAttempts()).isBetween(1, 2);
		assertThat(authority.findAll(postRequestedFor(urlEqualTo("/v1/runtime/enforce"))
			.withRequestBody(matchingJsonPath("$.request_id", equalTo(request.requestId().toString())))))
			.hasSizeLessThanOrEqualTo(ex.getAttempts());
	}

	@Test
	void onErrorSeesTheFailureOnceInEachMode() {
		TransportFault.CONNECTION_RESET.stub(authority, redirectTarget);
		List<SpecoraException> closedErrors = new java.util.ArrayList<>();
		catchThrowableOfType(FailClosedException.class, () -> ClientFixtures.client(authority)
			.onError(closedErrors::add)
			.build()
			.enforce(ClientFixtures.dbWrite()));
		assertThat(closedErrors).singleElement().isInstanceOf(FailClosedException.class);
		List<SpecoraException> openErrors = new java.util.ArrayList<>();
		List<EnforcementResult> decisions = new java.util.ArrayList<>();
		ClientFixtures.client(authority)
			.failMode(FailMode.OPEN)
			.onError(openErrors::add)
			.onDecision(decisions::add)
			.build()
			.enforce(ClientFixtures.dbWrite());
		assertThat(openErrors).singleElement().isExactlyInstanceOf(SpecoraUnavailableException.class);
		assertThat(decisions).singleElement().satisfies((d) -> assertThat(d.isFailOpen()).isTrue());
	}

	private static void assertAllAttemptsCarriedTheSameKey(EnforceRequest request) {
		// filtered by body: a late attempt of an earlier test may still reach the server
		var sent = authority.findAll(postRequestedFor(urlEqualTo("/v1/runtime/enforce"))
			.withRequestBody(matchingJsonPath("$.request_id", equalTo(request.requestId().toString()))));
		assertThat(sent).hasSizeLessThanOrEqualTo(3)
			.allSatisfy((r) -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(request.requestId().toString()));
	}

}
