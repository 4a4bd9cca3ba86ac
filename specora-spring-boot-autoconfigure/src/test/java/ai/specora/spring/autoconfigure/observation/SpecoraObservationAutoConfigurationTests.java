package ai.specora.spring.autoconfigure.observation;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import ai.specora.client.CircuitBreakerState;
import ai.specora.client.Completion;
import ai.specora.client.EnforceRequest;
import ai.specora.client.FailClosedException;
import ai.specora.client.SpecoraClient;
import ai.specora.client.platform.ExecutionRecordRequest;
import ai.specora.client.platform.Provider;
import ai.specora.runtime.observation.DefaultEnforcementObservationConvention;
import ai.specora.runtime.observation.EnforcementObservationConvention;
import ai.specora.spring.autoconfigure.SpecoraClientAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraEnforcementAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraGovernanceAutoConfiguration;
import ai.specora.spring.enforcement.Authority;
import ai.specora.spring.enforcement.EnforcementInterceptor;
import ai.specora.spring.enforcement.GovernedServices.Tools;
import ai.specora.spring.enforcement.completion.AsyncCompletionDispatcher;
import ai.specora.spring.observation.CircuitBreakerMetrics;
import ai.specora.spring.observation.CompletionMetrics;
import ai.specora.spring.observation.FailOpenMetrics;
import ai.specora.spring.observation.SpecoraClientRequestObservationFilter;
import ai.specora.spring.observation.SpecoraObservations;
import ai.specora.spring.observation.WebhookMetrics;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests {@link SpecoraObservationAutoConfiguration}: the observation and meters (on by
 * default, off with {@code specora.metrics.enabled=false}), {@code client.name} on the
 * authority's {@code http.client.requests}, and the circuit breaker's gauge.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpecoraObservationAutoConfigurationTests {

	private static final String API_KEY = "sk_test_observability_5c1e";

	static final Authority authority = new Authority().start();

	private ApplicationContextRunner runner;

	@BeforeEach
	void setUp() {
		authority.reset();
		authority.server().stubFor(get("/v1/health").willReturn(okJson("{\"status\": \"ok\", \"version\": \"1.4\"}")));
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SpecoraClientAutoConfiguration.class,
					SpecoraGovernanceAutoConfiguration.class, SpecoraEnforcementAutoConfiguration.class,
					SpecoraObservationAutoConfiguration.class))
			.withPropertyValues("specora.base-url=" + authority.baseUrl(), "specora.api-key=" + API_KEY,
					"specora.org-id=org-1", "specora.project-id=proj-9", "specora.retries=0",
					"specora.enforcement.completion.mode=sync",
					// generous limits: the assertions are about behaviour, never speed
					"specora.timeout=60s", "specora.deadline=120s");
	}

	@AfterAll
	static void stopAuthority() {
		authority.stop();
	}

	@Test
	void withoutAnyRegistryNothingIsObserved() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(SpecoraObservations.class)
				.doesNotHaveBean(FailOpenMetrics.class)
				.doesNotHaveBean(CompletionMetrics.class)
				.doesNotHaveBean(WebhookMetrics.class);
			assertThat(context.getBean(EnforcementInterceptor.class)).isNotNull();
		});
	}

	@Test
	void withAMeterRegistryGovernedCallsAndCompletionsAreMetered() {
		this.runner.withUserConfiguration(MeterRegistryConfiguration.class, ToolsConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(SpecoraObservations.class)
					.hasSingleBean(FailOpenMetrics.class)
					.hasSingleBean(CompletionMetrics.class)
					.hasSingleBean(WebhookMetrics.class);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("specora.completions.pending").gauge().value()).isZero();
				assertThat(meters.get("specora.completions.dropped").functionCounter().count()).isZero();
				authority.allow("plain", "jrn_metered");
				context.getBean(Tools.class).write("users", 1, 0);
				Timer timer = meters.get("specora.enforcement").tag("action.type", "plain").timer();
				assertThat(timer.count()).isEqualTo(1);
				assertThat(timer.getId().getTag("outcome")).isEqualTo("success");
			});
	}

	@Test
	void droppedCompletionsAreCounted() {
		this.runner.withUserConfiguration(MeterRegistryConfiguration.class, ToolsConfiguration.class)
			.run((context) -> {
				authority.allow("plain", "jrn_dropped");
				authority.server()
					.stubFor(post(Authority.COMPLETE)
						.atPriority(1)
						.willReturn(aResponse().withStatus(500)));
				context.getBean(Tools.class).write("users", 1, 0);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("specora.completions.dropped").functionCounter().count()).isEqualTo(1);
			});
	}

	@Test
	void backgroundDeliveryIsMeteredByDropReasonInFlightAndOldestAge() {
		this.runner.withUserConfiguration(MeterRegistryConfiguration.class)
			.withPropertyValues("specora.enforcement.completion.mode=async")
			.run((context) -> {
				authority.server()
					.stubFor(post(Authority.COMPLETE).atPriority(1).willReturn(aResponse().withStatus(503)));
				AsyncCompletionDispatcher dispatcher = context.getBean(AsyncCompletionDispatcher.class);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.find("specora.completions.dropped").functionCounters())
					.extracting((counter) -> counter.getId().getTag("reason"))
					.containsExactlyInAnyOrder("duplicate", "max_age", "queue_full", "refused", "shutdown",
							"unreadable");
				dispatcher.dispatch("jrn_metered_twice", Completion.success(null));
				dispatcher.dispatch("jrn_metered_twice", Completion.success(null));
				assertThat(meters.get("specora.completions.dropped").tag("reason", "duplicate").functionCounter().count())
					.isEqualTo(1);
				assertThat(meters.get("specora.completions.dropped").tag("reason", "max_age").functionCounter().count())
					.isZero();
				assertThat(meters.get("specora.completions.pending").gauge().value()).isEqualTo(1);
				assertThat(meters.get("specora.completions.in.flight").gauge().value()).isBetween(0.0, 1.0);
				assertThat(meters.get("specora.completions.oldest.age").timeGauge().value(TimeUnit.MILLISECONDS))
					.isGreaterThanOrEqualTo(0);
			});
	}

	@Test
	void executionRecordsAreMeteredApartFromCompletions() {
		this.runner.withUserConfiguration(MeterRegistryConfiguration.class)
			.withPropertyValues("specora.enforcement.completion.mode=async", "specora.vendor-id=ven_1",
					"specora.tenant-id=ten_1")
			.run((context) -> {
				authority.server()
					.stubFor(post("/v1/platform/executions").withRequestBody(containing("gpt-ok"))
						.willReturn(okJson("{\"execution_id\": \"exe_1\", \"budget_remaining_micros\": 1000, "
								+ "\"usage_percent\": 1.0, \"enforcement_state\": \"normal\"}")));
				authority.server()
					.stubFor(post("/v1/platform/executions").withRequestBody(containing("gpt-refused"))
						.willReturn(aResponse().withStatus(422)));
				AsyncCompletionDispatcher dispatcher = context.getBean(AsyncCompletionDispatcher.class);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.find("specora.execution.records.dropped").functionCounters()).hasSize(6);
				dispatcher.dispatchExecutionRecord(ExecutionRecordRequest.builder(Provider.OPENAI, "gpt-ok").build());
				dispatcher
					.dispatchExecutionRecord(ExecutionRecordRequest.builder(Provider.OPENAI, "gpt-refused").build());
				await().atMost(Duration.ofSeconds(30))
					.until(() -> meters.get("specora.execution.records.delivered").functionCounter().count() == 1
							&& meters.get("specora.execution.records.dropped")
								.tag("reason", "refused")
								.functionCounter()
								.count() == 1);
				assertThat(meters.get("specora.completions.dropped").tag("reason", "refused").functionCounter().count())
					.isZero();
			});
	}

	@Test
	void metricsDisabledMeansNoObservationAndNoMeter() {
		this.runner.withUserConfiguration(MeterRegistryConfiguration.class, ToolsConfiguration.class)
			.withPropertyValues("specora.metrics.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(SpecoraObservations.class)
					.doesNotHaveBean(FailOpenMetrics.class)
					.doesNotHaveBean(CompletionMetrics.class)
					.doesNotHaveBean(WebhookMetrics.class)
					.doesNotHaveBean(SpecoraClientRequestObservationFilter.class);
				authority.allow("plain", "jrn_unmetered");
				authority.unavailable("open_method");
				Tools tools = context.getBean(Tools.class);
				tools.write("users", 1, 0);
				tools.failOpen();
				List<Meter> specoraMeters = context.getBean(MeterRegistry.class)
					.getMeters()
					.stream()
					.filter((meter) -> meter.getId().getName().startsWith("specora"))
					.toList();
				assertThat(specoraMeters).isEmpty();
			});
	}

	@Test
	void userConventionReplacesTheDefault() {
		this.runner.withUserConfiguration(MeterRegistryConfiguration.class, ToolsConfiguration.class)
			.withBean(EnforcementObservationConvention.class, RenamedConvention::new)
			.run((context) -> {
				assertThat(context.getBean(SpecoraObservations.class).enforcementConvention())
					.isInstanceOf(RenamedConvention.class);
				authority.allow("plain", "jrn_renamed");
				context.getBean(Tools.class).write("users", 1, 0);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.find("acme.governed.calls").timer()).isNotNull();
				assertThat(meters.find("specora.enforcement").timer()).isNull();
			});
	}

	@Test
	void withoutMicrometerCoreOnlyTheObservationRegistryIsUsed() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(SpecoraObservations.class)
				.doesNotHaveBean(FailOpenMetrics.class));
	}

	@Test
	void authorityCallsAreTimedOnceAsHttpClientRequestsNamedSpecora() {
		this.runner
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class,
					WebClientObservationAutoConfiguration.class, ObservationAutoConfiguration.class,
					MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(SpecoraClientRequestObservationFilter.class);
				context.getBean(SpecoraClient.class).health();
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				List<Timer> timers = List.copyOf(meters.find("http.client.requests").timers());
				assertThat(timers).hasSize(1);
				assertThat(timers.get(0).getId().getTag("client.name")).isEqualTo("specora");
				assertThat(timers.get(0).getId().getTag("uri")).isEqualTo("/v1/health");
				assertThat(timers.get(0).count()).isEqualTo(1);
				assertThat(meters.getMeters()).extracting((meter) -> meter.getId().getName())
					.filteredOn((name) -> name.startsWith("specora"))
					.doesNotContain("specora.http", "specora.client.requests");
			});
	}

	@Test
	void authorityCallsFollowTheApplicationsObservationName() {
		this.runner
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class,
					WebClientObservationAutoConfiguration.class, ObservationAutoConfiguration.class,
					MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class))
			.withPropertyValues("management.observations.http.client.requests.name=outbound.calls")
			.run((context) -> {
				context.getBean(SpecoraClient.class).health();
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.find("http.client.requests").timers()).isEmpty();
				List<Timer> timers = List.copyOf(meters.find("outbound.calls").timers());
				assertThat(timers).singleElement()
					.satisfies((timer) -> assertThat(timer.getId().getTag("client.name")).isEqualTo("specora"));
			});
	}

	@Test
	void completionMetersAreRegisteredOnceWithSpringBootMetrics(CapturedOutput output) {
		this.runner
			.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.withUserConfiguration(ToolsConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(CompletionMetrics.class);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.find("specora.completions.pending").gauges()).hasSize(1);
				assertThat(meters.find("specora.completions.dropped").functionCounters()).hasSize(1);
			});
		assertThat(output).doesNotContain("has been already registered");
	}

	@Test
	void theCircuitBreakerStateIsAGaugePerState() {
		authority.server().stubFor(post(Authority.ENFORCE).willReturn(aResponse().withStatus(503)));
		this.runner.withUserConfiguration(MeterRegistryConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(CircuitBreakerMetrics.class);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.find("specora.client.circuit.state").gauges()).hasSize(3);
			assertThat(circuitState(meters, "closed")).isEqualTo(1);
			assertThat(circuitState(meters, "open")).isZero();
			assertThat(circuitState(meters, "half_open")).isZero();
			openCircuitBreaker(context.getBean(SpecoraClient.class));
			assertThat(circuitState(meters, "closed")).isZero();
			assertThat(circuitState(meters, "open")).isEqualTo(1);
		});
	}

	@Test
	void noCircuitBreakerGaugeWithoutACircuitBreaker() {
		this.runner.withUserConfiguration(MeterRegistryConfiguration.class)
			.withPropertyValues("specora.circuit-breaker.enabled=false")
			.run((context) -> assertThat(context.getBean(MeterRegistry.class)
				.find("specora.client.circuit.state")
				.gauges()).isEmpty());
	}

	private static double circuitState(MeterRegistry meters, String state) {
		return meters.get("specora.client.circuit.state").tag("state", state).gauge().value();
	}

	private static void openCircuitBreaker(SpecoraClient client) {
		for (int call = 1; call <= 10; call++) {
			assertThatExceptionOfType(FailClosedException.class)
				.isThrownBy(() -> client.enforce(EnforceRequest.builder("plain").scope("table", "users").build()));
		}
		assertThat(client.circuitBreakerState()).isEqualTo(CircuitBreakerState.OPEN);
	}

	@Configuration(proxyBeanMethods = false)
	static class MeterRegistryConfiguration {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ToolsConfiguration {

		@Bean
		Tools tools() {
			return new Tools();
		}

	}

	static class RenamedConvention extends DefaultEnforcementObservationConvention {

		@Override
		public String getName() {
			return "acme.governed.calls";
		}

	}

}
