package ai.specora.spring.ai.autoconfigure;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import ai.specora.spring.ai.tool.GovernedToolCallbackResolver;
import ai.specora.spring.ai.tool.GovernedToolCallingManager;
import ai.specora.spring.ai.tool.ToolCallGovernor;
import ai.specora.spring.autoconfigure.SpecoraConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.resolution.ToolCallbackResolver;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Governs every tool the application's beans can run: every {@link ToolCallingManager}
 * bean is decorated with a {@link GovernedToolCallingManager} that resolves the tools the
 * model names with the manager's own resolver, governed; every
 * {@link ToolCallbackResolver} bean is wrapped in a {@link GovernedToolCallbackResolver}.
 * A manager whose resolver cannot be read (any manager but Spring AI's
 * {@code DefaultToolCallingManager}) fails start-up, unless
 * {@code specora.ai.allow-ungoverned-tools=true}.
 */
final class GovernedToolCallingManagerPostProcessor implements BeanPostProcessor {

	static final String ALLOW_UNGOVERNED_TOOLS = "specora.ai.allow-ungoverned-tools";

	private static final Logger logger = LoggerFactory.getLogger(GovernedToolCallingManagerPostProcessor.class);

	private final Supplier<ToolCallGovernor> governor;

	private final Supplier<ToolCallbackResolver> resolver;

	private final BooleanSupplier allowUngovernedTools;

	/**
	 * Creates the post-processor.
	 * @param governor the governor, obtained when the first bean is decorated
	 * @param resolver the application's tool resolver, or a supplier of {@code null}:
	 * used by a manager whose own resolver cannot be read
	 * @param allowUngovernedTools whether a manager whose resolver cannot be read may
	 * start ({@code specora.ai.allow-ungoverned-tools})
	 */
	GovernedToolCallingManagerPostProcessor(Supplier<ToolCallGovernor> governor,
			Supplier<ToolCallbackResolver> resolver, BooleanSupplier allowUngovernedTools) {
		this.governor = Objects.requireNonNull(governor, "governor must not be null");
		this.resolver = Objects.requireNonNull(resolver, "resolver must not be null");
		this.allowUngovernedTools = Objects.requireNonNull(allowUngovernedTools,
				"allowUngovernedTools must not be null");
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof ToolCallingManager manager && !(bean instanceof GovernedToolCallingManager)) {
			return govern(manager, beanName);
		}
		if (bean instanceof ToolCallbackResolver resolver) {
			return GovernedToolCallbackResolver.govern(resolver, this.governor.get());
		}
		return bean;
	}

	private GovernedToolCallingManager govern(ToolCallingManager manager, String beanName) {
		ToolCallGovernor toolCallGovernor = this.governor.get();
		ToolCallbackResolver own = ManagerResolvers.of(manager);
		if (own == null) {
			String description = "The ToolCallingManager bean '" + beanName + "' (" + manager.getClass().getName()
					+ ") resolves the tools the model names in a way Specora cannot reach: a tool the prompt did "
					+ "not carry could run ungoverned.";
			if (!this.allowUngovernedTools.getAsBoolean()) {
				throw new SpecoraConfigurationException(ALLOW_UNGOVERNED_TOOLS, description,
						"Build the manager with ToolCallingManager.builder() (Spring AI's DefaultToolCallingManager) "
								+ "so that Specora governs the tools its resolver finds, or, to accept that tools "
								+ "it resolves itself run ungoverned, set " + ALLOW_UNGOVERNED_TOOLS + "=true");
			}
			logger.warn("{} Starting anyway: {}=true", description, ALLOW_UNGOVERNED_TOOLS);
			own = this.resolver.get();
		}
		return new GovernedToolCallingManager(manager, toolCallGovernor,
				(own != null) ? GovernedToolCallbackResolver.govern(own, toolCallGovernor) : null);
	}

}
