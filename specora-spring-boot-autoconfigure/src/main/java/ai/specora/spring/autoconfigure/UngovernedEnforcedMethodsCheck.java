package ai.specora.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import ai.specora.client.SpecoraClient;
import ai.specora.spring.Enforced;
import ai.specora.spring.enforcement.EnforcedMethodRegistry;
import ai.specora.spring.enforcement.EnforcementAdvisor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Makes sure {@link Enforced @Enforced} methods never run ungoverned without anyone
 * knowing: when the application has governed methods but no enforcement advisor, start-up
 * fails if that is because there is no {@link SpecoraClient} bean, and a warning says so
 * if {@code specora.enforcement.enabled=false} turned enforcement off on purpose. Which
 * beans have governed methods is the {@link EnforcedMethodRegistry}'s answer, the same
 * one the advisor would use, so a wrong declaration fails start-up here too.
 */
final class UngovernedEnforcedMethodsCheck implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(UngovernedEnforcedMethodsCheck.class);

	private final ConfigurableListableBeanFactory beanFactory;

	private final boolean enforcementEnabled;

	UngovernedEnforcedMethodsCheck(ConfigurableListableBeanFactory beanFactory, boolean enforcementEnabled) {
		this.beanFactory = beanFactory;
		this.enforcementEnabled = enforcementEnabled;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.beanFactory.getBeanNamesForType(EnforcementAdvisor.class, true, false).length > 0) {
			return;
		}
		List<String> governed = beansWithEnforcedMethods();
		if (governed.isEmpty()) {
			return;
		}
		if (!this.enforcementEnabled) {
			logger.warn("specora.enforcement.enabled=false: the @Enforced methods of beans " + governed
					+ " run ungoverned");
			return;
		}
		throw new SpecoraConfigurationException("specora.enforcement.enabled",
				"The @Enforced methods of beans " + governed + " cannot be governed: there is no SpecoraClient bean",
				"Let the Specora auto-configuration create the client (do not exclude "
						+ "SpecoraClientAutoConfiguration) or define a SpecoraClient bean. To run these methods "
						+ "ungoverned on purpose, set specora.enforcement.enabled=false.",
				null);
	}

	private List<String> beansWithEnforcedMethods() {
		List<String> names = new ArrayList<>();
		EnforcedMethodRegistry registry = new EnforcedMethodRegistry(this.beanFactory);
		for (String name : this.beanFactory.getBeanDefinitionNames()) {
			BeanDefinition definition = this.beanFactory.getBeanDefinition(name);
			if (definition.getRole() == BeanDefinition.ROLE_INFRASTRUCTURE || definition.isAbstract()) {
				continue;
			}
			Class<?> type = this.beanFactory.getType(name, false);
			if (type != null && registry.hasEnforcedMethods(ClassUtils.getUserClass(type))) {
				names.add(name);
			}
		}
		return names;
	}

}
