package ai.specora.spring.autoconfigure;

import ai.specora.client.SpecoraClient;
import ai.specora.spring.enforcement.CompletionDispatcher;
import ai.specora.spring.observation.CompletionMetrics;
import ai.specora.spring.observation.EnforcementObservationConvention;
import ai.specora.spring.observation.FailOpenMetrics;
import ai.specora.spring.observation.SpecoraClientRequestObservationFilter;
import ai.specora.spring.observation.SpecoraObservations;
import ai.specora.spring.observation.WebhookMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of Specora observability: the {@code specora.enforcement}
 * observation of governed calls (metrics and traces), the {@code client.name} of the
 * authority's {@code http.client.requests}, and the meters
 * {@code specora.enforcement.fail.open}, {@code specora.completions.pending},
 * {@code specora.completions.dropped} and {@code specora.webhook.events}.
 * <p>
 * Active when a {@link SpecoraClient} bean exists and {@code specora.metrics.enabled}
 * is not {@code false}; observations need an {@link ObservationRegistry} bean (or,
 * without one, a {@link MeterRegistry} bean, which then gets a registry of its own),
 * meters need a {@link MeterRegistry} bean. A {@link EnforcementObservationConvention}
 * bean replaces the default convention.
 */
@AutoConfiguration(after = { SpecoraClientAutoConfiguration.class, SpecoraEnforcementAutoConfiguration.class,
		SpecoraWebhookAutoConfiguration.class },
		afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnBean(SpecoraClient.class)
@ConditionalOnBooleanProperty(name = "specora.metrics.enabled", matchIfMissing = true)
@EnableConfigurationProperties(SpecoraMetricsProperties.class)
public final class SpecoraObservationAutoConfiguration {

	/**
	 * Observations in the application's {@link ObservationRegistry}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(ObservationRegistry.class)
	static class ObservationRegistryConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SpecoraObservations specoraObservations(ObservationRegistry registry,
				ObjectProvider<EnforcementObservationConvention> convention) {
			return new SpecoraObservations(registry, convention.getIfUnique());
		}

		@Bean
		@ConditionalOnMissingBean
		SpecoraClientRequestObservationFilter specoraClientRequestObservationFilter() {
			return new SpecoraClientRequestObservationFilter();
		}

	}

	/**
	 * Without an {@link ObservationRegistry}: a registry of Specora's own that turns
	 * observations into meters.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	@ConditionalOnMissingBean(ObservationRegistry.class)
	static class MeterRegistryOnlyConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SpecoraObservations specoraObservations(MeterRegistry meterRegistry,
				ObjectProvider<EnforcementObservationConvention> convention) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
			return new SpecoraObservations(registry, convention.getIfUnique());
		}

	}

	/**
	 * The meters besides the observation.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MeterConfiguration {

		@Bean
		@ConditionalOnMissingBean
		FailOpenMetrics specoraFailOpenMetrics(MeterRegistry registry) {
			return new FailOpenMetrics(registry);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(CompletionDispatcher.class)
		CompletionMetrics specoraCompletionMetrics(CompletionDispatcher dispatcher, MeterRegistry registry) {
			CompletionMetrics metrics = new CompletionMetrics(dispatcher);
			// Bound here so that any MeterRegistry bean gets the meters; binding again
			// (as Spring Boot's metrics support does with MeterBinder beans) is harmless
			metrics.bindTo(registry);
			return metrics;
		}

		@Bean
		@ConditionalOnMissingBean
		WebhookMetrics specoraWebhookMetrics(MeterRegistry registry) {
			return new WebhookMetrics(registry);
		}

	}

}
