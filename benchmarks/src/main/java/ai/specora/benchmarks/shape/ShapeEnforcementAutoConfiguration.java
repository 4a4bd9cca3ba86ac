package ai.specora.benchmarks.shape;

import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.Advisor;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.config.AopConfigUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * The enforcement auto-configuration's shape: an advisor that the auto-proxy creator
 * asks about every bean (its class filter refuses each at once), two more beans and an
 * imported registrar.
 */
@AutoConfiguration(after = ShapeGovernanceAutoConfiguration.class)
@ConditionalOnProperty(prefix = "shape.enforcement", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ShapeProperties.class)
@ConditionalOnBean(ShapeBeans.Engine.class)
@Import(ShapeEnforcementAutoConfiguration.AutoProxyRegistrar.class)
final class ShapeEnforcementAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static ShapeBeans.Registry shapeRegistry(BeanFactory beanFactory) {
		return new ShapeBeans.Registry();
	}

	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor shapeAdvisor(ShapeBeans.Registry registry, ObjectProvider<ShapeBeans.Interceptor> interceptor,
			Environment environment) {
		StaticMethodMatcherPointcut pointcut = new StaticMethodMatcherPointcut() {

			@Override
			public boolean matches(java.lang.reflect.Method method, Class<?> targetClass) {
				return false;
			}

		};
		pointcut.setClassFilter((ClassFilter) (type) -> false);
		MethodInterceptor deferred = (invocation) -> interceptor.getObject().invoke(invocation);
		return new DefaultPointcutAdvisor(pointcut, deferred);
	}

	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	ShapeBeans.Interceptor shapeInterceptor(ShapeBeans.Registry registry, ShapeBeans.Engine engine,
			ShapeProperties properties) {
		return new ShapeBeans.Interceptor();
	}

	static final class AutoProxyRegistrar implements ImportBeanDefinitionRegistrar {

		@Override
		public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
			AopConfigUtils.registerAutoProxyCreatorIfNecessary(registry);
		}

	}

}
