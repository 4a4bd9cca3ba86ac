package ai.specora.spring.autoconfigure.localauthority;

import ai.specora.localauthority.LocalAuthority;
import ai.specora.spring.autoconfigure.SpecoraClientAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraConfigurationException;
import ai.specora.spring.autoconfigure.SpecoraConnectionDetails;
import ai.specora.spring.autoconfigure.SpecoraProperties;
import ai.specora.spring.autoconfigure.internal.ProductionProfiles;
import ai.specora.spring.autoconfigure.webhook.SpecoraWebhookProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Auto-configuration of the embedded local authority: when
 * {@code specora.local-authority.enabled=true}, starts an in-memory Specora authority
 * on a loopback port and supplies the {@link SpecoraConnectionDetails} that point the
 * client at it, so no {@code specora.base-url} is needed. For development, demos and
 * tests only: it refuses to start while a {@code prod} or {@code production} profile is
 * active.
 * <p>
 * Its webhooks go to {@code specora.local-authority.webhook-url} or, by default, to the
 * application's own webhook endpoint once the web server has started.
 */
@AutoConfiguration(before = SpecoraClientAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "specora.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("specora.local-authority.enabled")
@EnableConfigurationProperties({ SpecoraLocalAuthorityProperties.class, SpecoraProperties.class })
public final class SpecoraLocalAuthorityAutoConfiguration {

	/** The name of the {@link LocalAuthority} bean. */
	public static final String LOCAL_AUTHORITY_BEAN_NAME = "specoraLocalAuthority";

	private static final Log logger = LogFactory.getLog(SpecoraLocalAuthorityAutoConfiguration.class);

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(LocalAuthority.class)
	static class LocalAuthorityConfiguration {

		@Bean(name = LOCAL_AUTHORITY_BEAN_NAME, destroyMethod = "close")
		LocalAuthority specoraLocalAuthority(SpecoraLocalAuthorityProperties properties, SpecoraProperties specora,
				Environment environment, ObjectProvider<LocalAuthorityWebhookTarget> webhookTarget) {
			refuseProductionProfiles(environment);
			if (StringUtils.hasText(specora.getBaseUrl())) {
				logger.warn("specora.base-url is ignored while specora.local-authority.enabled=true: "
						+ "the client uses the local authority");
			}
			SpecoraWebhookProperties webhook = Binder.get(environment)
				.bindOrCreate("specora.webhook", SpecoraWebhookProperties.class);
			LocalAuthoritySettingsMapper mapper = new LocalAuthoritySettingsMapper(properties, specora, webhook);
			return LocalAuthority.start(mapper.toSettings(webhookTarget.getIfAvailable()));
		}

		@Bean
		LocalAuthorityConnectionDetails specoraLocalAuthorityConnectionDetails(LocalAuthority specoraLocalAuthority) {
			return new LocalAuthorityConnectionDetails(specoraLocalAuthority);
		}

		private static void refuseProductionProfiles(Environment environment) {
			String active = ProductionProfiles.active(environment);
			if (active != null) {
				throw new SpecoraConfigurationException("specora.local-authority.enabled",
						"The Specora local authority is for development, demos and tests only and refuses to "
								+ "start while the '" + active + "' profile is active",
						"Set specora.local-authority.enabled=false for this profile and point the client at the "
								+ "Specora authority with specora.base-url and specora.api-key.",
						null);
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ LocalAuthority.class,
			org.springframework.boot.web.server.context.WebServerInitializedEvent.class })
	@ConditionalOnWebApplication
	static class WebhookTargetConfiguration {

		@Bean
		LocalAuthorityWebhookTarget specoraLocalAuthorityWebhookTarget(Environment environment) {
			SpecoraWebhookProperties webhook = Binder.get(environment)
				.bindOrCreate("specora.webhook", SpecoraWebhookProperties.class);
			String address = environment.getProperty("server.address");
			String host = (!StringUtils.hasText(address) || "0.0.0.0".equals(address) || "::".equals(address))
					? "127.0.0.1" : address;
			String basePath = environment.getProperty("server.servlet.context-path",
					environment.getProperty("spring.webflux.base-path", ""));
			return new LocalAuthorityWebhookTarget(host, trimTrailingSlash(basePath) + webhook.getPath());
		}

		private static String trimTrailingSlash(String path) {
			return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("ai.specora.localauthority.LocalAuthority")
	static class MissingLocalAuthorityConfiguration {

		@Bean
		Object specoraLocalAuthorityMissing() {
			throw new SpecoraConfigurationException("specora.local-authority.enabled",
					"specora.local-authority.enabled is true but the local authority is not on the class path",
					"Add the dependency ai.specora:specora-local-authority (for example in test or development "
							+ "scope), or remove specora.local-authority.enabled.",
					null);
		}

	}

}
