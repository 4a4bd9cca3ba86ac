package ai.specora.spring.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Says once at start-up, when {@code specora.enabled=false}, that nothing is governed:
 * a disabled Specora must never look like a working one.
 */
final class SpecoraDisabledNotice implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(SpecoraDisabledNotice.class);

	static final String MESSAGE = "Specora is disabled (specora.enabled=false): no Specora client is created and "
			+ "@Enforced methods run ungoverned";

	@Override
	public void afterSingletonsInstantiated() {
		logger.warn(MESSAGE);
	}

}
