package ai.specora.spring.autoconfigure;

import ai.specora.client.InvalidConfigurationException;
import ai.specora.client.ReactiveSpecoraClient;
import ai.specora.client.SpecoraClient;
import ai.specora.client.SpecoraClientBuilder;
import ai.specora.spring.autoconfigure.internal.ProductionProfiles;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.ClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.DefaultClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the {@link SpecoraClient} and its {@link ReactiveSpecoraClient}
 * view from the {@code specora.*} properties.
 * <p>
 * The client takes from the application only what observation needs: the
 * {@link ObservationRegistry} and, when the application defines one, its
 * {@link ClientRequestObservationConvention} (the {@code http.client.requests} metrics
 * and traces, named {@code client.name=specora}). The application's
 * {@link WebClient.Builder}, filters and customizers are never used, so none of them
 * sees the API key or changes where it is sent. The client talks through a connector
 * built with Spring Boot's {@link ClientHttpConnectorBuilder} that never follows
 * redirects and uses the SSL bundle named by {@code specora.ssl.bundle}. {@link SpecoraClientBuilderCustomizer} beans are
 * applied last. A {@link SpecoraConnectionDetails} bean, when the application defines
 * one, supplies the base URL and API key instead of the properties.
 * <p>
 * The client is closed with the application context ({@link SpecoraClient#close()},
 * inferred as the bean's destroy method), after the beans that use it; its
 * {@link ReactiveSpecoraClient} view has nothing of its own to close.
 * <p>
 * With {@code specora.enabled=false} no client is created and one warning at start-up
 * says that {@code @Enforced} methods run ungoverned. A configuration that the client
 * refuses fails the start-up with a failure analysis naming the property to fix.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration",
		"org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration" })
@ConditionalOnClass({ SpecoraClient.class, WebClient.class })
@EnableConfigurationProperties(SpecoraProperties.class)
public final class SpecoraClientAutoConfiguration {

	/**
	 * The name of the auto-configured {@link SpecoraClient} bean.
	 */
	public static final String CLIENT_BEAN_NAME = "specoraClient";

	private static final String OBSERVATION_NAME_PROPERTY = "management.observations.http.client.requests.name";

