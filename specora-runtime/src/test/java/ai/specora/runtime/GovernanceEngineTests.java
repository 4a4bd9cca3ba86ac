package ai.specora.runtime;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import ai.specora.client.EnforceRequest;
import ai.specora.client.FailMode;
import ai.specora.client.SpecoraBlockedException;
import ai.specora.client.SpecoraClient;
import ai.specora.client.SpecoraSuspendedException;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The engine on its own, against a stand-in authority: what happens to a call cancelled
 * or interrupted after (or while) it was allowed, approval waits that end on time, and
 * shadow mode.
 */
class GovernanceEngineTests {

	static final WireMockServer authority = new WireMockServer(
			WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

	static {
		authority.start();
	}

	private final SpecoraClient client = SpecoraClient.builder()
		.baseUrl("http://127.0.0.1:" + authority.port())
		.apiKey("sk_test_key")
		.orgId("org-1")
		.timeout(Duration.ofSeconds(10))
		.deadline(Duration.ofSeconds(20))
		.retries(0)
		.build();

	private final GovernanceEngine engine = GovernanceEngine.builder(this.client.reactive()).build();

	private final GovernancePolicy policy = GovernancePolicy.builder("db_write").description("the test").build();

	private final AtomicInteger runs = new AtomicInteger();

	@BeforeEach
	void reset() {
		authority.resetAll();
		authority.stubFor(post(urlEqualTo("/v1/runtime/complete"))
			.willReturn(okJson("{\"journal_id\": \"jrn_1\", \"status\": \"cancelled\", \"recorded\": true}")));
	}

	@AfterAll
	static void stop() {
		authority.stop();
	}

	@Test
	void aReactiveCallCancelledWhileItsDecisionIsAwaitedReleasesTheLaterAllow() {
		allowAfter(Duration.ofMillis(400));
		Disposable subscription = this.engine
			.callMono(this.policy, request(), () -> Mono.fromSupplier(this.runs::incrementAndGet))
			.subscribe();
		awaitEnforceReceived();
		subscription.dispose();
		await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(completions()).hasSize(1));
		assertThat(completions().get(0).getBodyAsString()).contains("\"status\":\"cancelled\"");
		assertThat(this.runs).hasValue(0);
	}

