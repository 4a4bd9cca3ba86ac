package ai.specora.spring.autoconfigure;

import java.util.function.Consumer;

import ai.specora.client.InvalidConfigurationException;
import ai.specora.client.SpecoraClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SpecoraClientConfigurationFailureAnalyzer}: each misconfiguration
 * fails the start-up with an analysis naming the property, never the API key.
 */
class SpecoraClientConfigurationFailureAnalyzerTests {

	private static final String API_KEY = "sk_live_9d2e7fa0";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpecoraClientAutoConfiguration.class))
		.withPropertyValues("specora.api-key=" + API_KEY);

	private final ApplicationContextRunner configured = this.runner
		.withPropertyValues("specora.base-url=https://api.specora.ai", "specora.org-id=org-1");

	@Test
	void missingBaseUrl() {
		analyze(this.runner.withPropertyValues("specora.org-id=org-1"), (analysis) -> {
			assertThat(analysis.getDescription()).contains("no base URL").contains("'specora.base-url'");
			assertThat(analysis.getAction()).contains("specora:\n      base-url: https://api.specora.ai")
				.contains("specora.enabled=false");
		});
	}

	@Test
	void blankBaseUrl() {
		analyze(this.runner.withPropertyValues("specora.base-url= ", "specora.org-id=org-1"),
				(analysis) -> assertThat(analysis.getDescription()).contains("'specora.base-url'"));
	}

	@Test
	void missingApiKey() {
		analyze(new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SpecoraClientAutoConfiguration.class))
			.withPropertyValues("specora.base-url=https://api.specora.ai", "specora.org-id=org-1"), (analysis) -> {
				assertThat(analysis.getDescription()).contains("no API key")
					.contains("'specora.api-key'")
					.contains("SPECORA_API_KEY");
				assertThat(analysis.getAction()).contains("api-key: ${SPECORA_API_KEY}");
			});
	}

	@Test
	void apiKeyWithWhiteSpaceIsNotShown() {
		String badKey = "sk_live_ab cd";
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SpecoraClientAutoConfiguration.class))
			.withPropertyValues("specora.base-url=https://api.specora.ai", "specora.org-id=org-1",
					"specora.api-key=" + badKey)
			.run((context) -> {
				FailureAnalysis analysis = new SpecoraClientConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("'specora.api-key'").contains("white space");
				assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("sk_live_ab");
			});
	}

	@Test
	void missingOrgId() {
		analyze(this.runner.withPropertyValues("specora.base-url=https://api.specora.ai"), (analysis) -> {
			assertThat(analysis.getDescription()).contains("'specora.org-id'");
			assertThat(analysis.getAction()).contains("org-id: <your organisation id>");
		});
	}

	@Test
	void plainHttpToARemoteHost() {
		analyze(this.configured.withPropertyValues("specora.base-url=http://authority.example.com:8443/api"),
				(analysis) -> {
					assertThat(analysis.getDescription()).contains("'specora.base-url'").contains("plain http");
					assertThat(analysis.getAction())
						.contains("base-url: https://authority.example.com:8443/api")
						.contains("localhost");
				});
	}

	@Test
	void notAUrl() {
		analyze(this.configured.withPropertyValues("specora.base-url=api.specora.ai"), (analysis) -> {
			assertThat(analysis.getDescription()).contains("'specora.base-url'").contains("api.specora.ai");
			assertThat(analysis.getAction()).contains("base-url: https://api.specora.ai");
		});
	}

	@Test
	void malformedUrlDoesNotShowCredentials() {
		analyze(this.configured.withPropertyValues("specora.base-url=https://admin:hunter2@api specora.ai"),
				(analysis) -> {
					assertThat(analysis.getDescription()).contains("'specora.base-url'").doesNotContain("hunter2");
					assertThat(analysis.getAction()).doesNotContain("hunter2");
				});
	}

	@Test
	void vendorIdWithoutTenantId() {
		analyze(this.configured.withPropertyValues("specora.vendor-id=vendor-3"), (analysis) -> {
			assertThat(analysis.getDescription()).contains("only 'specora.vendor-id' is set");
			assertThat(analysis.getAction()).contains("Set 'specora.tenant-id' too")
				.contains("vendor-id: vendor-3\n      tenant-id: <tenant id>");
		});
	}

	@Test
	void tenantIdWithoutVendorId() {
		analyze(this.configured.withPropertyValues("specora.tenant-id=tenant-9"), (analysis) -> {
			assertThat(analysis.getDescription()).contains("only 'specora.tenant-id' is set");
			assertThat(analysis.getAction()).contains("Set 'specora.vendor-id' too")
				.contains("vendor-id: <vendor id>\n      tenant-id: tenant-9");
		});
	}

	@Test
	void zeroTimeout() {
		analyze(this.configured.withPropertyValues("specora.timeout=0s"), (analysis) -> {
			assertThat(analysis.getDescription()).contains("'specora.timeout' must be a positive duration")
				.contains("is 0s.");
			assertThat(analysis.getAction()).contains("timeout: 10s");
		});
	}

	@Test
	void negativeDeadline() {
		analyze(this.configured.withPropertyValues("specora.deadline=-1s"), (analysis) -> {
			assertThat(analysis.getDescription()).contains("'specora.deadline' must be a positive duration")
				.contains("-1s");
			assertThat(analysis.getAction()).contains("deadline: 30s");
		});
	}

	@Test
	void zeroRetryBackoff() {
		analyze(this.configured.withPropertyValues("specora.retry-backoff=0ms"), (analysis) -> {
			assertThat(analysis.getDescription()).contains("'specora.retry-backoff' must be a positive duration");
			assertThat(analysis.getAction()).contains("retry-backoff: 500ms");
		});
	}

	@Test
	void negativeMaxRetryBackoff() {
		analyze(this.configured.withPropertyValues("specora.max-retry-backoff=-2s"), (analysis) -> {
			assertThat(analysis.getDescription())
				.contains("'specora.max-retry-backoff' must be a positive duration");
			assertThat(analysis.getAction()).contains("max-retry-backoff: 8s");
		});
	}

	@Test
	void maxRetryBackoffShorterThanRetryBackoff() {
		analyze(this.configured.withPropertyValues("specora.retry-backoff=5s", "specora.max-retry-backoff=2s"),
				(analysis) -> {
					assertThat(analysis.getDescription()).contains("'specora.max-retry-backoff' (2s)")
						.contains("'specora.retry-backoff' (5s)");
					assertThat(analysis.getAction()).contains("max-retry-backoff: 8s");
				});
	}

	@Test
	void tooManyRetries() {
		analyze(this.configured.withPropertyValues("specora.retries=11"), (analysis) -> {
			assertThat(analysis.getDescription()).contains("'specora.retries' must be between 0 and 10, but is 11");
			assertThat(analysis.getAction()).contains("retries: 2");
		});
	}

	@Test
	void negativeRetries() {
		analyze(this.configured.withPropertyValues("specora.retries=-1"),
				(analysis) -> assertThat(analysis.getDescription()).contains("'specora.retries'").contains("-1"));
	}

	@Test
	void circuitBreakerFailureRateOutOfBounds() {
		analyze(this.configured.withPropertyValues("specora.circuit-breaker.failure-rate-threshold=0"), (analysis) -> {
			assertThat(analysis.getDescription())
				.startsWith("Property 'specora.circuit-breaker.failure-rate-threshold' is invalid:")
				.contains("between 1 and 100")
				.contains("but was 0");
			assertThat(analysis.getAction()).contains("circuit-breaker:\n        failure-rate-threshold: 50")
				.contains("specora.circuit-breaker.enabled=false");
		});
	}

	@Test
	void circuitBreakerMinimumNumberOfCallsAboveTheWindow() {
		analyze(this.configured.withPropertyValues("specora.circuit-breaker.sliding-window-size=5",
				"specora.circuit-breaker.minimum-number-of-calls=6"), (analysis) -> {
					assertThat(analysis.getDescription())
						.startsWith("Property 'specora.circuit-breaker.minimum-number-of-calls' is invalid:")
						.contains("slidingWindowSize (5)");
					assertThat(analysis.getAction()).contains("minimum-number-of-calls: 10");
				});
	}

	@Test
	void circuitBreakerWaitDurationNotPositive() {
		analyze(this.configured.withPropertyValues("specora.circuit-breaker.wait-duration-in-open-state=0s"),
				(analysis) -> {
					assertThat(analysis.getDescription())
						.startsWith("Property 'specora.circuit-breaker.wait-duration-in-open-state' is invalid:");
					assertThat(analysis.getAction()).contains("wait-duration-in-open-state: 10s")
						.contains("permitted-number-of-calls-in-half-open-state: 3");
				});
	}

	@Test
	void missingFailMode() {
		analyze(this.configured.withBean(SpecoraClientBuilderCustomizer.class,
				() -> (builder) -> builder.failMode(null)), (analysis) -> {
			assertThat(analysis.getDescription()).contains("'specora.fail-mode'");
			assertThat(analysis.getAction()).contains("fail-mode: closed");
		});
	}

	@Test
	void invalidValueFromConnectionDetailsBeanNamesTheBean() {
		analyze(this.configured.withUserConfiguration(BrokenConnectionDetailsConfiguration.class), (analysis) -> {
			assertThat(analysis.getDescription()).contains("SpecoraConnectionDetails bean")
				.contains(BrokenConnectionDetails.class.getName());
			assertThat(analysis.getAction()).contains(BrokenConnectionDetails.class.getName());
		});
	}

	@Test
	void clientBuiltByTheApplicationIsLeftToItsOwnMessage() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SpecoraClientAutoConfiguration.class))
			.withUserConfiguration(BrokenUserClientConfiguration.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(InvalidConfigurationException.class);
				assertThat(new SpecoraClientConfigurationFailureAnalyzer().analyze(context.getStartupFailure()))
					.isNull();
			});
	}

	private void analyze(ApplicationContextRunner runner, Consumer<FailureAnalysis> assertions) {
		runner.run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			assertThat(failure).hasRootCauseInstanceOf(InvalidConfigurationException.class);
			FailureAnalysis analysis = new SpecoraClientConfigurationFailureAnalyzer().analyze(failure);
			assertThat(analysis).isNotNull();
			assertThat(analysis.getCause()).isInstanceOf(InvalidConfigurationException.class);
			assertThat(analysis.getDescription()).doesNotContain(API_KEY);
			assertThat(analysis.getAction()).doesNotContain(API_KEY);
			assertions.accept(analysis);
		});
	}

	static class BrokenConnectionDetails implements SpecoraConnectionDetails {

		@Override
		public String baseUrl() {
			return null;
		}

		@Override
		public String apiKey() {
			return "local-key";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BrokenConnectionDetailsConfiguration {

		@Bean
		BrokenConnectionDetails brokenConnectionDetails() {
			return new BrokenConnectionDetails();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BrokenUserClientConfiguration {

		@Bean
		SpecoraClient userClient() {
			return SpecoraClient.builder().apiKey("k").orgId("o").build();
		}

	}

}
