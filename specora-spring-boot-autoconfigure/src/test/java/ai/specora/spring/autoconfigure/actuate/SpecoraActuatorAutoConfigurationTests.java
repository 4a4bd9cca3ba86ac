package ai.specora.spring.autoconfigure.actuate;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.specora.client.CircuitBreakerState;
import ai.specora.client.EnforceRequest;
import ai.specora.client.FailClosedException;
import ai.specora.client.SpecoraClient;
import ai.specora.spring.actuate.SpecoraEndpoint;
import ai.specora.spring.actuate.SpecoraErrorRecorder;
import ai.specora.spring.actuate.SpecoraHealthIndicator;
import ai.specora.spring.autoconfigure.SpecoraClientAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraClientBuilderCustomizer;
import ai.specora.spring.autoconfigure.SpecoraEnforcementAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraGovernanceAutoConfiguration;
import ai.specora.spring.autoconfigure.webhook.SpecoraWebhookAutoConfiguration;
import ai.specora.spring.enforcement.Authority;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests the actuator auto-configurations: the {@code specora} health contributor against
 * a stand-in authority ({@link SpecoraHealthContributorAutoConfiguration}) and the
 * {@code specora} endpoint ({@link SpecoraEndpointAutoConfiguration}).
 */
class SpecoraActuatorAutoConfigurationTests {

	private static final String API_KEY = "sk_test_actuator_5c1e";

	private static final String JOURNAL = "/v1/runtime/journal/jrn_x";

	private static final String WEBHOOK_SECRET = "whsec_actuator_test_9a";

	static final Authority authority = new Authority().start();

	private ApplicationContextRunner runner;

