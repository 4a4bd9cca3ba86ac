package ai.specora.spring.autoconfigure;

import ai.specora.runtime.GovernanceEngine;
import ai.specora.spring.enforcement.EnforcedMethodRegistry;
import ai.specora.spring.enforcement.EnforcementAdvisor;
import ai.specora.spring.enforcement.EnforcementInterceptor;

import org.springframework.aop.config.AopConfigUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Auto-configuration of {@link ai.specora.spring.Enforced @Enforced}: an
 * infrastructure {@link EnforcementAdvisor} that the application's auto-proxy creator
 * applies to every bean with governed methods (one is registered when the application
 * has none, so no AspectJ is needed), and the interceptor, an adapter over the
 * {@link GovernanceEngine}.
 * <p>
 * Active when a {@link GovernanceEngine} bean exists and
 * {@code specora.enforcement.enabled} is not {@code false}. Every bean backs off when
 * the application defines its own.
 */
@AutoConfiguration(after = SpecoraGovernanceAutoConfiguration.class)
@ConditionalOnProperty(prefix = "specora.enforcement", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(SpecoraProperties.class)
@ConditionalOnBean(GovernanceEngine.class)
@Import(SpecoraEnforcementAutoConfiguration.AutoProxyRegistrar.class)
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
		return new EnforcementAdvisor(registry, interceptor::getObject, order);
	}

	/**
	 * The interceptor of {@code @Enforced} methods.
	 * @param registry what each method asks for
	 * @param engine governs each call
	 * @param properties the settings ({@code specora.mode})
	 * @return the interceptor
	 */
	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	EnforcementInterceptor specoraEnforcementInterceptor(EnforcedMethodRegistry registry, GovernanceEngine engine,
			SpecoraProperties properties) {
		return new EnforcementInterceptor(registry, engine, properties.getMode());
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