	@Test
	void aBlockingCallInterruptedWhileItsDecisionIsAwaitedReleasesTheLaterAllow() throws Exception {
		allowAfter(Duration.ofMillis(400));
		AtomicReference<Throwable> thrown = new AtomicReference<>();
		AtomicBoolean interruptKept = new AtomicBoolean();
		Thread caller = new Thread(() -> {
			thrown.set(catchThrowable(() -> this.engine.call(this.policy, request(), this.runs::incrementAndGet)));
			interruptKept.set(Thread.currentThread().isInterrupted());
		});
		caller.start();
		awaitEnforceReceived();
		caller.interrupt();
		caller.join(5000);
		assertThat(thrown.get()).isInstanceOf(CancellationException.class).hasMessageContaining("the test");
		assertThat(interruptKept).isTrue();
		await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(completions()).hasSize(1));
		assertThat(completions().get(0).getBodyAsString()).contains("\"status\":\"cancelled\"");
		assertThat(this.runs).hasValue(0);
	}

	@Test
	void aReactiveCallCancelledWhileItRunsCompletesAsCancelled() {
		allowAfter(Duration.ZERO);
		CompletableFuture<Void> subscribed = new CompletableFuture<>();
		Disposable subscription = this.engine
			.callMono(this.policy, request(), () -> Mono.never().doOnSubscribe((s) -> subscribed.complete(null)))
			.subscribe();
		assertThat(subscribed).succeedsWithin(Duration.ofSeconds(5));
		subscription.dispose();
		await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> assertThat(completions()).hasSize(1));
		assertThat(completions().get(0).getBodyAsString()).contains("\"status\":\"cancelled\"");
	}

	@Test
	void blockingCodeThatIsInterruptedCompletesAsCancelled() {
		allowAfter(Duration.ZERO);
		InterruptedException interrupted = new InterruptedException("stop");
		assertThat(catchThrowable(() -> this.engine.call(this.policy, request(), () -> {
			throw interrupted;
		}))).isSameAs(interrupted);
		assertThat(completions()).singleElement()
			.satisfies((completion) -> assertThat(completion.getBodyAsString()).contains("\"status\":\"cancelled\""));
	}

	@Test
	void anApprovalWaitEndsAtItsTimeoutEvenWhenTheJournalDoesNotAnswer() {
		authority.stubFor(post(urlEqualTo("/v1/runtime/enforce")).willReturn(okJson(
				"{\"decision\": \"suspend\", \"journal_id\": \"jrn_1\", \"approval_id\": \"apr_1\", \"source\": \"authority\"}")));
		authority.stubFor(get(urlPathMatching("/v1/runtime/journal/.*"))
			.willReturn(okJson("{\"journal_id\": \"jrn_1\", \"decision\": \"suspend\", \"status\": \"pending\", "
					+ "\"approval_state\": \"pending\"}")
				.withFixedDelay(8_000)));
		GovernancePolicy waiting = GovernancePolicy.builder("db_write")
			.onSuspend(SuspendPolicy.await(Duration.ofMillis(1500)))
			.build();
		long start = System.nanoTime();
		assertThatExceptionOfType(SpecoraSuspendedException.class)
			.isThrownBy(() -> this.engine.call(waiting, request(), this.runs::incrementAndGet))
			.withMessageContaining("not approved");
		// the journal read answers after 8 s, the client's own limit is 10 s
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
		assertThat(this.runs).hasValue(0);
	}

	@Test
	void shadowModeRunsABlockedCallAndCompletesNothing() {
		authority.stubFor(post(urlEqualTo("/v1/runtime/enforce")).willReturn(okJson(
				"{\"decision\": \"block\", \"journal_id\": \"jrn_1\", \"blocked_reason\": \"no\", \"source\": \"authority\"}")));
		GovernancePolicy shadow = GovernancePolicy.builder("db_write").mode(GovernanceMode.SHADOW).build();
		assertThat(this.engine.call(shadow, request(), this.runs::incrementAndGet)).isEqualTo(1);
		assertThat(completions()).isEmpty();
		GovernancePolicy enforced = GovernancePolicy.builder("db_write").build();
		assertThatExceptionOfType(SpecoraBlockedException.class)
			.isThrownBy(() -> this.engine.call(enforced, request(), this.runs::incrementAndGet));
		assertThat(this.runs).hasValue(1);
	}

	@Test
	void shadowModeRunsACallThatGotNoDecisionWhateverItsFailMode() {
		authority.stubFor(post(urlEqualTo("/v1/runtime/enforce")).willReturn(aResponse().withStatus(503)));
		GovernancePolicy shadow = GovernancePolicy.builder("db_write")
			.failMode(FailMode.CLOSED)
			.mode(GovernanceMode.SHADOW)
			.build();
		assertThat(this.engine.call(shadow, request(), this.runs::incrementAndGet)).isEqualTo(1);
	}

	@Test
	void listenersHearEveryStepInOrder() {
		allowAfter(Duration.ZERO);
		List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
		GovernanceEngine listened = GovernanceEngine.builder(this.client.reactive())
			.listener(new GovernanceListener() {

				@Override
				public void onStart(GovernedCall call) {
					heard.add("start " + call.policy().description());
				}

				@Override
				public void onDecision(GovernedCall call, ai.specora.client.EnforcementResult result) {
					heard.add("decision " + result.decision() + " " + call.request().actionType());
				}

				@Override
				public void onCompletion(GovernedCall call, ai.specora.client.CompletionStatus status,
						Throwable error) {
					heard.add("completion " + status);
				}

			})
			.build();
		listened.call(this.policy, request(), this.runs::incrementAndGet);
		assertThat(heard).containsExactly("start the test", "decision ALLOW db_write", "completion SUCCESS");
	}

	private static GovernedRequest request() {
		return () -> EnforceRequest.builder("db_write").scope(java.util.Map.of("table", "users")).build();
	}

	private static void allowAfter(Duration delay) {
		authority.stubFor(post(urlEqualTo("/v1/runtime/enforce")).willReturn(okJson(
				"{\"decision\": \"allow\", \"journal_id\": \"jrn_1\", \"reservation_id\": \"res_1\", \"source\": \"authority\"}")
			.withFixedDelay((int) delay.toMillis())));
	}

	private static void awaitEnforceReceived() {
		await().atMost(5, TimeUnit.SECONDS)
			.until(() -> !authority.findAll(postRequestedFor(urlEqualTo("/v1/runtime/enforce"))).isEmpty());
	}

	private static List<LoggedRequest> completions() {
		return authority.findAll(postRequestedFor(urlEqualTo("/v1/runtime/complete")));
	}

}
