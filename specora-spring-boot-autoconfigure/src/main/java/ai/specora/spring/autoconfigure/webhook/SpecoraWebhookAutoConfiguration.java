package ai.specora.spring.autoconfigure.webhook;

import ai.specora.client.webhook.InMemoryReplayStore;
import ai.specora.client.webhook.RedisReplayStore;
import ai.specora.client.webhook.ReplayStore;
import ai.specora.client.webhook.WebhookVerifier;
import ai.specora.spring.autoconfigure.SpecoraConfigurationException;
import ai.specora.spring.autoconfigure.webhook.SpecoraWebhookProperties.ReplayStoreType;
import ai.specora.spring.webhook.SpecoraWebhookHandler;
import ai.specora.spring.webhook.SpecoraWebhookReactiveEndpoint;
import ai.specora.spring.webhook.SpecoraWebhookServletEndpoint;
import ai.specora.spring.webhook.WebhookResultListener;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Auto-configuration of the Specora webhook endpoint: a {@link WebhookVerifier}, a
 * {@link ReplayStore} (Redis when available, memory otherwise), a
 * {@link SpecoraWebhookHandler} that publishes verified events as Spring application
 * events, and a {@code POST} route at {@code specora.webhook.path} for Spring MVC or
 * WebFlux. Active when {@code specora.webhook.secret} or {@code specora.webhook.secrets}
 * is set and {@code specora.enabled} is not {@code false}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnBooleanProperty(name = "specora.enabled", matchIfMissing = true)
@Conditional(OnWebhookSecretCondition.class)
@EnableConfigurationProperties(SpecoraWebhookProperties.class)
@Import({ SpecoraWebhookAutoConfiguration.RedisReplayStoreConfiguration.class,
		SpecoraWebhookAutoConfiguration.ServletEndpointConfiguration.class,
		SpecoraWebhookAutoConfiguration.ReactiveEndpointConfiguration.class })
public final class SpecoraWebhookAutoConfiguration {

	/** The name of the router function bean of the endpoint. */
	public static final String ROUTER_FUNCTION_BEAN_NAME = "specoraWebhookRouterFunction";

	// Registered after the nested Redis configuration, so it only fills the gap
	@Bean
	@ConditionalOnMissingBean
	ReplayStore specoraWebhookReplayStore(SpecoraWebhookProperties properties) {
		if (properties.getReplayStore() == ReplayStoreType.REDIS) {
			throw new SpecoraConfigurationException("specora.webhook.replay-store",
					"specora.webhook.replay-store is 'redis' but there is no RedisConnectionFactory bean "
							+ "(or spring-data-redis is not on the class path)",
					"Add spring-boot-starter-data-redis and configure spring.data.redis.*, or set "
							+ "specora.webhook.replay-store to 'memory' (one instance only) or 'auto'.",
					null);
		}
		return new InMemoryReplayStore(properties.getReplayCacheSize());
	}

	@Bean
	@ConditionalOnMissingBean
	WebhookVerifier specoraWebhookVerifier(SpecoraWebhookProperties properties, ReplayStore replayStore) {
		long maxBodySize = properties.getMaxBodySize().toBytes();
		if (maxBodySize <= 0 || maxBodySize > Integer.MAX_VALUE - 1) {
			throw new SpecoraConfigurationException("specora.webhook.max-body-size",
					"specora.webhook.max-body-size must be between 1B and 2GB, but is " + properties.getMaxBodySize(),
					"Set it to the largest webhook body to accept, for example the default: 1MB.", null);
		}
		return WebhookVerifier.builder()
			.secrets(properties.allSecrets())
			.tolerance(properties.getTolerance())
			.maxBodySize((int) maxBodySize)
			.replayStore(replayStore)
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	SpecoraWebhookHandler specoraWebhookHandler(WebhookVerifier verifier, ApplicationEventPublisher publisher,
			ObjectProvider<WebhookResultListener> resultListeners) {
		return new SpecoraWebhookHandler(verifier, publisher, resultListeners.orderedStream().toList());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ StringRedisTemplate.class, RedisConnectionFactory.class })
	@ConditionalOnBean(RedisConnectionFactory.class)
	@Conditional(NotMemoryReplayStoreCondition.class)
	static class RedisReplayStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReplayStore specoraWebhookRedisReplayStore(RedisConnectionFactory connectionFactory,
				SpecoraWebhookProperties properties) {
			StringRedisTemplate template = new StringRedisTemplate(connectionFactory);
			return new RedisReplayStore(template, properties.getRedis().getKeyPrefix());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(org.springframework.web.servlet.function.RouterFunction.class)
	static class ServletEndpointConfiguration {

		@Bean(ROUTER_FUNCTION_BEAN_NAME)
		@ConditionalOnMissingBean(name = ROUTER_FUNCTION_BEAN_NAME)
		org.springframework.web.servlet.function.RouterFunction<org.springframework.web.servlet.function.ServerResponse> specoraWebhookRouterFunction(
				SpecoraWebhookHandler handler, SpecoraWebhookProperties properties) {
			return new SpecoraWebhookServletEndpoint(handler).routerFunction(properties.getPath());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(org.springframework.web.reactive.function.server.RouterFunction.class)
	static class ReactiveEndpointConfiguration {

		@Bean(ROUTER_FUNCTION_BEAN_NAME)
		@ConditionalOnMissingBean(name = ROUTER_FUNCTION_BEAN_NAME)
		org.springframework.web.reactive.function.server.RouterFunction<org.springframework.web.reactive.function.server.ServerResponse> specoraWebhookRouterFunction(
				SpecoraWebhookHandler handler, SpecoraWebhookProperties properties) {
			return new SpecoraWebhookReactiveEndpoint(handler).routerFunction(properties.getPath());
		}

	}

	static class NotMemoryReplayStoreCondition extends NoneNestedConditions {

		NotMemoryReplayStoreCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnProperty(name = "specora.webhook.replay-store", havingValue = "memory")
		static class MemorySelected {

		}

	}

}