	@BeforeEach
	void setUp() {
		authority.reset();
		authority.server().stubFor(get("/v1/health").willReturn(okJson("{\"status\": \"ok\", \"version\": \"1.4\"}")));
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SpecoraClientAutoConfiguration.class,
					SpecoraGovernanceAutoConfiguration.class, SpecoraEnforcementAutoConfiguration.class,
					SpecoraHealthContributorAutoConfiguration.class, SpecoraEndpointAutoConfiguration.class))
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
	void healthIsUpWhenTheAuthorityAnswers() {
		this.runner.run((context) -> {
			Health health = context.getBean(SpecoraHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("version", "1.4")
				.containsEntry("baseUrl", authority.baseUrl());
			assertThat(health.toString()).doesNotContain(API_KEY);
		});
	}

	@Test
	void healthChecksTheAuthorityOncePerCacheTimeToLive() {
		this.runner.run((context) -> {
			SpecoraHealthIndicator indicator = context.getBean(SpecoraHealthIndicator.class);
			for (int i = 0; i < 5; i++) {
				assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
			}
			assertThat(authority.server().findAll(getRequestedFor(urlEqualTo("/v1/health")))).hasSize(1);
		});
	}

	@Test
	void healthCacheTimeToLiveIsConfigurable() {
		this.runner.withPropertyValues("specora.health.cache-ttl=0s").run((context) -> {
			SpecoraHealthIndicator indicator = context.getBean(SpecoraHealthIndicator.class);
			indicator.health();
			indicator.health();
			assertThat(authority.server().findAll(getRequestedFor(urlEqualTo("/v1/health")))).hasSize(2);
		});
	}

	@Test
	void healthShowsTheCircuitBreakerState() {
		this.runner.run((context) -> assertThat(context.getBean(SpecoraHealthIndicator.class).health().getDetails())
			.containsEntry("circuitBreaker", "CLOSED"));
		this.runner.withPropertyValues("specora.circuit-breaker.enabled=false")
			.run((context) -> assertThat(context.getBean(SpecoraHealthIndicator.class).health().getDetails())
				.containsEntry("circuitBreaker", "DISABLED"));
	}

	@Test
	void healthIsDownWithoutARequestWhileTheCircuitBreakerIsOpen() {
		authority.server().stubFor(post(Authority.ENFORCE).willReturn(aResponse().withStatus(503)));
		this.runner.run((context) -> {
			SpecoraClient client = context.getBean(SpecoraClient.class);
			openCircuitBreaker(client);
			authority.server().resetRequests();
			Health health = context.getBean(SpecoraHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("circuitBreaker", "OPEN");
			assertThat(String.valueOf(health.getDetails().get("error"))).contains("circuit breaker is open");
			assertThat(authority.server().getAllServeEvents()).isEmpty();
		});
	}

	private static void openCircuitBreaker(SpecoraClient client) {
		for (int call = 1; call <= 10; call++) {
			assertThatExceptionOfType(FailClosedException.class)
				.isThrownBy(() -> client.enforce(EnforceRequest.builder("plain").scope("table", "users").build()));
		}
		assertThat(client.circuitBreakerState()).isEqualTo(CircuitBreakerState.OPEN);
	}

	@Test
	void healthIsDownWhenTheAuthorityFails() {
		authority.server().stubFor(get("/v1/health").willReturn(aResponse().withStatus(503)));
		this.runner.run((context) -> {
			Health health = context.getBean(SpecoraHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsKey("error");
			assertThat(health.toString()).doesNotContain(API_KEY);
		});
	}

	@Test
	void healthIsDownWhenTheKeyIsRefused() {
		authority.server()
			.stubFor(get("/v1/health").willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\": {\"code\": \"unauthorized\", \"message\": \"bad key\"}}")));
		this.runner.run((context) -> {
			Health health = context.getBean(SpecoraHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.toString()).doesNotContain(API_KEY);
		});
	}

	@Test
	void healthContributorCanBeDisabled() {
		this.runner.withPropertyValues("management.health.specora.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SpecoraHealthIndicator.class));
	}

	@Test
	void healthContributorIsNotInTheProbeGroups() {
		this.runner
			.withConfiguration(AutoConfigurations.of(ApplicationAvailabilityAutoConfiguration.class,
					HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
					HealthEndpointAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class))
			.withPropertyValues("management.endpoint.health.probes.enabled=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(SpecoraHealthIndicator.class);
				HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
				assertThat(groups.get("liveness").isMember("specora")).isFalse();
				assertThat(groups.get("readiness").isMember("specora")).isFalse();
				assertThat(groups.getPrimary().isMember("specora")).isTrue();
			});
	}

	@Test
	void endpointIsNotAvailableUnlessExposed() {
		this.runner.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(SpecoraEndpoint.class)
				.doesNotHaveBean(SpecoraErrorRecorder.class));
	}

	@Test
	void endpointDescribesTheIntegrationWithoutSecrets() {
		authority.server()
			.stubFor(get(JOURNAL).willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\": {\"code\": \"unauthorized\", \"message\": \"bad key\"}}")));
		this.runner
			.withConfiguration(
					AutoConfigurations.of(EndpointAutoConfiguration.class, SpecoraWebhookAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=specora",
					"specora.webhook.secret=" + WEBHOOK_SECRET, "specora.webhook.path=/hooks/specora")
			.run((context) -> {
				SpecoraClient client = context.getBean(SpecoraClient.class);
				assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> client.journal("jrn_x"));
				SpecoraEndpoint.SpecoraDescriptor descriptor = context.getBean(SpecoraEndpoint.class).specora();
				assertThat(descriptor.baseUrl()).isEqualTo(authority.baseUrl());
				assertThat(descriptor.orgId()).isEqualTo("org-1");
				assertThat(descriptor.projectId()).isEqualTo("proj-9");
				assertThat(descriptor.failMode()).isEqualTo("closed");
				assertThat(descriptor.enforcement().enabled()).isTrue();
				assertThat(descriptor.enforcement().completions().pending()).isZero();
				assertThat(descriptor.webhook().enabled()).isTrue();
				assertThat(descriptor.webhook().path()).isEqualTo("/hooks/specora");
				assertThat(descriptor.lastError()).isNotNull();
				assertThat(descriptor.lastError().statusCode()).isEqualTo(401);
				assertThat(descriptor.lastError().type()).isEqualTo("AuthenticationException");
				String json = JsonMapper.builder().findAndAddModules().build().writeValueAsString(descriptor);
				assertThat(json).contains("\"orgId\":\"org-1\"", "\"lastError\"")
					.doesNotContain(API_KEY)
					.doesNotContain(WEBHOOK_SECRET);
			});
	}

	@Test
	void endpointErrorRecorderAddsToTheApplicationsOwnCallback() {
		authority.server().stubFor(get(JOURNAL).willReturn(aResponse().withStatus(401)));
		List<Object> seen = new CopyOnWriteArrayList<>();
		this.runner.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=specora")
			.withBean(SpecoraClientBuilderCustomizer.class, () -> (builder) -> builder.onError(seen::add))
			.run((context) -> {
				assertThatExceptionOfType(RuntimeException.class)
					.isThrownBy(() -> context.getBean(SpecoraClient.class).journal("jrn_x"));
				assertThat(seen).hasSize(1);
				assertThat(context.getBean(SpecoraErrorRecorder.class).lastError()).isNotNull();
			});
	}

	@Test
	void actuatorMissingMeansNoHealthNorEndpoint() {
		this.runner
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.health",
					"org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(SpecoraHealthIndicator.class)
				.doesNotHaveBean(SpecoraEndpoint.class));
	}

}
