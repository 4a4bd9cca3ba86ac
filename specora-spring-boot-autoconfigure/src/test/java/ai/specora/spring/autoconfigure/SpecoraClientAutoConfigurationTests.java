package ai.specora.spring.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.specora.client.CircuitBreakerSettings;
import ai.specora.client.CircuitBreakerState;
import ai.specora.client.FailMode;
import ai.specora.client.ReactiveSpecoraClient;
import ai.specora.client.SpecoraClient;
import ai.specora.client.SpecoraClientSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SpecoraClientAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpecoraClientAutoConfigurationTests {

	private static final String API_KEY = "sk_test_4f9a1c";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpecoraClientAutoConfiguration.class));

	private final ApplicationContextRunner configured = this.runner.withPropertyValues(
			"specora.base-url=http://localhost:8080", "specora.api-key=" + API_KEY, "specora.org-id=org-1");

	@Test
	void notConfiguredFailsStartupNamingTheBaseUrl() {
		this.runner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(
					ai.specora.client.InvalidConfigurationException.class);
			assertThat(new SpecoraClientConfigurationFailureAnalyzer().analyze(context.getStartupFailure())
				.getDescription()).contains("specora.base-url");
		});
	}

	@Test
	void minimalPropertiesCreateClientWithDefaults() {
		this.configured.run((context) -> {
			assertThat(context).hasSingleBean(SpecoraClient.class)
				.hasSingleBean(ReactiveSpecoraClient.class)
				.hasSingleBean(PropertiesSpecoraConnectionDetails.class)
				.hasBean(SpecoraClientAutoConfiguration.CLIENT_BEAN_NAME);
			SpecoraClient client = context.getBean(SpecoraClient.class);
			SpecoraClientSettings settings = client.settings();
			assertThat(settings.baseUrl()).isEqualTo(URI.create("http://localhost:8080"));
			assertThat(settings.orgId()).isEqualTo("org-1");
			assertThat(settings.projectId()).isNull();
			assertThat(settings.agentId()).isNull();
			assertThat(settings.isVendorModel()).isFalse();
			assertThat(settings.failMode()).isEqualTo(FailMode.CLOSED);
			assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(settings.deadline()).isEqualTo(Duration.ofSeconds(30));
			assertThat(settings.retries()).isEqualTo(2);
			assertThat(settings.retryBackoff()).isEqualTo(Duration.ofMillis(500));
			assertThat(settings.maxRetryBackoff()).isEqualTo(Duration.ofSeconds(8));
			assertThat(settings.circuitBreaker()).isEqualTo(CircuitBreakerSettings.defaults());
			assertThat(client.circuitBreakerState()).isEqualTo(CircuitBreakerState.CLOSED);
			assertThat(context.getBean(ReactiveSpecoraClient.class)).isSameAs(client.reactive());
			assertThat(context).hasSingleBean(SpecoraHttpConnectorFactory.class);
			assertThat(client.toString()).doesNotContain(API_KEY);
		});
	}

	@Test
	void everyPropertyIsBound() {
		this.configured
			.withPropertyValues("specora.project-id=proj-7", "specora.agent-id=billing-agent",
					"specora.vendor-id=vendor-3", "specora.tenant-id=tenant-9", "specora.fail-mode=open",
					"specora.timeout=2s", "specora.deadline=5s", "specora.retries=4", "specora.retry-backoff=100ms",
					"specora.max-retry-backoff=1s")
			.run((context) -> {
				SpecoraClientSettings settings = context.getBean(SpecoraClient.class).settings();
				assertThat(settings.projectId()).isEqualTo("proj-7");
				assertThat(settings.agentId()).isEqualTo("billing-agent");
				assertThat(settings.vendorId()).isEqualTo("vendor-3");
				assertThat(settings.tenantId()).isEqualTo("tenant-9");
				assertThat(settings.failMode()).isEqualTo(FailMode.OPEN);
				assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(settings.deadline()).isEqualTo(Duration.ofSeconds(5));
				assertThat(settings.retries()).isEqualTo(4);
				assertThat(settings.retryBackoff()).isEqualTo(Duration.ofMillis(100));
				assertThat(settings.maxRetryBackoff()).isEqualTo(Duration.ofSeconds(1));
			});
	}

	@Test
	void circuitBreakerPropertiesAreBound() {
		this.configured
			.withPropertyValues("specora.circuit-breaker.failure-rate-threshold=80",
					"specora.circuit-breaker.sliding-window-size=40", "specora.circuit-breaker.minimum-number-of-calls=15",
					"specora.circuit-breaker.wait-duration-in-open-state=30s",
					"specora.circuit-breaker.permitted-number-of-calls-in-half-open-state=5")
			.run((context) -> assertThat(context.getBean(SpecoraClient.class).settings().circuitBreaker())
				.isEqualTo(new CircuitBreakerSettings(true, 80, 40, 15, Duration.ofSeconds(30), 5)));
	}

	@Test
	void circuitBreakerCanBeDisabled() {
		this.configured.withPropertyValues("specora.circuit-breaker.enabled=false").run((context) -> {
			SpecoraClient client = context.getBean(SpecoraClient.class);
			assertThat(client.settings().circuitBreaker().enabled()).isFalse();
			assertThat(client.circuitBreakerState()).isEqualTo(CircuitBreakerState.DISABLED);
		});
	}

	@Test
	void theClientIsClosedOnceWithTheContext() {
		List<SpecoraClient> clients = new ArrayList<>();
		this.configured.run((context) -> {
			SpecoraClient client = context.getBean(SpecoraClient.class);
			assertThat(client.isClosed()).isFalse();
			clients.add(client);
		});
		assertThat(clients).singleElement().satisfies((client) -> assertThat(client.isClosed()).isTrue());
	}

	@ParameterizedTest
	@ValueSource(strings = { "open", "OPEN", "Open" })
	void failModeIsCaseInsensitive(String value) {
		this.configured.withPropertyValues("specora.fail-mode=" + value)
			.run((context) -> assertThat(context.getBean(SpecoraClient.class).settings().failMode())
				.isEqualTo(FailMode.OPEN));
	}

	@Test
	void environmentVariablesBindThroughRelaxedBinding() {
		Map<String, Object> environment = Map.of("SPECORA_BASE_URL", "http://127.0.0.1:9000", "SPECORA_API_KEY",
				API_KEY, "SPECORA_ORG_ID", "org-env", "SPECORA_FAIL_MODE", "OPEN", "SPECORA_RETRIES", "5");
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(
								StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(SpecoraConnectionDetails.class).apiKey()).isEqualTo(API_KEY);
				SpecoraClientSettings settings = context.getBean(SpecoraClient.class).settings();
				assertThat(settings.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9000"));
				assertThat(settings.orgId()).isEqualTo("org-env");
				assertThat(settings.failMode()).isEqualTo(FailMode.OPEN);
				assertThat(settings.retries()).isEqualTo(5);
			});
	}

	@Test
	void disabledCreatesNothingAndWarnsOnce(CapturedOutput output) {
		this.runner.withPropertyValues("specora.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(SpecoraClient.class)
				.doesNotHaveBean(ReactiveSpecoraClient.class)
				.doesNotHaveBean(SpecoraConnectionDetails.class)
				.doesNotHaveBean(SpecoraHttpConnectorFactory.class);
			assertThat(output).containsOnlyOnce(SpecoraDisabledNotice.MESSAGE);
			assertThat(output.getOut() + output.getErr()).contains("WARN");
		});
	}

	@Test
	void enabledDoesNotWarn(CapturedOutput output) {
		this.configured.run((context) -> {
			assertThat(context).doesNotHaveBean(SpecoraDisabledNotice.class);
			assertThat(output).doesNotContain(SpecoraDisabledNotice.MESSAGE);
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnClient() {
		this.runner.withUserConfiguration(UserClientConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(SpecoraClient.class).hasBean("userClient");
			SpecoraClient client = context.getBean(SpecoraClient.class);
			assertThat(client.settings().orgId()).isEqualTo("user-org");
			assertThat(context.getBean(ReactiveSpecoraClient.class)).isSameAs(client.reactive());
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnConnectionDetails() {
		this.configured.withUserConfiguration(UserConnectionDetailsConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(SpecoraConnectionDetails.class)
				.doesNotHaveBean(PropertiesSpecoraConnectionDetails.class);
			assertThat(context.getBean(SpecoraClient.class).settings().baseUrl())
				.isEqualTo(URI.create("http://127.0.0.1:7777"));
		});
	}

	@Test
	void customizersAreAppliedInOrderAfterTheProperties() {
		this.configured.withPropertyValues("specora.project-id=from-properties")
			.withUserConfiguration(CustomizersConfiguration.class)
			.run((context) -> {
				assertThat(context.getBean(SpecoraClient.class).settings().projectId()).isEqualTo("second");
				assertThat(context.getBean("calls", List.class)).containsExactly("first", "second");
			});
	}

	@Test
	void withoutBootHttpClientTheClientUsesItsOwnConnector() {
		this.configured.withClassLoader(new FilteredClassLoader(ClientHttpConnectorBuilder.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(SpecoraClient.class)
				.doesNotHaveBean(SpecoraHttpConnectorFactory.class));
	}

	@Test
	void withoutBootHttpClientAnSslBundleFailsStartup() {
		this.configured.withClassLoader(new FilteredClassLoader(ClientHttpConnectorBuilder.class))
			.withPropertyValues("specora.ssl.bundle=authority")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(new SpecoraClientConfigurationFailureAnalyzer().analyze(context.getStartupFailure())
					.getDescription()).contains("specora.ssl.bundle");
			});
	}

	@Test
	void withoutWebClientBacksOffWithoutError() {
		this.runner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(SpecoraClient.class)
				.doesNotHaveBean(SpecoraConnectionDetails.class));
	}

	@Test
	void withoutTheClientBacksOffWithoutError() {
		this.runner.withClassLoader(new FilteredClassLoader(SpecoraClient.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SpecoraClient.class));
	}

	@Test
	void unknownSslBundleFailsStartup() {
		this.configured
			.withConfiguration(AutoConfigurations.of(org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration.class))
			.withPropertyValues("specora.ssl.bundle=missing")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure())
					.hasRootCauseInstanceOf(ai.specora.client.InvalidConfigurationException.class);
				assertThat(new SpecoraClientConfigurationFailureAnalyzer().analyze(context.getStartupFailure())
					.getDescription()).contains("Property 'specora.ssl.bundle' names SSL bundle 'missing'")
					.contains("is not defined under spring.ssl.bundle.*");
			});
	}

	@Test
	void autoConfigurationAndFailureAnalyzerAreRegistered() {
		assertThat(ImportCandidates.load(org.springframework.boot.autoconfigure.AutoConfiguration.class,
				getClass().getClassLoader()).getCandidates())
			.contains(SpecoraClientAutoConfiguration.class.getName());
		ArgumentResolver arguments = ArgumentResolver.of(BeanFactory.class, new DefaultListableBeanFactory())
			.and(Environment.class, new StandardEnvironment());
		// other libraries' analyzers may need classes absent here: they are noted, not loaded
		List<String> unavailable = new ArrayList<>();
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
			.load(FailureAnalyzer.class, arguments,
					(factoryType, implementationName, failure) -> unavailable.add(implementationName)))
			.hasAtLeastOneElementOfType(SpecoraClientConfigurationFailureAnalyzer.class);
		assertThat(unavailable).doesNotContain(SpecoraClientConfigurationFailureAnalyzer.class.getName());
	}

	@Test
	void connectionDetailsAndPropertiesNeverShowTheKey() {
		SpecoraProperties properties = new SpecoraProperties();
		properties.setBaseUrl("https://api.specora.ai");
		properties.setApiKey(API_KEY);
		assertThat(properties.toString()).doesNotContain(API_KEY).contains("******");
		assertThat(new PropertiesSpecoraConnectionDetails(properties).toString()).doesNotContain(API_KEY)
			.contains("https://api.specora.ai");
	}

	@Configuration(proxyBeanMethods = false)
	static class UserClientConfiguration {

		@Bean
		SpecoraClient userClient() {
			return SpecoraClient.builder()
				.baseUrl("http://localhost:1")
				.apiKey("user-key")
				.orgId("user-org")
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserConnectionDetailsConfiguration {

		@Bean
		SpecoraConnectionDetails localAuthorityConnectionDetails() {
			return new SpecoraConnectionDetails() {

				@Override
				public String baseUrl() {
					return "http://127.0.0.1:7777";
				}

				@Override
				public String apiKey() {
					return "local-key";
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizersConfiguration {

		@Bean
		List<String> calls() {
			return new ArrayList<>();
		}

		@Bean
		@Order(2)
		SpecoraClientBuilderCustomizer secondCustomizer(List<String> calls) {
			return (builder) -> {
				calls.add("second");
				builder.projectId("second");
			};
		}

		@Bean
		@Order(1)
		SpecoraClientBuilderCustomizer firstCustomizer(List<String> calls) {
			return (builder) -> {
				calls.add("first");
				builder.projectId("first");
			};
		}

	}

}
