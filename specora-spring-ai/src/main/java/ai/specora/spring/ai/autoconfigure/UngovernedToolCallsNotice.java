package ai.specora.spring.ai.autoconfigure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Says once at start-up when the application has no {@link ToolCallingManager} bean to
 * decorate: its ChatClients then make their own managers, and their tool calls are not
 * governed. A governance that silently does nothing must never look like a working one.
 */
final class UngovernedToolCallsNotice implements SmartInitializingSingleton {

	static final String MESSAGE = "Specora cannot govern Spring AI tool calls: there is no ToolCallingManager bean. "
			+ "Add spring-ai-autoconfigure-model-tool (every Spring AI model starter brings it) or define a "
			+ "ToolCallingManager bean, and build ChatClients from the auto-configured ChatClient.Builder";

	private static final Logger logger = LoggerFactory.getLogger(UngovernedToolCallsNotice.class);

	private final ObjectProvider<ToolCallingManager> managers;

	UngovernedToolCallsNotice(ObjectProvider<ToolCallingManager> managers) {
		this.managers = managers;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.managers.stream().findAny().isEmpty()) {
			logger.warn(MESSAGE);
		}
	}

}
