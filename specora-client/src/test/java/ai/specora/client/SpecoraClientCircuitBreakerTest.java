package ai.specora.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import ai.specora.client.platform.PreAuthorizeRequest;
import ai.specora.client.platform.Provider;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The client's circuit breaker: it opens after calls left without an answer, then
 * refuses calls at once (no request), 4xx answers never open it, half-open probes close
 * it when the authority answers again, and each transition is logged once.
 */
@Timeout(120)
class SpecoraClientCircuitBreakerTest {

	@RegisterExtension
	static WireMockExtension authority = ClientFixtures.authority();

	private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	private final Logger breakerLogger = (Logger) LoggerFactory.getLogger(AuthorityCircuitBreaker.class);

	@BeforeEach
	void captureLogs() {
		this.logs.start();
		this.breakerLogger.addAppender(this.logs);
	}

	@AfterEach
	void releaseLogs() {
		this.breakerLogger.detachAppender(this.logs);
	}

	@Test
	void opensAfterTenCallsInARowWithoutAnAnswer() {
		unavailable();
		SpecoraClient client = ClientFixtures.client(authority).build();
		assertThat(client.circuitBreakerState()).isEqualTo(CircuitBreakerState.CLOSED);
		for (int call = 1; call <= 9; call++) {
			assertFailsClosedAfterRetries(client);
			assertThat(client.circuitBreakerState()).as("after call %d", call).isEqualTo(CircuitBreakerState.CLOSED);
		}
		assertFailsClosedAfterRetries(client);
		assertThat(client.circuitBreakerState()).isEqualTo(CircuitBreakerState.OPEN);
		assertThat(authority.findAll(anyRequestedFor(anyUrl()))).hasSize(10 * 3);
		assertThat(transitions()).containsExactly("WARN Specora circuit breaker OPEN (was CLOSED): 10 of the last 10 "
				+ "calls to " + baseUrl() + " got no answer; calls fail at once without a request for 10 s, then 3 "
				+ "probe call(s) go through");
	}

