package ai.specora.spring.autoconfigure.actuate;

import ai.specora.client.SpecoraClient;
import ai.specora.runtime.CompletionDispatcher;
import ai.specora.spring.actuate.SpecoraEndpoint;
import ai.specora.spring.actuate.SpecoraErrorRecorder;
import ai.specora.spring.autoconfigure.SpecoraClientAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraClientBuilderCustomizer;
import ai.specora.spring.autoconfigure.SpecoraEnforcementAutoConfiguration;
import ai.specora.spring.autoconfigure.webhook.SpecoraWebhookAutoConfiguration;
import ai.specora.spring.autoconfigure.webhook.SpecoraWebhookProperties;
import ai.specora.spring.enforcement.EnforcementInterceptor;
import ai.specora.spring.webhook.SpecoraWebhookHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the read-only {@code specora} actuator endpoint, when Spring
 * Boot Actuator is on the class path, a {@link SpecoraClient} bean exists and the
 * endpoint is available (exposed, e.g. with
 * {@code management.endpoints.web.exposure.include=specora}). A
 * {@link SpecoraErrorRecorder} follows the client's failures for it, in addition to
 * any {@code onError} callback of the application.
 */
@AutoConfiguration(after = { SpecoraClientAutoConfiguration.class, SpecoraEnforcementAutoConfiguration.class,
		SpecoraWebhookAutoConfiguration.class })
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnBean(SpecoraClient.class)
@EnableConfigurationProperties(SpecoraWebhookProperties.class)
public final class SpecoraEndpointAutoConfiguration {

	/**
	 * The endpoint, when available; apart so that its condition is only read when
	 * Actuator is on the class path.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(SpecoraEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SpecoraErrorRecorder specoraErrorRecorder() {
			return new SpecoraErrorRecorder();
		}

		@Bean
		SpecoraClientBuilderCustomizer specoraErrorRecorderCustomizer(SpecoraErrorRecorder recorder) {
			return (builder) -> builder.onError(recorder);
		}

		@Bean
		@ConditionalOnMissingBean
		SpecoraEndpoint specoraEndpoint(SpecoraClient client, SpecoraErrorRecorder recorder,
				ObjectProvider<EnforcementInterceptor> interceptor, ObjectProvider<CompletionDispatcher> dispatcher,
				ObjectProvider<SpecoraWebhookHandler> webhookHandler, SpecoraWebhookProperties webhookProperties) {
			String webhookPath = (webhookHandler.getIfAvailable() != null) ? webhookProperties.getPath() : null;
			return new SpecoraEndpoint(client, interceptor.getIfAvailable() != null, dispatcher.getIfAvailable(),
					webhookPath, recorder);
		}

	}

}
