package ai.specora.spring.autoconfigure;

import ai.specora.client.SpecoraClient;
import ai.specora.runtime.ApprovalWaiter;
import ai.specora.runtime.CompletionDispatcher;
import ai.specora.runtime.GovernanceEngine;
import ai.specora.runtime.GovernanceEngineBuilder;
import ai.specora.runtime.GovernanceListener;
import ai.specora.runtime.SyncCompletionDispatcher;
import ai.specora.spring.enforcement.completion.AsyncCompletionDispatcher;
import ai.specora.spring.enforcement.completion.CompletionStore;
import ai.specora.spring.enforcement.completion.RedisCompletionStore;
import ai.specora.spring.observation.SpecoraObservations;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.StringUtils;

/**
 * Auto-configuration of the {@link GovernanceEngine} that every governed call goes
 * through, whatever its entry point ({@code @Enforced} methods, Spring AI tool calls),
 * with the delivery of completions and the waiting for approvals it uses, and the
 * {@link GovernanceListener} beans of the application.
 * <p>
 * Active when a {@link SpecoraClient} bean exists. Every bean backs off when the
 * application defines its own.
 */
@AutoConfiguration(after = SpecoraClientAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnBean(SpecoraClient.class)
@EnableConfigurationProperties(SpecoraProperties.class)
@Import(SpecoraGovernanceAutoConfiguration.RedisCompletionStoreConfiguration.class)
public final class SpecoraGovernanceAutoConfiguration {

	/**
	 * The engine every governed call goes through: {@code @Enforced} methods, and the
	 * integrations' entry points (Spring AI tool calls).
	 * @param client the client
	 * @param dispatcher delivers completions
	 * @param approvalWaiter waits for approvals
	 * @param listeners follow governed calls, in order
	 * @param observations observe governed calls, when metrics are on
	 * @return the engine
	 */
	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	GovernanceEngine specoraGovernanceEngine(SpecoraClient client, CompletionDispatcher dispatcher,
			ApprovalWaiter approvalWaiter, ObjectProvider<GovernanceListener> listeners,
			ObjectProvider<SpecoraObservations> observations) {
		GovernanceEngineBuilder builder = GovernanceEngine.builder(client.reactive())
			.dispatcher(dispatcher)
			.approvalWaiter(approvalWaiter)
			.listeners(listeners.orderedStream().toList());
		observations.ifAvailable((observing) -> builder.observationRegistry(observing.registry())
			.observationConvention(observing.enforcementConvention()));
		return builder.build();
	}

	/**
	 * Delivers completions as {@code specora.enforcement.completion.mode} says.
	 * @param client the client
	 * @param properties the settings
	 * @return the dispatcher
	 */
	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	CompletionDispatcher specoraCompletionDispatcher(SpecoraClient client, SpecoraProperties properties,
			ObjectProvider<CompletionStore> redisStore) {
		SpecoraProperties.Completion completion = properties.getEnforcement().getCompletion();
		if (completion.getMode() == SpecoraProperties.CompletionMode.SYNC) {
			return new SyncCompletionDispatcher(client.reactive());
		}
		return AsyncCompletionDispatcher.builder(client.reactive())
			.queueCapacity(completion.getQueueCapacity())
			.maxInFlight(completion.getMaxInFlight())
			.maxAge(completion.getMaxAge())
			.shutdownTimeout(completion.getShutdownTimeout())
			.store(completionStore(completion.getStore(), redisStore.getIfAvailable()))
			.build();
	}

	private static CompletionStore completionStore(SpecoraProperties.CompletionStoreType type, CompletionStore redis) {
		return switch (type) {
			case MEMORY -> CompletionStore.memory();
			case AUTO -> (redis != null) ? redis : CompletionStore.memory();
			case REDIS -> {
				if (redis == null) {
					throw new SpecoraConfigurationException("specora.enforcement.completion.store",
							"specora.enforcement.completion.store is 'redis' but there is no RedisConnectionFactory "
									+ "bean (or spring-data-redis is not on the class path)",
							"Add spring-boot-starter-data-redis and configure spring.data.redis.*, or set "
									+ "specora.enforcement.completion.store to 'memory' or 'auto'.",
							null);
				}
				yield redis;
			}
		};
	}

	/**
	 * The Redis completion store, when the application has Redis; used when
	 * {@code specora.enforcement.completion.store} is {@code redis} or {@code auto}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ StringRedisTemplate.class, RedisConnectionFactory.class })
	static class RedisCompletionStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(CompletionStore.class)
		@ConditionalOnBean(RedisConnectionFactory.class)
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		CompletionStore specoraRedisCompletionStore(RedisConnectionFactory connectionFactory,
				SpecoraProperties properties) {
			SpecoraProperties.CompletionRedis redis = properties.getEnforcement().getCompletion().getRedis();
			return new RedisCompletionStore(new StringRedisTemplate(connectionFactory), redis.getStream(),
					redis.getGroup(), redis.getLease(), redis.getAppendTimeout(), consumerName(redis));
		}

		/**
		 * The consumer name of {@code specora.enforcement.completion.redis.consumer-name},
		 * without surrounding white space; unset or blank, like the other optional
		 * {@code specora.*} names, means {@link RedisCompletionStore#defaultConsumer()}.
		 */
		private static String consumerName(SpecoraProperties.CompletionRedis redis) {
			String name = redis.getConsumerName();
			return StringUtils.hasText(name) ? name.strip() : RedisCompletionStore.defaultConsumer();
		}

	}

	/**
	 * Waits for approvals of {@code @Enforced(onSuspend = WAIT)} methods.
	 * @param client the client
	 * @return the waiter
	 */
	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	ApprovalWaiter specoraApprovalWaiter(SpecoraClient client) {
		return new ApprovalWaiter(client.reactive());
	}

}