	/**
	 * The client and its collaborators, when Specora is enabled.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "specora.enabled", matchIfMissing = true)
	static class ClientConfiguration implements EnvironmentAware {

		private Environment environment;

		@Override
		public void setEnvironment(Environment environment) {
			this.environment = environment;
		}

		@Bean
		@ConditionalOnMissingBean(SpecoraConnectionDetails.class)
		PropertiesSpecoraConnectionDetails specoraConnectionDetails(SpecoraProperties properties) {
			return new PropertiesSpecoraConnectionDetails(properties);
		}

		@Bean(CLIENT_BEAN_NAME)
		@ConditionalOnMissingBean
		SpecoraClient specoraClient(SpecoraProperties properties, SpecoraConnectionDetails connectionDetails,
				ObjectProvider<ObservationRegistry> observationRegistry,
				ObjectProvider<ClientRequestObservationConvention> observationConvention,
				ObjectProvider<SpecoraHttpConnectorFactory> connectorFactory,
				ObjectProvider<SpecoraClientBuilderCustomizer> customizers) {
			refusePlainHttpUnderProductionProfile(connectionDetails, this.environment);
			try {
				SpecoraClientBuilder builder = SpecoraClient.builder()
					.baseUrl(connectionDetails.baseUrl())
					.apiKey(connectionDetails.apiKey())
					.orgId((connectionDetails.orgId() != null) ? connectionDetails.orgId() : properties.getOrgId())
					.projectId(properties.getProjectId())
					.agentId(properties.getAgentId())
					.vendorId(properties.getVendorId())
					.tenantId(properties.getTenantId())
					.workflowId(properties.getWorkflowId())
					.strictMode(properties.isStrictMode())
					.environment(this.environment::getProperty)
					.failMode(properties.getFailMode())
					.timeout(properties.getTimeout())
					.deadline(properties.getDeadline())
					.retries(properties.getRetries())
					.retryBackoff(properties.getRetryBackoff(), properties.getMaxRetryBackoff())
					.circuitBreaker(properties.getCircuitBreaker().toSettings());
				observationRegistry.ifAvailable(builder::observationRegistry);
				builder.observationConvention(
						observationConvention.getIfUnique(() -> namedConvention(this.environment)));
				SpecoraHttpConnectorFactory factory = connectorFactory.getIfAvailable();
				if (factory != null) {
					builder.clientConnector(factory.create(properties));
				}
				else if (StringUtils.hasText(properties.getSsl().getBundle())) {
					throw new InvalidConfigurationException("sslBundle", "Specora SSL bundle '"
							+ properties.getSsl().getBundle() + "' needs spring-boot-http-client on the class path");
				}
				customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
				return builder.build();
			}
			catch (InvalidConfigurationException ex) {
				throw new SpecoraClientConfigurationException(ex, properties, connectionDetails);
			}
		}

		/**
		 * Refuses a plain-http base URL under a production profile: plain http is
		 * accepted (for a loopback authority only) during development, but under a
		 * production profile the API key must not travel unencrypted, even locally.
		 * @throws SpecoraConfigurationException naming {@code specora.base-url}
		 */
		private static void refusePlainHttpUnderProductionProfile(SpecoraConnectionDetails connectionDetails,
				Environment environment) {
			String baseUrl = connectionDetails.baseUrl();
			if (baseUrl == null || !baseUrl.trim().regionMatches(true, 0, "http://", 0, 7)) {
				return;
			}
			String profile = ProductionProfiles.active(environment);
			if (profile == null) {
				return;
			}
			String source = (connectionDetails instanceof PropertiesSpecoraConnectionDetails) ? ""
					: " (supplied by the SpecoraConnectionDetails bean of type '"
							+ connectionDetails.getClass().getName() + "')";
			throw new SpecoraConfigurationException("specora.base-url", "The Specora base URL" + source
					+ " uses plain http, which is for a local development authority only and refused while the '"
					+ profile + "' profile is active",
					"Set specora.base-url to the https:// address of the Specora authority for this profile, "
							+ "for example:\n\n    specora:\n      base-url: https://api.specora.ai");
		}

		/**
		 * Spring's default convention under the name Spring Boot gives the
		 * application's client observations, or {@code null} for the default name.
		 */
		private static ClientRequestObservationConvention namedConvention(Environment environment) {
			String name = environment.getProperty(OBSERVATION_NAME_PROPERTY);
			return StringUtils.hasText(name) ? new DefaultClientRequestObservationConvention(name) : null;
		}

		@Bean
		@ConditionalOnMissingBean
		ReactiveSpecoraClient reactiveSpecoraClient(SpecoraClient specoraClient) {
			return specoraClient.reactive();
		}

		@Bean
		@ConditionalOnBooleanProperty(name = "specora.warm-up", matchIfMissing = true)
		SpecoraClientWarmUp specoraClientWarmUp(ObjectProvider<SpecoraClient> clients) {
			return new SpecoraClientWarmUp(clients);
		}

	}

	/**
	 * The connector built with Spring Boot's HTTP client support, when it is on the class
	 * path; without it the client uses its own Reactor Netty connector, which does not
	 * follow redirects either.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "specora.enabled", matchIfMissing = true)
	@ConditionalOnClass(ClientHttpConnectorBuilder.class)
	static class HttpConnectorConfiguration {

		@Bean
		SpecoraHttpConnectorFactory specoraHttpConnectorFactory(ObjectProvider<SslBundles> sslBundles,
				ResourceLoader resourceLoader) {
			return new SpecoraHttpConnectorFactory(ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader()),
					sslBundles.getIfAvailable());
		}

	}

	/**
	 * The start-up warning when Specora is disabled.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "specora.enabled", havingValue = false)
	static class DisabledConfiguration {

		@Bean
		static SpecoraDisabledNotice specoraDisabledNotice() {
			return new SpecoraDisabledNotice();
		}

	}

}
