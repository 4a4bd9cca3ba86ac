package ai.specora.spring.autoconfigure;

import java.util.Map;

import ai.specora.client.SpecoraClient;
import ai.specora.client.testing.RedisServer;
import ai.specora.runtime.CompletionDispatcher;
import ai.specora.spring.enforcement.completion.CompletionStore;
import ai.specora.spring.enforcement.completion.RedisCompletionStore;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code specora.enforcement.completion.store}: memory by default, Redis on demand or
 * when available with {@code auto}, and a clear failure when Redis is asked for but
 * missing; the Redis store's settings, its consumer name included.
 */
class CompletionStoreAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpecoraGovernanceAutoConfiguration.class, SpecoraEnforcementAutoConfiguration.class))
		.withUserConfiguration(ClientConfig.class);

	@Test
	void completionsWaitInMemoryByDefaultEvenWithRedis() {
		this.runner.withUserConfiguration(RedisConfig.class).run((context) -> {
			assertThat(context.getBean(CompletionDispatcher.class).storeName()).isEqualTo("memory");
			assertThat(context).hasSingleBean(RedisCompletionStore.class);
		});
	}

	@Test
	void redisStoreIsUsedWhenAskedFor() {
		this.runner.withUserConfiguration(RedisConfig.class)
			.withPropertyValues("specora.enforcement.completion.store=redis",
					"specora.enforcement.completion.redis.stream=app:completions",
					"specora.enforcement.completion.redis.lease=2m",
					"specora.enforcement.completion.redis.append-timeout=50ms")
			.run((context) -> {
				assertThat(context.getBean(CompletionDispatcher.class).storeName()).isEqualTo("redis");
				assertThat(context.getBean(CompletionStore.class))
					.hasToString("RedisCompletionStore[stream=app:completions, group=specora-completions, lease=PT2M, "
						+ "appendTimeout=PT0.05S]");
			});
	}

	@Test
	void theConfiguredConsumerNameReachesTheStore() {
		this.runner.withUserConfiguration(RedisConfig.class)
			.withPropertyValues("specora.enforcement.completion.store=redis",
					"specora.enforcement.completion.redis.consumer-name=orders-0")
			.run((context) -> {
				assertThat(context.getBean(CompletionDispatcher.class).storeName()).isEqualTo("redis");
				assertThat(context.getBean(RedisCompletionStore.class).consumer()).isEqualTo("orders-0");
			});
	}

	@Test
	void theConsumerNameIsTakenWithoutSurroundingWhiteSpace() {
		this.runner.withUserConfiguration(RedisConfig.class)
			.withInitializer(property("specora.enforcement.completion.redis.consumer-name", "  orders-1\t"))
			.run((context) -> assertThat(context.getBean(RedisCompletionStore.class).consumer())
				.isEqualTo("orders-1"));
	}

	@Test
	void withoutAConsumerNameTheStoreUsesTheHostAndProcessName() {
		this.runner.withUserConfiguration(RedisConfig.class)
			.withPropertyValues("specora.enforcement.completion.store=redis")
			.run((context) -> assertThat(context.getBean(RedisCompletionStore.class).consumer())
				.isEqualTo(RedisCompletionStore.defaultConsumer())
				.startsWith("specora-")
				.endsWith("-" + ProcessHandle.current().pid()));
	}

	@Test
	void aBlankConsumerNameMeansTheDefault() {
		this.runner.withUserConfiguration(RedisConfig.class)
			.withPropertyValues("specora.enforcement.completion.store=redis")
			.withInitializer(property("specora.enforcement.completion.redis.consumer-name", " \t "))
			.run((context) -> assertThat(context.getBean(RedisCompletionStore.class).consumer())
				.isEqualTo(RedisCompletionStore.defaultConsumer()));
	}

	@Test
	void aConsumerNameFromAnUnsetPlaceholderMeansTheDefault() {
		this.runner.withUserConfiguration(RedisConfig.class)
			.withPropertyValues("specora.enforcement.completion.store=redis",
					"specora.enforcement.completion.redis.consumer-name=${SPECORA_TEST_UNSET_POD_NAME:}")
			.run((context) -> assertThat(context.getBean(RedisCompletionStore.class).consumer())
				.isEqualTo(RedisCompletionStore.defaultConsumer()));
	}

	@Test
	void autoUsesRedisWhenTheApplicationHasIt() {
		this.runner.withUserConfiguration(RedisConfig.class)
			.withPropertyValues("specora.enforcement.completion.store=auto")
			.run((context) -> assertThat(context.getBean(CompletionDispatcher.class).storeName()).isEqualTo("redis"));
	}

	@Test
	void autoFallsBackToMemoryWithoutRedis() {
		this.runner.withPropertyValues("specora.enforcement.completion.store=auto")
			.run((context) -> assertThat(context.getBean(CompletionDispatcher.class).storeName())
				.isEqualTo("memory"));
	}

	@Test
	void redisWithoutAConnectionFactoryFailsNamingTheProperty() {
		this.runner.withPropertyValues("specora.enforcement.completion.store=redis")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(SpecoraConfigurationException.class)
				.hasMessageContaining("specora.enforcement.completion.store"));
	}

	@Test
	void withoutSpringDataRedisCompletionsWaitInMemory() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.withPropertyValues("specora.enforcement.completion.store=auto")
			.run((context) -> assertThat(context.getBean(CompletionDispatcher.class).storeName())
				.isEqualTo("memory"));
	}

	@Test
	void redisWithoutSpringDataRedisOnTheClassPathFailsNamingTheProperty() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.withPropertyValues("specora.enforcement.completion.store=redis")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(SpecoraConfigurationException.class)
				.hasMessageContaining("specora.enforcement.completion.store"));
	}

	/**
	 * Sets a property as given, white space included (property values given as
	 * {@code key=value} pairs are trimmed).
	 */
	private static ApplicationContextInitializer<ConfigurableApplicationContext> property(String name,
			String value) {
		return (context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of(name, value)));
	}

	@Configuration(proxyBeanMethods = false)
	static class ClientConfig {

		@Bean
		SpecoraClient specoraClient() throws Exception {
			return SpecoraClient.builder()
				.baseUrl("http://127.0.0.1:" + RedisServer.freePort())
				.apiKey("sk_test_key")
				.orgId("org-1")
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RedisConfig {

		@Bean
		RedisConnectionFactory redisConnectionFactory() throws Exception {
			// never started: the dispatcher only needs it when a completion arrives
			return new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", RedisServer.freePort()));
		}

	}

}
