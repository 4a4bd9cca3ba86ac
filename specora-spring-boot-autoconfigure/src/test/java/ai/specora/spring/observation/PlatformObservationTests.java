package ai.specora.spring.observation;

import java.util.concurrent.TimeUnit;

import ai.specora.client.BudgetExceededException;
import ai.specora.client.FailClosedException;
import ai.specora.client.SpecoraClient;
import ai.specora.client.ValidationException;
import ai.specora.client.platform.ChatMessage;
import ai.specora.client.platform.ExecutionRecordRequest;
import ai.specora.client.platform.PlatformCall;
import ai.specora.client.platform.PlatformOperation;
import ai.specora.client.platform.PolicyCheckRequest;
import ai.specora.client.platform.PreAuthorizeRequest;
import ai.specora.client.platform.Provider;
import ai.specora.client.platform.ProxyExecuteRequest;
import ai.specora.runtime.observation.DefaultPlatformObservationConvention;
import ai.specora.runtime.observation.PlatformObservationConvention;
import ai.specora.spring.autoconfigure.SpecoraClientAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraClientBuilderCustomizer;
import ai.specora.spring.autoconfigure.observation.SpecoraObservationAutoConfiguration;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code specora.platform} observation of the auto-configured client's platform
 * calls: one observation per call with the fixed low-cardinality keys {@code call},
 * {@code outcome}, {@code provider} and {@code selected.provider}; a timer of that name
 * with a meter registry only; nothing with {@code specora.metrics.enabled=false}.
 */
class PlatformObservationTests {