	@Test
	void refusedConnectionsOpenItToo() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		SpecoraClient client = ClientFixtures.client(authority).baseUrl("http://127.0.0.1:" + closedPort).build();
		for (int call = 1; call <= 10; call++) {
			catchThrowableOfType(FailClosedException.class, () -> client.enforce(ClientFixtures.dbWrite()));
		}
		assertThat(client.circuitBreakerState()).isEqualTo(CircuitBreakerState.OPEN);
	}

	@Test
	void anOpenBreakerFailsClosedAtOnceWithoutARequestAndNamesTheCircuit() {
		SpecoraClient client = openBreaker(ClientFixtures.client(authority));
		authority.resetRequests();
		FailClosedException ex = catchThrowableOfType(FailClosedException.class,
				() -> client.enforce(ClientFixtures.dbWrite()));
		assertThat(ex).isNotNull();
		assertThat(ex.getMessage()).contains("fail mode CLOSED")
			.contains("Specora enforce was not sent: the circuit breaker is open")
			.contains("it lets a probe call through in")
			.contains("(open for 10 s)");
		assertThat(ex.getCause()).isInstanceOfSatisfying(CircuitBreakerOpenException.class,
				(open) -> assertThat(open.getState()).isEqualTo(CircuitBreakerState.OPEN));
		assertThat(ex.getAttempts()).isZero();
		assertThat(ex.isRetryable()).isTrue();
		assertThat(authority.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void anOpenBreakerFailsOpenUnderFailModeOpen() {
		SpecoraClient client = openBreaker(ClientFixtures.client(authority).failMode(FailMode.OPEN));
		authority.resetRequests();
		EnforcementResult result = client.enforce(ClientFixtures.dbWrite());
		assertThat(result.decision()).isEqualTo(Decision.ALLOW);
		assertThat(result.source()).isEqualTo(DecisionSource.FAIL_OPEN);
		assertThat(authority.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void callsThatAreNotDecisionsRaiseTheRefusal() {
		SpecoraClient client = openBreaker(ClientFixtures.client(authority));
		assertThatExceptionOfType(CircuitBreakerOpenException.class)
			.isThrownBy(() -> client.complete("jrn_1", Completion.success(null)))
			.withMessageStartingWith("Specora complete was not sent: the circuit breaker is open");
	}

	@Test
	void runtimeAndPlatformCallsShareTheBreaker() {
		authority.stubFor(post("/v1/platform/preauthorize").willReturn(aResponse().withStatus(503)));
		SpecoraClient client = ClientFixtures.client(authority).build();
		for (int call = 1; call <= 10; call++) {
			catchThrowable(() -> client.platform()
				.preAuthorize(PreAuthorizeRequest.builder(Provider.OPENAI, "gpt-4o").build()));
		}
		assertThat(client.circuitBreakerState()).isEqualTo(CircuitBreakerState.OPEN);
		authority.resetRequests();
		assertThat(catchThrowableOfType(FailClosedException.class, () -> client.enforce(ClientFixtures.dbWrite())))
			.hasCauseInstanceOf(CircuitBreakerOpenException.class);
		assertThat(authority.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void failuresOfCallsThatAreNotDecisionsNeverOpenIt() {
		authority.stubFor(post("/v1/runtime/complete").willReturn(aResponse().withStatus(503)));
		authority.stubFor(get("/v1/platform/risk-score").willReturn(aResponse().withStatus(503)));
		authority.stubFor(post("/v1/runtime/enforce").willReturn(okJson("{\"decision\": \"allow\", "
				+ "\"journal_id\": \"jrn_1\", \"source\": \"authority\"}")));
		SpecoraClient client = ClientFixtures.client(authority).build();
		for (int call = 1; call <= 20; call++) {
			String journalId = "jrn_" + call;
			catchThrowableOfType(SpecoraUnavailableException.class,
					() -> client.complete(journalId, Completion.success(null)));
			catchThrowableOfType(SpecoraUnavailableException.class, () -> client.platform().getRiskScore());
		}
		assertThat(client.circuitBreakerState()).isEqualTo(CircuitBreakerState.CLOSED);
		assertThat(client.enforce(ClientFixtures.dbWrite()).isAllowed()).isTrue();
	}

	@ParameterizedTest(name = "HTTP {0}")
	@ValueSource(ints = { 400, 401, 402, 403, 404, 409, 422 })
	void clientErrorsNeverOpenIt(int status) {
		authority.stubFor(post("/v1/runtime/enforce")
			.willReturn(ClientFixtures.json(status, ClientFixtures.error("some_code", "refused"))));
		SpecoraClient client = ClientFixtures.client(authority).build();
		for (int call = 1; call <= 25; call++) {
			catchThrowableOfType(SpecoraClientException.class, () -> client.enforce(ClientFixtures.dbWrite()));
		}
		assertThat(client.circuitBreakerState()).isEqualTo(CircuitBreakerState.CLOSED);
		assertThat(authority.findAll(anyRequestedFor(anyUrl()))).hasSize(25);
	}

	/**
	 * One call in three without an answer, the others answered with a 4xx: a failure
	 * rate of 33 %, below the threshold, because an answer counts as a success (were 4xx
	 * answers ignored, the rate would be 100 % and the breaker would open).
	 */
	@Test
	void clientErrorsCountAsAnswers() {
		SpecoraClient client = ClientFixtures.client(authority).build();
		for (int round = 1; round <= 10; round++) {
			unavailable();
			assertFailsClosedAfterRetries(client);
			authority.stubFor(post("/v1/runtime/enforce")
				.willReturn(ClientFixtures.json(409, ClientFixtures.error("conflict", "reused"))));
			for (int answered = 0; answered < 2; answered++) {
				catchThrowableOfType(IdempotencyConflictException.class,
						() -> client.enforce(ClientFixtures.dbWrite()));
			}
			assertThat(client.circuitBreakerState()).as("round %d", round).isEqualTo(CircuitBreakerState.CLOSED);
		}
	}

	@Test
	void halfOpenProbesCloseItWhenTheAuthorityAnswersAgain() throws InterruptedException {
		SpecoraClient client = openBreaker(ClientFixtures.client(authority)
			.circuitBreaker(CircuitBreakerSettings.builder().waitDurationInOpenState(Duration.ofMillis(200)).build()));
		authority.stubFor(post("/v1/runtime/enforce").willReturn(ClientFixtures.json(200, ClientFixtures.allow("jrn_back"))));
		int answered = 0;
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (client.circuitBreakerState() != CircuitBreakerState.CLOSED && System.nanoTime() < deadline) {
			try {
				client.enforce(ClientFixtures.dbWrite());
				answered++;
			}
			catch (FailClosedException ex) {
				assertThat(ex).hasCauseInstanceOf(CircuitBreakerOpenException.class);
				Thread.sleep(20);
			}
		}
		assertThat(client.circuitBreakerState()).isEqualTo(CircuitBreakerState.CLOSED);
		assertThat(answered).as("the three probe calls").isEqualTo(3);
		assertThat(transitions()).hasSize(3)
			.satisfies((lines) -> assertThat(lines.get(0)).startsWith("WARN Specora circuit breaker OPEN (was CLOSED)"))
			.satisfies((lines) -> assertThat(lines.get(1))
				.isEqualTo("INFO Specora circuit breaker HALF_OPEN (was OPEN): 3 probe call(s) go to " + baseUrl()))
			.satisfies((lines) -> assertThat(lines.get(2))
				.isEqualTo("INFO Specora circuit breaker CLOSED (was HALF_OPEN): calls go to " + baseUrl() + " again"));
		assertThat(client.enforce(ClientFixtures.dbWrite()).source()).isEqualTo(DecisionSource.AUTHORITY);
	}

	@Test
	void aProbeWithoutAnAnswerOpensItAgain() throws InterruptedException {
		SpecoraClient client = openBreaker(ClientFixtures.client(authority)
			.circuitBreaker(CircuitBreakerSettings.builder()
				.waitDurationInOpenState(Duration.ofMillis(200))
				.permittedNumberOfCallsInHalfOpenState(1)
				.build()));
		authority.resetRequests();
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (authority.findAll(anyRequestedFor(anyUrl())).isEmpty() && System.nanoTime() < deadline) {
			catchThrowableOfType(FailClosedException.class, () -> client.enforce(ClientFixtures.dbWrite()));
			Thread.sleep(20);
		}
		assertThat(authority.findAll(anyRequestedFor(anyUrl()))).as("one probe, retried").hasSize(3);
		assertThat(client.circuitBreakerState()).isEqualTo(CircuitBreakerState.OPEN);
		assertThat(transitions()).hasSize(3).last().asString().startsWith("WARN Specora circuit breaker OPEN (was HALF_OPEN)");
	}

	@Test
	void aDisabledBreakerNeverOpens() {
		unavailable();
		SpecoraClient client = ClientFixtures.client(authority).circuitBreaker(CircuitBreakerSettings.disabled()).build();
		for (int call = 1; call <= 25; call++) {
			assertFailsClosedAfterRetries(client);
		}
		assertThat(client.circuitBreakerState()).isEqualTo(CircuitBreakerState.DISABLED);
		assertThat(authority.findAll(anyRequestedFor(anyUrl()))).hasSize(25 * 3);
		assertThat(transitions()).isEmpty();
	}

	@Test
	void theSettingsShowInTheClientSettings() {
		CircuitBreakerSettings settings = CircuitBreakerSettings.builder()
			.failureRateThreshold(80)
			.slidingWindowSize(40)
			.minimumNumberOfCalls(20)
			.waitDurationInOpenState(Duration.ofSeconds(3))
			.permittedNumberOfCallsInHalfOpenState(5)
			.build();
		assertThat(ClientFixtures.client(authority).circuitBreaker(settings).build().settings().circuitBreaker())
			.isEqualTo(settings);
		assertThat(ClientFixtures.client(authority).build().settings().circuitBreaker())
			.isEqualTo(CircuitBreakerSettings.defaults())
			.isEqualTo(new CircuitBreakerSettings(true, 50, 20, 10, Duration.ofSeconds(10), 3));
	}

	private void unavailable() {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(aResponse().withStatus(503)));
	}

	private SpecoraClient openBreaker(SpecoraClientBuilder builder) {
		unavailable();
		SpecoraClient client = builder.build();
		for (int call = 1; call <= 10; call++) {
			catchThrowableOfType(SpecoraUnavailableException.class, () -> client.enforce(ClientFixtures.dbWrite()));
		}
		assertThat(client.circuitBreakerState()).isEqualTo(CircuitBreakerState.OPEN);
		return client;
	}

	private static void assertFailsClosedAfterRetries(SpecoraClient client) {
		FailClosedException ex = catchThrowableOfType(FailClosedException.class,
				() -> client.enforce(ClientFixtures.dbWrite()));
		assertThat(ex).isNotNull();
		assertThat(ex.getAttempts()).isEqualTo(3);
	}

	private List<String> transitions() {
		return this.logs.list.stream()
			.filter((event) -> event.getLevel().isGreaterOrEqual(Level.INFO))
			.map((event) -> event.getLevel() + " " + event.getFormattedMessage())
			.toList();
	}

	private static String baseUrl() {
		return "http://127.0.0.1:" + authority.getPort();
	}

}
