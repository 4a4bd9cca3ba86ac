package ai.specora.spring.autoconfigure;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Checks at start-up that {@link ai.specora.spring.Enforced @Enforced} methods are
 * governed whenever Specora is enabled: see {@link UngovernedEnforcedMethodsCheck}.
 * When {@code specora.enabled=false}, the client auto-configuration already warns that
 * they run ungoverned.
 */
@AutoConfiguration(after = SpecoraEnforcementAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "specora.enabled", matchIfMissing = true)
public final class SpecoraEnforcementCheckAutoConfiguration {

	@Bean
	static UngovernedEnforcedMethodsCheck specoraUngovernedEnforcedMethodsCheck(
			ConfigurableListableBeanFactory beanFactory, Environment environment) {
		return new UngovernedEnforcedMethodsCheck(beanFactory,
				environment.getProperty("specora.enforcement.enabled", Boolean.class, true));
	}

}
