package ai.specora.benchmarks.shape;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The shapes of the starter's other seven auto-configurations: the start-up check and
 * the observation one, which apply in a minimal application, and five that do not (two
 * refused by a property condition, as the webhook one is by its secret's absence, three
 * by a missing class).
 */
final class ShapeAutoConfigurations {

	private ShapeAutoConfigurations() {
	}

	@AutoConfiguration(after = ShapeEnforcementAutoConfiguration.class)
	@ConditionalOnBooleanProperty(name = "shape.enabled", matchIfMissing = true)
	static final class Check {

		@Bean
		static ShapeBeans.Check shapeCheck(ConfigurableListableBeanFactory beanFactory) {
			return new ShapeBeans.Check(beanFactory);
		}

	}

	@AutoConfiguration(after = { ShapeClientAutoConfiguration.class, ShapeEnforcementAutoConfiguration.class },
			afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
					"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration" })
	@ConditionalOnBean(ShapeBeans.Client.class)
	@ConditionalOnBooleanProperty(name = "shape.metrics.enabled", matchIfMissing = true)
	@EnableConfigurationProperties(Observation.MetricsProperties.class)
	static final class Observation {

		@Bean
		@ConditionalOnMissingBean(name = "shapeObservationCustomizer")
		ShapeBeans.Customizer shapeObservationCustomizer(ObjectProvider<ShapeBeans.Unused> observations) {
			return (builder) -> observations.ifAvailable((observing) -> {
			});
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnBean(ObservationRegistry.class)
		static class RegistryConfiguration {

			@Bean
			ShapeBeans.Unused shapeObservations() {
				return new ShapeBeans.Unused();
			}

		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
		static class MeterRegistryOnlyConfiguration {

			@Bean
			ShapeBeans.Unused shapeMeterObservations() {
				return new ShapeBeans.Unused();
			}

		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
		static class MeterConfiguration {

			@Bean
			ShapeBeans.Unused shapeMeters() {
				return new ShapeBeans.Unused();
			}

		}

		/** The observation auto-configuration's one property. */
		@ConfigurationProperties("shape.metrics")
		public static class MetricsProperties {

			private boolean enabled = true;

			/** @return whether meters are on */
			public boolean isEnabled() {
				return this.enabled;
			}

			/** @param enabled whether meters are on */
			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

		}

	}

	@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
	@ConditionalOnBooleanProperty(name = "shape.enabled", matchIfMissing = true)
	@Conditional(Webhook.OnSecretCondition.class)
	static final class Webhook {

		@Bean
		ShapeBeans.Unused shapeWebhookHandler() {
			return new ShapeBeans.Unused();
		}

		/** Matches when a secret is set, evaluated after the property condition. */
		static final class OnSecretCondition extends SpringBootCondition {

			@Override
			public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
				return context.getEnvironment().containsProperty("shape.webhook.secret")
						? ConditionOutcome.match("a secret is set") : ConditionOutcome.noMatch("no secret is set");
			}

		}

	}

	@AutoConfiguration(before = ShapeClientAutoConfiguration.class)
	@ConditionalOnBooleanProperty(name = "shape.enabled", matchIfMissing = true)
	@ConditionalOnBooleanProperty("shape.local-authority.enabled")
	static final class LocalAuthority {

		@Bean
		ShapeBeans.Unused shapeLocalAuthority() {
			return new ShapeBeans.Unused();
		}

	}

	@AutoConfiguration(after = ShapeClientAutoConfiguration.class)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint")
	static final class Endpoint {

		@Bean
		ShapeBeans.Unused shapeEndpoint() {
			return new ShapeBeans.Unused();
		}

	}

	@AutoConfiguration(after = ShapeClientAutoConfiguration.class)
	@ConditionalOnClass(name = "org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator")
	static final class Health {

		@Bean
		ShapeBeans.Unused shapeHealthIndicator() {
			return new ShapeBeans.Unused();
		}

	}

	@AutoConfiguration
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
	static final class Sanitizing {

		@Bean
		ShapeBeans.Unused shapeSanitizingFunction() {
			return new ShapeBeans.Unused();
		}

	}

}
