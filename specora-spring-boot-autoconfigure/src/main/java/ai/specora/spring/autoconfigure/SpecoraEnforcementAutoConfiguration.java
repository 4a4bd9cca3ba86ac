package ai.specora.spring.autoconfigure;

import ai.specora.client.SpecoraClient;
import ai.specora.spring.enforcement.ApprovalWaiter;
import ai.specora.spring.enforcement.completion.AsyncCompletionDispatcher;
import ai.specora.spring.enforcement.CompletionDispatcher;
import ai.specora.spring.enforcement.EnforcedMethodRegistry;
import ai.specora.spring.enforcement.EnforcementAdvisor;
import ai.specora.spring.enforcement.EnforcementInterceptor;
import ai.specora.spring.enforcement.EnforcementListener;
import ai.specora.spring.enforcement.EnforcementPointcut;
import ai.specora.spring.enforcement.completion.CompletionStore;
import ai.specora.spring.enforcement.completion.RedisCompletionStore;
import ai.specora.spring.enforcement.completion.SyncCompletionDispatcher;
import ai.specora.spring.observation.SpecoraObservations;

import org.springframework.aop.config.AopConfigUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Auto-configuration of {@link ai.specora.spring.Enforced @Enforced}: an
 * infrastructure {@link EnforcementAdvisor} that the application's auto-proxy creator
 * applies to every bean with governed methods (one is registered when the application
 * has none, so no AspectJ is needed), the interceptor, and the delivery of
 * completions.
 * <p>
 * Active when a {@link SpecoraClient} bean exists and
 * {@code specora.enforcement.enabled} is not {@code false}. Every bean backs off when
 * the application defines its own.
 */
@AutoConfiguration(after = SpecoraClientAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnBean(SpecoraClient.class)
@ConditionalOnProperty(prefix = "specora.enforcement", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(SpecoraProperties.class)
@Import({ SpecoraEnforcementAutoConfiguration.AutoProxyRegistrar.class,
		SpecoraEnforcementAutoConfiguration.RedisCompletionStoreConfiguration.class })
public final class SpecoraEnforcementAutoConfiguration {

	private static final String ORDER_PROPERTY = "specora.enforcement.order";

	/**
	 * What each {@code @Enforced} method asks for, resolved and parsed once.
	 * @param beanFactory resolves {@code @beanName} in expressions
	 * @return the registry
	 */
	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static EnforcedMethodRegistry specoraEnforcedMethodRegistry(BeanFactory beanFactory) {
		return new EnforcedMethodRegistry(beanFactory);
	}

	/**
	 * The advisor that governs {@code @Enforced} methods, ordered by
	 * {@code specora.enforcement.order}.
	 * @param registry what each method asks for
	 * @param interceptor the interceptor, obtained on first use
	 * @param environment where the order is read from
	 * @return the advisor
	 */
	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static EnforcementAdvisor specoraEnforcementAdvisor(EnforcedMethodRegistry registry,
			ObjectProvider<EnforcementInterceptor> interceptor, Environment environment) {
		int order = Binder.get(environment)
			.bind(ORDER_PROPERTY, Integer.class)
			.orElse(SpecoraProperties.DEFAULT_ENFORCEMENT_ORDER);
		return new EnforcementAdvisor(new EnforcementPointcut(registry), interceptor::getObject, order);
	}

	/**
	 * The interceptor of {@code @Enforced} methods.
	 * @param registry what each method asks for
	 * @param client the client
	 * @param dispatcher delivers completions
	 * @param approvalWaiter waits for approvals
	 * @param listeners follow governed calls
	 * @param observations observe governed calls, when metrics are on
	 * @return the interceptor
	 */
	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	EnforcementInterceptor specoraEnforcementInterceptor(EnforcedMethodRegistry registry, SpecoraClient client,
			CompletionDispatcher dispatcher, ApprovalWaiter approvalWaiter,
			ObjectProvider<EnforcementListener> listeners, ObjectProvider<SpecoraObservations> observations) {
		EnforcementInterceptor interceptor = new EnforcementInterceptor(registry, client.reactive(), dispatcher,
				approvalWaiter, listeners.orderedStream().toList());
		observations.ifAvailable((observing) -> {
			interceptor.setObservationRegistry(observing.registry());
			interceptor.setObservationConvention(observing.enforcementConvention());
		});
		return interceptor;
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
					redis.getGroup(), redis.getLease());
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

	/**
	 * Registers Spring's infrastructure auto-proxy creator when the application has no
	 * auto-proxy creator yet, so that the advisor applies without AspectJ.
	 */
	static final class AutoProxyRegistrar implements ImportBeanDefinitionRegistrar {

		@Override
		public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
			AopConfigUtils.registerAutoProxyCreatorIfNecessary(registry);
		}

	}

}
