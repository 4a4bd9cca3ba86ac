package ai.specora.spring.autoconfigure.webhook;

import java.time.Duration;

import ai.specora.client.webhook.InMemoryReplayStore;
import ai.specora.client.webhook.RedisReplayStore;
import ai.specora.client.webhook.ReplayStore;
import ai.specora.client.webhook.WebhookVerifier;
import ai.specora.spring.autoconfigure.FailureAnalyses;
import ai.specora.spring.autoconfigure.SpecoraConfigurationException;
import ai.specora.spring.webhook.SpecoraWebhookHandler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

class SpecoraWebhookAutoConfigurationTests {

	private static final String SECRET = "whsec_test_secret_value";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpecoraWebhookAutoConfiguration.class));

	@Test
	void notConfiguredWithoutSecret() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(WebhookVerifier.class)
			.doesNotHaveBean(SpecoraWebhookHandler.class)
			.doesNotHaveBean(ReplayStore.class));
	}

	@Test
	void notConfiguredWithBlankSecret() {
		this.runner.withPropertyValues("specora.webhook.secret= ")
			.run((context) -> assertThat(context).doesNotHaveBean(WebhookVerifier.class));
	}

	@Test
	void notConfiguredWhenSpecoraDisabled() {
		this.runner.withPropertyValues("specora.webhook.secret=" + SECRET, "specora.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(WebhookVerifier.class));
	}

	@Test
	void secretCreatesBeansWithDefaults() {
		this.runner.withPropertyValues("specora.webhook.secret=" + SECRET).run((context) -> {
			assertThat(context).hasSingleBean(WebhookVerifier.class)
				.hasSingleBean(SpecoraWebhookHandler.class)
				.hasSingleBean(InMemoryReplayStore.class);
			WebhookVerifier verifier = context.getBean(WebhookVerifier.class);
			assertThat(verifier.secretCount()).isOne();
			assertThat(verifier.tolerance()).isEqualTo(Duration.ofSeconds(300));
			assertThat(verifier.maxBodySize()).isEqualTo(1024 * 1024);
			assertThat(context.getBean(InMemoryReplayStore.class).capacity()).isEqualTo(10_000);
			assertThat(verifier.replayStore()).isSameAs(context.getBean(ReplayStore.class));
		});
	}

	@Test
	void secretsListAloneEnablesAndRotates() {
		this.runner.withPropertyValues("specora.webhook.secrets[0]=old-secret", "specora.webhook.secrets[1]=new-secret")
			.run((context) -> assertThat(context.getBean(WebhookVerifier.class).secretCount()).isEqualTo(2));
	}

	@Test
	void secretAndSecretsAreCombinedWithoutDuplicates() {
		this.runner
			.withPropertyValues("specora.webhook.secret=one", "specora.webhook.secrets=one,two,three")
			.run((context) -> assertThat(context.getBean(WebhookVerifier.class).secretCount()).isEqualTo(3));
	}

	@Test
	void propertiesAreApplied() {
		this.runner
			.withPropertyValues("specora.webhook.secret=" + SECRET, "specora.webhook.tolerance=60s",
					"specora.webhook.max-body-size=64KB", "specora.webhook.replay-cache-size=42",
					"specora.webhook.path=/hooks/specora")
			.run((context) -> {
				WebhookVerifier verifier = context.getBean(WebhookVerifier.class);
				assertThat(verifier.tolerance()).isEqualTo(Duration.ofSeconds(60));
				assertThat(verifier.maxBodySize()).isEqualTo(64 * 1024);
				assertThat(context.getBean(InMemoryReplayStore.class).capacity()).isEqualTo(42);
				assertThat(context.getBean(SpecoraWebhookProperties.class).getPath()).isEqualTo("/hooks/specora");
			});
	}

	@Test
	void propertiesToStringMasksSecrets() {
		this.runner.withPropertyValues("specora.webhook.secret=" + SECRET, "specora.webhook.secrets=rotated-secret")
			.run((context) -> {
				String text = context.getBean(SpecoraWebhookProperties.class).toString();
				assertThat(text).doesNotContain(SECRET).doesNotContain("rotated-secret").contains("secrets=2");
				assertThat(context.getBean(WebhookVerifier.class).toString()).doesNotContain(SECRET);
			});
	}

	@Test
	void backsOffFromUserBeans() {
		this.runner.withPropertyValues("specora.webhook.secret=" + SECRET)
			.withUserConfiguration(UserBeans.class)
			.run((context) -> {
				assertThat(context.getBean(ReplayStore.class)).isSameAs(context.getBean("userReplayStore"));
				assertThat(context.getBean(WebhookVerifier.class)).isSameAs(context.getBean("userVerifier"));
				assertThat(context.getBean(SpecoraWebhookHandler.class)).isSameAs(context.getBean("userHandler"));
			});
	}

	@Test
	void userReplayStoreIsUsedByDefaultVerifier() {
		this.runner.withPropertyValues("specora.webhook.secret=" + SECRET)
			.withBean("userReplayStore", ReplayStore.class, () -> (id, retention) -> true)
			.run((context) -> assertThat(context.getBean(WebhookVerifier.class).replayStore())
				.isSameAs(context.getBean("userReplayStore")));
	}

	@Test
	void autoModeUsesRedisWhenConnectionFactoryPresent() {
		this.runner.withPropertyValues("specora.webhook.secret=" + SECRET, "specora.webhook.redis.key-prefix=app:")
			.withUserConfiguration(RedisFactory.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(RedisReplayStore.class);
				assertThat(context.getBean(RedisReplayStore.class).keyPrefix()).isEqualTo("app:");
			});
	}

	@Test
	void memoryModeIgnoresRedis() {
		this.runner.withPropertyValues("specora.webhook.secret=" + SECRET, "specora.webhook.replay-store=memory")
			.withUserConfiguration(RedisFactory.class)
			.run((context) -> assertThat(context).hasSingleBean(InMemoryReplayStore.class)
				.doesNotHaveBean(RedisReplayStore.class));
	}

	@Test
	void autoModeUsesMemoryWithoutSpringDataRedis() {
		this.runner.withPropertyValues("specora.webhook.secret=" + SECRET)
			.withUserConfiguration(RedisFactory.class)
			.withClassLoader(new FilteredClassLoader("org.springframework.data.redis.core"))
			.run((context) -> assertThat(context).hasSingleBean(InMemoryReplayStore.class));
	}

	@Test
	void redisModeWithoutRedisFailsWithClearMessage() {
		this.runner.withPropertyValues("specora.webhook.secret=" + SECRET, "specora.webhook.replay-store=redis")
			.run((context) -> {
				assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.isInstanceOf(SpecoraConfigurationException.class)
					.hasMessageContaining("specora.webhook.replay-store")
					.hasMessageContaining("RedisConnectionFactory");
				FailureAnalysis analysis = FailureAnalyses.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("(property 'specora.webhook.replay-store')");
				assertThat(analysis.getAction()).contains("spring-boot-starter-data-redis")
					.contains("replay-store to 'memory'");
			});
	}

	@Test
	void redisModeUsesRedis() {
		this.runner.withPropertyValues("specora.webhook.secret=" + SECRET, "specora.webhook.replay-store=redis")
			.withUserConfiguration(RedisFactory.class)
			.run((context) -> assertThat(context).hasSingleBean(RedisReplayStore.class));
	}

	@Test
	void invalidMaxBodySizeFailsStartUp() {
		this.runner.withPropertyValues("specora.webhook.secret=" + SECRET, "specora.webhook.max-body-size=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(SpecoraConfigurationException.class)
				.hasMessageContaining("specora.webhook.max-body-size"));
	}

	@Test
	void noEndpointOutsideWebApplication() {
		this.runner.withPropertyValues("specora.webhook.secret=" + SECRET)
			.run((context) -> assertThat(context)
				.doesNotHaveBean(SpecoraWebhookAutoConfiguration.ROUTER_FUNCTION_BEAN_NAME));
	}

	@Test
	void servletEndpointInServletApplication() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SpecoraWebhookAutoConfiguration.class))
			.withPropertyValues("specora.webhook.secret=" + SECRET)
			.run((context) -> assertThat(context.getBean(SpecoraWebhookAutoConfiguration.ROUTER_FUNCTION_BEAN_NAME))
				.isInstanceOf(org.springframework.web.servlet.function.RouterFunction.class));
	}

	@Test
	void noServletEndpointWithoutSpringMvc() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SpecoraWebhookAutoConfiguration.class))
			.withPropertyValues("specora.webhook.secret=" + SECRET)
			.withClassLoader(new FilteredClassLoader("org.springframework.web.servlet"))
			.run((context) -> assertThat(context).hasSingleBean(SpecoraWebhookHandler.class)
				.doesNotHaveBean(SpecoraWebhookAutoConfiguration.ROUTER_FUNCTION_BEAN_NAME));
	}

	@Test
	void reactiveEndpointInReactiveApplication() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SpecoraWebhookAutoConfiguration.class))
			.withPropertyValues("specora.webhook.secret=" + SECRET)
			.run((context) -> assertThat(context.getBean(SpecoraWebhookAutoConfiguration.ROUTER_FUNCTION_BEAN_NAME))
				.isInstanceOf(org.springframework.web.reactive.function.server.RouterFunction.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		@Bean
		ReplayStore userReplayStore() {
			return (id, retention) -> true;
		}

		@Bean
		WebhookVerifier userVerifier() {
			return WebhookVerifier.builder().secret("user-secret").build();
		}

		@Bean
		SpecoraWebhookHandler userHandler(WebhookVerifier verifier,
				org.springframework.context.ApplicationEventPublisher publisher) {
			return new SpecoraWebhookHandler(verifier, publisher);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RedisFactory {

		@Bean
		RedisConnectionFactory redisConnectionFactory() {
			// Not started: nothing in these tests connects
			return new LettuceConnectionFactory("127.0.0.1", 1);
		}

	}

}