	private static final WireMockServer platform = new WireMockServer(
			WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

	private ApplicationContextRunner runner;

	@BeforeAll
	static void start() {
		platform.start();
	}

	@AfterAll
	static void stop() {
		platform.stop();
	}

	@BeforeEach
	void setUp() {
		platform.resetAll();
		platform.stubFor(post("/v1/platform/preauthorize").willReturn(json(200, """
				{"authorized": true, "authorization_id": "auth_1", "selected_provider": "deepseek",
				 "selected_model": "deepseek-chat"}
				""")));
		platform.stubFor(post("/v1/platform/proxy/execute").willReturn(json(200, """
				{"id": "c1", "provider": "ollama", "model": "llama3:8b", "content": "hi",
				 "usage": {"input_tokens": 1, "output_tokens": 1}, "cost_micros": 0}
				""")));
		platform.stubFor(post("/v1/platform/executions").willReturn(json(402, """
				{"error": {"code": "budget_exceeded", "message": "exhausted", "details": {"usage_percent": 101}}}
				""")));
		platform.stubFor(post("/v1/platform/policy/check").willReturn(json(503, "")));
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SpecoraClientAutoConfiguration.class,
					SpecoraObservationAutoConfiguration.class))
			.withPropertyValues("specora.base-url=http://127.0.0.1:" + platform.port(),
					"specora.api-key=sk_test_platform_obs_1", "specora.org-id=org-1", "specora.retries=0",
					"specora.vendor-id=vendor-3", "specora.tenant-id=tenant-9");
	}

	@Test
	void everyPlatformCallIsObservedWithFixedTags() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.runner.withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			SpecoraClient client = context.getBean(SpecoraClient.class);
			client.platform().preAuthorize(PreAuthorizeRequest.builder(Provider.ANTHROPIC, "claude").build());
			TestObservationRegistryAssert.assertThat(registry)
				.hasObservationWithNameEqualTo(DefaultPlatformObservationConvention.NAME)
				.that()
				.hasBeenStarted()
				.hasBeenStopped()
				.hasContextualNameEqualTo("specora platform preAuthorize")
				.hasLowCardinalityKeyValue("call", "preAuthorize")
				.hasLowCardinalityKeyValue("outcome", "authorized")
				.hasLowCardinalityKeyValue("provider", "anthropic")
				.hasLowCardinalityKeyValue("selected.provider", "deepseek");
		});
	}

	@Test
	void outcomesOfFailuresAndOfCallsWithoutAProvider() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.runner.withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			SpecoraClient client = context.getBean(SpecoraClient.class);
			assertThatExceptionOfType(BudgetExceededException.class).isThrownBy(() -> client.platform()
				.recordExecution(ExecutionRecordRequest.builder(Provider.OPENAI, "gpt-4").costMicros(1).build()));
			assertThatExceptionOfType(FailClosedException.class)
				.isThrownBy(() -> client.platform().checkPolicy(PolicyCheckRequest.of("pr_run", "r")));
			client.platform()
				.proxyExecute(ProxyExecuteRequest.builder(Provider.OPENAI, "gpt-4").message(ChatMessage.user("x")).build());
			TestObservationRegistryAssert.assertThat(registry)
				.hasNumberOfObservationsWithNameEqualTo(DefaultPlatformObservationConvention.NAME, 3)
				.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("call", "recordExecution")
					.hasLowCardinalityKeyValue("outcome", "budget_exceeded")
					.hasLowCardinalityKeyValue("provider", "openai")
					.hasLowCardinalityKeyValue("selected.provider", "none")
					.assertThatError()
					.isInstanceOf(BudgetExceededException.class))
				.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("call", "checkPolicy")
					.hasLowCardinalityKeyValue("outcome", "fail_closed")
					.hasLowCardinalityKeyValue("provider", "none"))
				.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("call", "proxyExecute")
					.hasLowCardinalityKeyValue("outcome", "success")
					.hasLowCardinalityKeyValue("selected.provider", "ollama"));
		});
	}

	@Test
	void failOpenAndRefusalsBeforeAnyRequestAreOutcomesToo() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.runner.withBean(ObservationRegistry.class, () -> registry)
			.withPropertyValues("specora.fail-mode=open", "specora.vendor-id=", "specora.tenant-id=",
					"specora.strict-mode=true")
			.run((context) -> {
				SpecoraClient client = context.getBean(SpecoraClient.class);
				assertThatExceptionOfType(ValidationException.class)
					.isThrownBy(() -> client.platform().checkPolicy(PolicyCheckRequest.of("pr_run", "r")));
				assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> client.platform()
					.proxyExecute(
							ProxyExecuteRequest.builder(Provider.QWEN, "qwen").message(ChatMessage.user("x")).build()));
				platform.stubFor(post("/v1/platform/preauthorize").willReturn(json(503, "")));
				assertThat(client.platform()
					.preAuthorize(PreAuthorizeRequest.builder(Provider.GEMINI, "gemini").build())
					.isFailOpen()).isTrue();
				TestObservationRegistryAssert.assertThat(registry)
					.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("call", "checkPolicy")
						.hasLowCardinalityKeyValue("outcome", "refused"))
					.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("call", "proxyExecute")
						.hasLowCardinalityKeyValue("outcome", "refused")
						.hasLowCardinalityKeyValue("provider", "qwen"))
					.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("call", "preAuthorize")
						.hasLowCardinalityKeyValue("outcome", "fail_open")
						.hasLowCardinalityKeyValue("selected.provider", "gemini"));
			});
	}

	@Test
	void withAMeterRegistryOnlyCallsBecomeATimer() {
		MeterRegistry meters = new SimpleMeterRegistry();
		this.runner.withBean(MeterRegistry.class, () -> meters).run((context) -> {
			context.getBean(SpecoraClient.class)
				.platform()
				.preAuthorize(PreAuthorizeRequest.builder(Provider.ANTHROPIC, "claude").build());
			Timer timer = meters.find(DefaultPlatformObservationConvention.NAME)
				.tags("call", "preAuthorize", "outcome", "authorized", "provider", "anthropic", "selected.provider",
						"deepseek")
				.timer();
			assertThat(timer).isNotNull();
			assertThat(timer.count()).isEqualTo(1);
			assertThat(timer.totalTime(TimeUnit.NANOSECONDS)).isPositive();
		});
	}

	@Test
	void anApplicationConventionReplacesTheDefault() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.runner.withBean(ObservationRegistry.class, () -> registry)
			.withBean(PlatformObservationConvention.class, () -> new DefaultPlatformObservationConvention() {

				@Override
				public String getName() {
					return "acme.platform";
				}

			})
			.run((context) -> {
				context.getBean(SpecoraClient.class)
					.platform()
					.preAuthorize(PreAuthorizeRequest.builder(Provider.ANTHROPIC, "claude").build());
				TestObservationRegistryAssert.assertThat(registry).hasObservationWithNameEqualTo("acme.platform");
			});
	}

	@Test
	void metricsDisabledMeansNoPlatformObservation() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.runner.withBean(ObservationRegistry.class, () -> registry)
			.withPropertyValues("specora.metrics.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(SpecoraObservationAutoConfiguration.PLATFORM_OBSERVATION_CUSTOMIZER_BEAN_NAME);
				context.getBean(SpecoraClient.class)
					.platform()
					.preAuthorize(PreAuthorizeRequest.builder(Provider.ANTHROPIC, "claude").build());
				// the authority's HTTP call is still an http.client.requests observation: Spring's, not ours
				TestObservationRegistryAssert.assertThat(registry)
					.hasNumberOfObservationsWithNameEqualTo("specora.platform", 0)
					.hasNumberOfObservationsWithNameEqualTo("http.client.requests", 1);
			});
	}

	@Test
	void theCustomizerIsAPlainBuilderCustomizer() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.runner.withBean(ObservationRegistry.class, () -> registry)
			.run((context) -> assertThat(context.getBean(
					SpecoraObservationAutoConfiguration.PLATFORM_OBSERVATION_CUSTOMIZER_BEAN_NAME))
				.isInstanceOf(SpecoraClientBuilderCustomizer.class));
	}

	@Test
	void aCancelledCallIsStoppedOnceAsCancelled() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		PlatformObservationInterceptor interceptor = new PlatformObservationInterceptor(registry, null);
		StepVerifier
			.create(interceptor.intercept(new PlatformCall(
					PlatformOperation.GET_RISK_SCORE, null), Mono.never()))
			.thenCancel()
			.verify();
		TestObservationRegistryAssert.assertThat(registry)
			.hasSingleObservationThat()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("call", "getRiskScore")
			.hasLowCardinalityKeyValue("outcome", "cancelled");
	}

	@Test
	void nothingIsObservedUntilTheCallIsSubscribed() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		new PlatformObservationInterceptor(registry, null).intercept(new PlatformCall(
				PlatformOperation.GET_PREFERENCES, null), Mono.just(1));
		TestObservationRegistryAssert.assertThat(registry).doesNotHaveAnyObservation();
	}

	private static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

}
