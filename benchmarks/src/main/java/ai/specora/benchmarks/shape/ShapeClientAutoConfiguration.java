package ai.specora.benchmarks.shape;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.ClientRequestObservationConvention;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The client auto-configuration's shape: three nested configurations, four beans, the
 * same conditions and bound properties.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration",
		"org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration" })
@ConditionalOnClass(WebClient.class)
@EnableConfigurationProperties(ShapeProperties.class)
final class ShapeClientAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "shape.enabled", matchIfMissing = true)
	static class ClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ShapeBeans.ConnectionDetails shapeConnectionDetails(ShapeProperties properties) {
			return new ShapeBeans.ConnectionDetails();
		}

		@Bean
		@ConditionalOnMissingBean
		ShapeBeans.Client shapeClient(ShapeProperties properties, ShapeBeans.ConnectionDetails connectionDetails,
				ObjectProvider<ObservationRegistry> observationRegistry,
				ObjectProvider<ClientRequestObservationConvention> observationConvention,
				ObjectProvider<ShapeBeans.Unused> connectorFactory, ObjectProvider<ShapeBeans.Customizer> customizers) {
			customizers.orderedStream().forEach((customizer) -> customizer.customize(properties));
			return new ShapeBeans.Client();
		}

		@Bean
		@ConditionalOnMissingBean
		ShapeBeans.ReactiveClient shapeReactiveClient(ShapeBeans.Client client) {
			return client.reactive();
		}

		@Bean
		@ConditionalOnBooleanProperty(name = "specora.warm-up", matchIfMissing = true)
		ShapeBeans.Unused shapeClientWarmUp() {
			return new ShapeBeans.Unused();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "shape.enabled", matchIfMissing = true)
	@ConditionalOnClass(name = "org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder")
	static class HttpConnectorConfiguration {

		@Bean
		ShapeBeans.Unused shapeHttpConnectorFactory() {
			return new ShapeBeans.Unused();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "shape.enabled", havingValue = false)
	static class DisabledConfiguration {

		@Bean
		static ShapeBeans.Unused shapeDisabledNotice() {
			return new ShapeBeans.Unused();
		}

	}

}
