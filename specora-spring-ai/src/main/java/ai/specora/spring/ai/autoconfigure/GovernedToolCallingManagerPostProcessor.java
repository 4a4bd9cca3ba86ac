package ai.specora.spring.ai.autoconfigure;

import java.util.Objects;
import java.util.function.Supplier;

import ai.specora.spring.ai.tool.GovernedToolCallingManager;
import ai.specora.spring.ai.tool.ToolCallGovernor;

import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.resolution.ToolCallbackResolver;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Decorates every {@link ToolCallingManager} bean with a
 * {@link GovernedToolCallingManager}, so that the application's own manager (Spring
 * AI's default one or its own) stays in charge and every tool it runs is governed.
 */
final class GovernedToolCallingManagerPostProcessor implements BeanPostProcessor {

	private final Supplier<ToolCallGovernor> governor;

	private final Supplier<ToolCallbackResolver> resolver;

	/**
	 * Creates the post-processor.
	 * @param governor the governor, obtained when the first manager is decorated
	 * @param resolver the application's tool resolver, or a supplier of {@code null}
	 */
	GovernedToolCallingManagerPostProcessor(Supplier<ToolCallGovernor> governor,
			Supplier<ToolCallbackResolver> resolver) {
		this.governor = Objects.requireNonNull(governor, "governor must not be null");
		this.resolver = Objects.requireNonNull(resolver, "resolver must not be null");
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof ToolCallingManager manager && !(bean instanceof GovernedToolCallingManager)) {
			return new GovernedToolCallingManager(manager, this.governor.get(), this.resolver.get());
		}
		return bean;
	}

}
