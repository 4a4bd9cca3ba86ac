package ai.specora.spring.autoconfigure.actuate;

import ai.specora.spring.actuate.SpecoraSecretsSanitizingFunction;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link SpecoraSecretsSanitizingFunction}, when Spring Boot
 * Actuator is on the class path: the API key and the webhook secrets are masked in the
 * {@code configprops} and {@code env} endpoints even when these show values. It does
 * not depend on {@code specora.enabled}, since a disabled client's key is still a
 * secret.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class SpecoraSanitizingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SpecoraSecretsSanitizingFunction specoraSecretsSanitizingFunction() {
		return new SpecoraSecretsSanitizingFunction();
	}

}
