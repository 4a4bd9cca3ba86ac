package ai.specora.spring.enforcement;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import ai.specora.client.FailClosedException;
import ai.specora.client.SpecoraBlockedException;
import ai.specora.client.SpecoraClient;
import ai.specora.client.SpecoraSuspendedException;
import ai.specora.runtime.ApprovalWaiter;
import ai.specora.spring.autoconfigure.SpecoraEnforcementAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraGovernanceAutoConfiguration;
import ai.specora.spring.enforcement.GovernedServices.Mailer;
import ai.specora.spring.enforcement.GovernedServices.Reports;
import ai.specora.spring.enforcement.GovernedServices.Repository;
import ai.specora.spring.enforcement.GovernedServices.Search;
import ai.specora.spring.enforcement.GovernedServices.Tools;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The governed call cycle of {@code @Enforced} methods against a stand-in authority:
 * decisions, completions, return types, declarations and approvals. Completions are
 * delivered synchronously here, so they are recorded when the call returns.
 */
@SpringBootTest(classes = EnforcementInterceptorTests.Config.class,
		properties = "specora.enforcement.completion.mode=sync")
@DirtiesContext
class EnforcementInterceptorTests {

	static final Authority authority = new Authority().start();

	@Autowired
	Tools tools;

	@Autowired
	Reports reports;

	@Autowired
	Mailer mailer;

	@Autowired
	Search search;

	@Autowired
	Repository repository;

	@Autowired
	RecordingListener listener;

	@BeforeEach
	void reset() {
		authority.reset();
		this.listener.clear();
		this.tools.runs().set(0);
	}

	@AfterAll
	static void stopAuthority() {
		authority.stop();
	}

	@Test
	void beansWithGovernedMethodsAreProxied() {
		assertThat(AopUtils.isAopProxy(this.tools)).isTrue();
		assertThat(AopUtils.isAopProxy(this.mailer)).isTrue();
	}

	@Test
	void allowedMethodRunsAndIsCompletedWithActualCostAndDuration() {
		authority.allow("plain", "jrn_plain");
		assertThat(this.tools.write("users", 7, 0.25)).isEqualTo("written");
		assertThat(this.tools.runs()).hasValue(1);
		LoggedRequest enforce = single(authority.enforcements());
		DocumentContext body = json(enforce);
		assertThat(body.<String>read("$.action_type")).isEqualTo("plain");
		assertThat(body.<Map<String, Object>>read("$.scope")).containsEntry("table", "users").containsEntry("row", 7);
		assertThat(body.<Map<String, Object>>read("$.args")).containsExactly(Map.entry("id", 7));
		assertThat(body.<Double>read("$.estimated_cost")).isEqualTo(0.25);
		assertThat(body.<Integer>read("$.estimated_volume")).isEqualTo(8);
		assertThat(body.<Boolean>read("$.is_write_op")).isTrue();
		assertThat(enforce.getHeader("Idempotency-Key")).isEqualTo(body.read("$.request_id"));
		DocumentContext completion = json(single(authority.completionsOf("jrn_plain")));
		assertThat(completion.<String>read("$.status")).isEqualTo("success");
		assertThat(completion.<Double>read("$.cost_actual")).isEqualTo(3.5);
		assertThat(completion.<Integer>read("$.duration_ms")).isNotNull().isGreaterThanOrEqualTo(0);
		assertThat(completion.<String>read("$.error")).isNull();
		assertThat(this.listener.of("plain")).containsExactly("start:plain", "decision:plain:ALLOW:AUTHORITY",
				"completion:plain:SUCCESS");
	}

	@Test
	void eachCallHasItsOwnRequestId() {
		authority.allow("plain", "jrn_plain");
		this.tools.write("users", 1, 0);
		this.tools.write("users", 1, 0);
		assertThat(authority.enforcements()).extracting((request) -> json(request).read("$.request_id"))
			.doesNotHaveDuplicates()
			.hasSize(2);
	}

