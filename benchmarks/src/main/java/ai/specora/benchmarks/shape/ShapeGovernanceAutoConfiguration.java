package ai.specora.benchmarks.shape;

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

/**
 * The governance auto-configuration's shape: the engine, its dispatcher and approval
 * waiter, and an imported configuration whose class is missing.
 */
@AutoConfiguration(after = ShapeClientAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnBean(ShapeBeans.Client.class)
@EnableConfigurationProperties(ShapeProperties.class)
@Import(ShapeGovernanceAutoConfiguration.RedisConfiguration.class)
final class ShapeGovernanceAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	ShapeBeans.Engine shapeEngine(ShapeBeans.Client client, ShapeBeans.Dispatcher dispatcher,
			ShapeBeans.Waiter waiter, ObjectProvider<ShapeBeans.Customizer> listeners,
			ObjectProvider<ShapeBeans.Unused> observations) {
		return new ShapeBeans.Engine();
	}

	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	ShapeBeans.Dispatcher shapeDispatcher(ShapeBeans.Client client, ShapeProperties properties,
			ObjectProvider<ShapeBeans.Unused> store) {
		return new ShapeBeans.AsyncDispatcher();
	}

	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	ShapeBeans.Waiter shapeWaiter(ShapeBeans.Client client) {
		return new ShapeBeans.Waiter();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.data.redis.core.StringRedisTemplate",
			"org.springframework.data.redis.connection.RedisConnectionFactory" })
	static class RedisConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "shapeRedisStore")
		@ConditionalOnBean(type = "org.springframework.data.redis.connection.RedisConnectionFactory")
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		ShapeBeans.Unused shapeRedisStore() {
			return new ShapeBeans.Unused();
		}

	}

}
