package ai.specora.spring.autoconfigure.observation;

import ai.specora.client.SpecoraClient;
import ai.specora.runtime.CompletionDispatcher;
import ai.specora.runtime.observation.EnforcementObservationConvention;
import ai.specora.runtime.observation.PlatformObservationConvention;
import ai.specora.spring.autoconfigure.SpecoraClientAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraClientBuilderCustomizer;
import ai.specora.spring.autoconfigure.SpecoraEnforcementAutoConfiguration;
import ai.specora.spring.autoconfigure.webhook.SpecoraWebhookAutoConfiguration;
import ai.specora.spring.observation.CircuitBreakerMetrics;
import ai.specora.spring.observation.CompletionMetrics;
import ai.specora.spring.observation.FailOpenMetrics;
import ai.specora.spring.observation.PlatformObservationInterceptor;
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
 * observation of governed calls (metrics and traces), the {@code specora.platform}
 * observation of the auto-configured client's Platform API calls, the
 * {@code client.name} of the
 * authority's {@code http.client.requests}, and the meters
 * {@code specora.enforcement.fail.open}, {@code specora.completions.pending},
 * {@code specora.completions.dropped}, {@code specora.client.circuit.state} and
 * {@code specora.webhook.events}.
 * <p>
 * Active when a {@link SpecoraClient} bean exists and {@code specora.metrics.enabled}
 * is not {@code false}; observations need an {@link ObservationRegistry} bean (or,
 * without one, a {@link MeterRegistry} bean, which then gets a registry of its own),
 * meters need a {@link MeterRegistry} bean. A {@link EnforcementObservationConvention}
 * or {@link PlatformObservationConvention} bean replaces the default convention.
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
	 * The name of the customizer that adds the {@code specora.platform} observation to
	 * the auto-configured client.
	 */
	public static final String PLATFORM_OBSERVATION_CUSTOMIZER_BEAN_NAME = "specoraPlatformObservationCustomizer";

	/**
	 * Observes the Platform API calls of the auto-configured client, when observations
	 * are on.
	 * @param observations the registry calls are observed in, when there is one
	 * @param convention a convention of the application, when there is one
	 * @return the customizer of the client builder
	 */
	@Bean(PLATFORM_OBSERVATION_CUSTOMIZER_BEAN_NAME)
	@ConditionalOnMissingBean(name = PLATFORM_OBSERVATION_CUSTOMIZER_BEAN_NAME)
	SpecoraClientBuilderCustomizer specoraPlatformObservationCustomizer(ObjectProvider<SpecoraObservations> observations,
			ObjectProvider<PlatformObservationConvention> convention) {
		return (builder) -> observations.ifAvailable((specora) -> builder
			.platformInterceptor(new PlatformObservationInterceptor(specora.registry(), convention.getIfUnique())));
	}

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
			return new CompletionMetrics(dispatcher, registry);
		}

		@Bean
		@ConditionalOnMissingBean
		CircuitBreakerMetrics specoraCircuitBreakerMetrics(SpecoraClient client, MeterRegistry registry) {
			return new CircuitBreakerMetrics(client, registry);
		}

		@Bean
		@ConditionalOnMissingBean
		WebhookMetrics specoraWebhookMetrics(MeterRegistry registry) {
			return new WebhookMetrics(registry);
		}

	}

}