	@Test
	void blockedMethodDoesNotRun() {
		authority.block("plain", "jrn_blocked", "budget exhausted");
		assertThatExceptionOfType(SpecoraBlockedException.class).isThrownBy(() -> this.tools.write("users", 1, 0))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo("budget exhausted");
				assertThat(ex.getJournalId()).isEqualTo("jrn_blocked");
			});
		assertThat(this.tools.runs()).hasValue(0);
		assertThat(authority.completions()).isEmpty();
		assertThat(this.listener.of("plain")).containsExactly("start:plain", "decision:plain:BLOCK:AUTHORITY");
	}

	@Test
	void suspendedMethodDoesNotRunAndRaises() {
		authority.suspend("plain", "jrn_suspended");
		assertThatExceptionOfType(SpecoraSuspendedException.class).isThrownBy(() -> this.tools.write("users", 1, 0))
			.satisfies((ex) -> {
				assertThat(ex.getApprovalSource()).isEqualTo("slack:#sec-approvals");
				assertThat(ex.getJournalId()).isEqualTo("jrn_suspended");
			});
		assertThat(this.tools.runs()).hasValue(0);
		assertThat(authority.completions()).isEmpty();
	}

	@Test
	void unavailableAuthorityFailsClosed() {
		authority.unavailable("plain");
		assertThatExceptionOfType(FailClosedException.class).isThrownBy(() -> this.tools.write("users", 1, 0));
		assertThat(this.tools.runs()).hasValue(0);
		assertThat(authority.completions()).isEmpty();
		assertThat(this.listener.of("plain")).containsExactly("start:plain", "error:plain:FailClosedException");
	}

	@Test
	void methodFailingOpenRunsUngovernedWhenTheAuthorityIsUnavailable() {
		authority.unavailable("open_method");
		assertThat(this.tools.failOpen()).isEqualTo("ran-ungoverned");
		assertThat(this.tools.runs()).hasValue(1);
		assertThat(authority.completions()).isEmpty();
		assertThat(this.listener.of("open_method")).containsExactly("start:open_method",
				"decision:open_method:ALLOW:FAIL_OPEN", "completion:open_method:SUCCESS");
	}

	@Test
	void methodFailingClosedRaisesWhenTheAuthorityIsUnavailable() {
		authority.unavailable("closed_method");
		assertThatExceptionOfType(FailClosedException.class).isThrownBy(this.tools::failClosed);
		assertThat(this.tools.runs()).hasValue(0);
	}

	@Test
	void voidMethodIsGoverned() {
		authority.allow("void_action", "jrn_void");
		this.tools.fire("printer");
		assertThat(this.tools.runs()).hasValue(1);
		assertThat(json(single(authority.enforcements())).<String>read("$.scope.target")).isEqualTo("printer");
		assertThat(json(single(authority.completionsOf("jrn_void"))).<String>read("$.status")).isEqualTo("success");
	}

	@Test
	void blockedVoidMethodDoesNotRun() {
		authority.block("void_action", "jrn_void", "no");
		assertThatExceptionOfType(SpecoraBlockedException.class).isThrownBy(() -> this.tools.fire("printer"));
		assertThat(this.tools.runs()).hasValue(0);
	}

	@Test
	void methodExceptionIsRethrownUnchangedAndCompletedAsFailure() {
		authority.allow("failing", "jrn_failing");
		IllegalStateException failure = new IllegalStateException("disk full");
		assertThatThrownBy(() -> this.tools.fail(failure)).isSameAs(failure);
		DocumentContext completion = json(single(authority.completionsOf("jrn_failing")));
		assertThat(completion.<String>read("$.status")).isEqualTo("failure");
		assertThat(completion.<String>read("$.error")).isEqualTo("java.lang.IllegalStateException");
		assertThat(completion.jsonString()).doesNotContain("disk full");
		assertThat(this.listener.of("failing")).containsExactly("start:failing", "decision:failing:ALLOW:AUTHORITY",
				"completion:failing:FAILURE:IllegalStateException");
	}

	@Test
	void scopeCanComeFromABeanAndArgsFromTheRootObject() {
		authority.allow("from_bean", "jrn_bean");
		assertThat(this.tools.fromBean("acme")).isEqualTo("acme");
		DocumentContext body = json(single(authority.enforcements()));
		assertThat(body.<Map<String, Object>>read("$.scope")).containsExactly(Map.entry("tenant", "acme"));
		assertThat(body.<String>read("$.args.method")).isEqualTo("fromBean");
	}

	@Test
	void nullScopeFailsTheCallBeforeTheMethodRuns() {
		assertThatExceptionOfType(EnforcedExpressionException.class).isThrownBy(() -> this.tools.dynamicScope(null))
			.withMessageContaining("scope")
			.withMessageContaining("dynamicScope")
			.withMessageContaining("null");
		assertThat(this.tools.runs()).hasValue(0);
		assertThat(authority.enforcements()).isEmpty();
		assertThat(this.listener.of("dynamic_scope")).containsExactly("start:dynamic_scope",
				"error:dynamic_scope:EnforcedExpressionException");
	}

	@Test
	void emptyScopeFailsTheCallBeforeTheMethodRuns() {
		assertThatExceptionOfType(EnforcedExpressionException.class)
			.isThrownBy(() -> this.tools.dynamicScope(Map.of()))
			.withMessageContaining("an empty map");
		assertThat(this.tools.runs()).hasValue(0);
		assertThat(authority.enforcements()).isEmpty();
	}

	@Test
	void methodsWithoutAnnotationAreNotGoverned() {
		assertThat(this.tools.notGoverned()).isEqualTo("free");
		assertThat(authority.enforcements()).isEmpty();
	}

	@Test
	void monoIsEnforcedAtSubscriptionAndCompletedWithItsValue() {
		authority.allow("mono", "jrn_mono");
		Mono<String> result = this.tools.mono("abc");
		assertThat(this.tools.runs()).hasValue(0);
		assertThat(authority.enforcements()).isEmpty();
		StepVerifier.create(result).expectNext("ABC").verifyComplete();
		assertThat(this.tools.runs()).hasValue(1);
		DocumentContext completion = json(single(authority.completionsOf("jrn_mono")));
		assertThat(completion.<String>read("$.status")).isEqualTo("success");
		assertThat(completion.<Integer>read("$.cost_actual")).isEqualTo(3);
	}

	@Test
	void monoResubscriptionIsEnforcedAgain() {
		authority.allow("mono", "jrn_mono");
		Mono<String> result = this.tools.mono("abc");
		StepVerifier.create(result).expectNext("ABC").verifyComplete();
		StepVerifier.create(result).expectNext("ABC").verifyComplete();
		assertThat(authority.enforcements()).hasSize(2);
		assertThat(this.tools.runs()).hasValue(2);
	}

	@Test
	void blockedMonoSignalsTheErrorAndNeverRuns() {
		authority.block("mono", "jrn_mono", "no");
		StepVerifier.create(this.tools.mono("abc")).verifyError(SpecoraBlockedException.class);
		assertThat(this.tools.runs()).hasValue(0);
		assertThat(authority.completions()).isEmpty();
	}

	@Test
	void suspendedMonoSignalsTheError() {
		authority.suspend("mono", "jrn_mono");
		StepVerifier.create(this.tools.mono("abc")).verifyError(SpecoraSuspendedException.class);
		assertThat(this.tools.runs()).hasValue(0);
	}

	@Test
	void monoFailsClosed() {
		authority.unavailable("mono");
		StepVerifier.create(this.tools.mono("abc")).verifyError(FailClosedException.class);
		assertThat(this.tools.runs()).hasValue(0);
	}

	@Test
	void failingMonoSignalsTheSameErrorAndIsCompletedAsFailure() {
		authority.allow("mono_failing", "jrn_mono_failing");
		IllegalArgumentException failure = new IllegalArgumentException("bad");
		StepVerifier.create(this.tools.monoFailing(failure)).expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(failure))
			.verify();
		DocumentContext completion = json(single(authority.completionsOf("jrn_mono_failing")));
		assertThat(completion.<String>read("$.status")).isEqualTo("failure");
		assertThat(completion.<String>read("$.error")).isEqualTo("java.lang.IllegalArgumentException");
	}

	@Test
	void fluxIsEnforcedAtSubscriptionAndCompletedWhenItCompletes() {
		authority.allow("flux", "jrn_flux");
		Flux<Integer> result = this.tools.flux(3);
		assertThat(authority.enforcements()).isEmpty();
		StepVerifier.create(result).expectNext(1, 2, 3).verifyComplete();
		assertThat(json(single(authority.completionsOf("jrn_flux"))).<String>read("$.status")).isEqualTo("success");
	}

	@Test
	void blockedFluxNeverRuns() {
		authority.block("flux", "jrn_flux", "no");
		StepVerifier.create(this.tools.flux(3)).verifyError(SpecoraBlockedException.class);
		assertThat(this.tools.runs()).hasValue(0);
	}

	@Test
	void suspendedAndUnavailableFluxSignalErrors() {
		authority.suspend("flux", "jrn_flux");
		StepVerifier.create(this.tools.flux(3)).verifyError(SpecoraSuspendedException.class);
		authority.unavailable("flux");
		StepVerifier.create(this.tools.flux(3)).verifyError(FailClosedException.class);
		assertThat(this.tools.runs()).hasValue(0);
	}

	@Test
	void cancelledFluxIsCompletedAsCancelled() {
		authority.allow("flux_endless", "jrn_endless");
		StepVerifier.create(this.tools.endless().take(3)).expectNext(0L, 1L, 2L).verifyComplete();
		await().atMost(Duration.ofSeconds(30)).until(() -> authority.completionsOf("jrn_endless").size() == 1);
		assertThat(json(single(authority.completionsOf("jrn_endless"))).<String>read("$.status"))
			.isEqualTo("cancelled");
		assertThat(this.listener.of("flux_endless")).contains("completion:flux_endless:CANCELLED");
	}

	@Test
	void completableFutureIsCompletedWhenItCompletes() throws Exception {
		authority.allow("future", "jrn_future");
		CompletableFuture<String> source = new CompletableFuture<>();
		CompletableFuture<String> result = this.tools.future(source);
		assertThat(this.tools.runs()).hasValue(1);
		assertThat(result).isNotDone();
		assertThat(authority.completions()).isEmpty();
		source.complete("abcd");
		assertThat(result.get()).isEqualTo("abcd");
		DocumentContext completion = json(single(authority.completionsOf("jrn_future")));
		assertThat(completion.<String>read("$.status")).isEqualTo("success");
		assertThat(completion.<Integer>read("$.cost_actual")).isEqualTo(4);
	}

	@Test
	void failedCompletableFutureKeepsItsExceptionAndIsCompletedAsFailure() {
		authority.allow("future", "jrn_future");
		CompletableFuture<String> source = new CompletableFuture<>();
		CompletableFuture<String> result = this.tools.future(source);
		IllegalStateException failure = new IllegalStateException("late");
		source.completeExceptionally(failure);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(result::get).havingCause().isSameAs(failure);
		assertThat(json(single(authority.completionsOf("jrn_future"))).<String>read("$.error"))
			.isEqualTo("java.lang.IllegalStateException");
	}

	@Test
	void blockedCompletableFutureMethodIsNotCalled() {
		authority.block("future", "jrn_future", "no");
		assertThatExceptionOfType(SpecoraBlockedException.class)
			.isThrownBy(() -> this.tools.future(new CompletableFuture<>()));
		assertThat(this.tools.runs()).hasValue(0);
	}

	@Test
	void suspendedAndUnavailableCompletableFutureMethodIsNotCalled() {
		authority.suspend("future", "jrn_future");
		assertThatExceptionOfType(SpecoraSuspendedException.class)
			.isThrownBy(() -> this.tools.future(new CompletableFuture<>()));
		authority.unavailable("future");
		assertThatExceptionOfType(FailClosedException.class)
			.isThrownBy(() -> this.tools.future(new CompletableFuture<>()));
		assertThat(this.tools.runs()).hasValue(0);
	}

	@Test
	void cancellingTheGovernedFutureCancelsTheMethodsFutureAndCompletesAsCancelled() {
		authority.allow("future", "jrn_future");
		CompletableFuture<String> source = new CompletableFuture<>();
		CompletableFuture<String> result = this.tools.future(source);
		result.cancel(true);
		assertThat(source).isCancelled();
		assertThatExceptionOfType(CancellationException.class).isThrownBy(result::join);
		await().atMost(Duration.ofSeconds(30)).until(() -> authority.completionsOf("jrn_future").size() == 1);
		assertThat(json(single(authority.completionsOf("jrn_future"))).<String>read("$.status"))
			.isEqualTo("cancelled");
	}

	@Test
	void classLevelAnnotationGovernsPublicMethodsAndMethodLevelOneWins() {
		authority.allow("class_level", "jrn_class");
		authority.allow("method_level", "jrn_method");
		assertThat(this.reports.daily()).isEqualTo("daily");
		assertThat(this.reports.special()).isEqualTo("special");
		assertThat(this.reports.toString()).isEqualTo("Reports");
		assertThat(authority.enforcements()).extracting((request) -> json(request).read("$.action_type"))
			.containsExactly("class_level", "method_level");
	}

	@Test
	void interfaceMethodAnnotationIsFound() {
		authority.allow("send_mail", "jrn_mail");
		assertThat(this.mailer.send("bob")).isEqualTo("sent to bob");
		assertThat(json(single(authority.enforcements())).<String>read("$.scope.to")).isEqualTo("bob");
	}

	@Test
	void interfaceTypeAnnotationIsFound() {
		authority.block("search", "jrn_search", "no");
		assertThatExceptionOfType(SpecoraBlockedException.class).isThrownBy(() -> this.search.find("q"));
	}

	@Test
	void composedAnnotationIsFound() {
		authority.allow("db_write", "jrn_db");
		this.repository.save("users", "alice");
		DocumentContext body = json(single(authority.enforcements()));
		assertThat(body.<String>read("$.scope.table")).isEqualTo("users");
		assertThat(body.<Boolean>read("$.is_write_op")).isTrue();
		assertThat(this.repository.runs()).hasValue(1);
	}

	@Test
	void waitingForAnApprovalRunsTheMethodOnceApproved() {
		authority.suspend("wait", "jrn_wait");
		journalScenario("jrn_wait", "approved");
		assertThat(this.tools.waitForApproval()).isEqualTo("approved-run");
		assertThat(this.tools.runs()).hasValue(1);
		assertThat(json(single(authority.completionsOf("jrn_wait"))).<String>read("$.status")).isEqualTo("success");
		assertThat(this.listener.of("wait")).containsExactly("start:wait", "decision:wait:SUSPEND:AUTHORITY",
				"decision:wait:ALLOW:AUTHORITY", "completion:wait:SUCCESS");
	}

	@Test
	void waitingForAnApprovalThatIsDeniedRaisesBlocked() {
		authority.suspend("wait", "jrn_wait");
		journalScenario("jrn_wait", "denied");
		assertThatExceptionOfType(SpecoraBlockedException.class).isThrownBy(this.tools::waitForApproval)
			.withMessageContaining("denied");
		assertThat(this.tools.runs()).hasValue(0);
		assertThat(authority.completions()).isEmpty();
	}

	@Test
	void anApprovalOnAnExpiredEntryDoesNotRunTheMethod() {
		authority.suspend("wait", "jrn_wait");
		authority.server()
			.stubFor(get(urlEqualTo("/v1/runtime/journal/jrn_wait")).willReturn(okJson("{\"journal_id\": \"jrn_wait\", "
					+ "\"decision\": \"suspend\", \"status\": \"expired\", \"approval_state\": \"approved\", "
					+ "\"approval_id\": \"apr_1\"}")));
		assertThatExceptionOfType(SpecoraSuspendedException.class).isThrownBy(this.tools::waitForApproval)
			.withMessageContaining("expired");
		assertThat(this.tools.runs()).hasValue(0);
		assertThat(authority.completions()).isEmpty();
	}

	@Test
	void waitingForAnApprovalThatDoesNotComeRaisesSuspended() {
		authority.suspend("wait", "jrn_wait");
		authority.journal("jrn_wait", "pending");
		assertThatExceptionOfType(SpecoraSuspendedException.class).isThrownBy(this.tools::waitForApproval)
			.withMessageContaining("not approved")
			.withMessageContaining("PT5S");
		assertThat(this.tools.runs()).hasValue(0);
		assertThat(this.listener.of("wait")).endsWith("error:wait:SpecoraSuspendedException");
	}

	@Test
	void reactiveWaitingForAnApprovalRunsTheMethodOnceApproved() {
		authority.suspend("wait_mono", "jrn_wait_mono");
		journalScenario("jrn_wait_mono", "approved");
		StepVerifier.create(this.tools.waitForApprovalReactively()).expectNext("approved-run").verifyComplete();
		assertThat(json(single(authority.completionsOf("jrn_wait_mono"))).<String>read("$.status"))
			.isEqualTo("success");
	}

	@Test
	void reactiveWaitingForAnApprovalThatIsDeniedSignalsBlocked() {
		authority.suspend("wait_mono", "jrn_wait_mono");
		journalScenario("jrn_wait_mono", "denied");
		StepVerifier.create(this.tools.waitForApprovalReactively()).verifyError(SpecoraBlockedException.class);
		assertThat(this.tools.runs()).hasValue(0);
	}

	/**
	 * The journal says "pending" twice, then the final state.
	 */
	private static void journalScenario(String journalId, String finalState) {
		String scenario = "approval-" + journalId;
		String path = "/v1/runtime/journal/" + journalId;
		authority.server()
			.stubFor(get(urlEqualTo(path)).inScenario(scenario)
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(okJson(Authority.journalBody(journalId, "pending")))
				.willSetStateTo("second"));
		authority.server()
			.stubFor(get(urlEqualTo(path)).inScenario(scenario)
				.whenScenarioStateIs("second")
				.willReturn(okJson(Authority.journalBody(journalId, "pending")))
				.willSetStateTo("resolved"));
		authority.server()
			.stubFor(get(urlEqualTo(path)).inScenario(scenario)
				.whenScenarioStateIs("resolved")
				.willReturn(okJson(Authority.journalBody(journalId, finalState))));
	}

	static LoggedRequest single(java.util.List<LoggedRequest> requests) {
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	static DocumentContext json(LoggedRequest request) {
		return JsonPath.parse(request.getBodyAsString());
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ SpecoraGovernanceAutoConfiguration.class, SpecoraEnforcementAutoConfiguration.class })
	static class Config {

		@Bean
		SpecoraClient specoraClient() {
			return authority.client();
		}

		@Bean
		ApprovalWaiter approvalWaiter(SpecoraClient client) {
			return new ApprovalWaiter(client.reactive(), Duration.ofMillis(20), Duration.ofMillis(100));
		}

		@Bean
		RecordingListener recordingListener() {
			return new RecordingListener();
		}

		@Bean
		Tools tools() {
			return new Tools();
		}

		@Bean
		GovernedServices.Scopes scopes() {
			return new GovernedServices.Scopes();
		}

		@Bean
		Reports reports() {
			return new Reports();
		}

		@Bean
		GovernedServices.SmtpMailer mailer() {
			return new GovernedServices.SmtpMailer();
		}

		@Bean
		GovernedServices.SimpleSearch search() {
			return new GovernedServices.SimpleSearch();
		}

		@Bean
		Repository repository() {
			return new Repository();
		}

	}

}
