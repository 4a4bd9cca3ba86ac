package ai.specora.spring.autoconfigure.actuate;

import ai.specora.client.SpecoraClient;
import ai.specora.runtime.CompletionDispatcher;
import ai.specora.spring.actuate.SpecoraHealthIndicator;
import ai.specora.spring.autoconfigure.SpecoraClientAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the {@code specora} health contributor, when Spring Boot's
 * health support is on the class path, a {@link SpecoraClient} bean exists and
 * {@code management.health.specora.enabled} is not {@code false}. It is not added to
 * the liveness or readiness groups.
 */
@AutoConfiguration(after = SpecoraClientAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(SpecoraClient.class)
public final class SpecoraHealthContributorAutoConfiguration {

	/**
	 * The name of the health indicator bean; its contributor is named {@code specora}.
	 */
	public static final String HEALTH_INDICATOR_BEAN_NAME = "specoraHealthIndicator";

	/**
	 * The indicator, unless disabled; apart so that its condition is only read when
	 * Spring Boot's health support is on the class path.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledHealthIndicator("specora")
	static class HealthIndicatorConfiguration {

		@Bean(HEALTH_INDICATOR_BEAN_NAME)
		@ConditionalOnMissingBean(name = HEALTH_INDICATOR_BEAN_NAME)
		SpecoraHealthIndicator specoraHealthIndicator(SpecoraClient client,
				ObjectProvider<CompletionDispatcher> dispatcher, ObjectProvider<SpecoraProperties> properties) {
			SpecoraProperties settings = properties.getIfAvailable();
			return new SpecoraHealthIndicator(client, dispatcher.getIfAvailable(),
					(settings != null) ? settings.getHealth().getCacheTtl() : SpecoraHealthIndicator.DEFAULT_CACHE_TTL);
		}

	}

}
