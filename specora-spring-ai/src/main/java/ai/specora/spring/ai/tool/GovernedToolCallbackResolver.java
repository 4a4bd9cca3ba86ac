package ai.specora.spring.ai.tool;

import java.util.Objects;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.resolution.ToolCallbackResolver;

/**
 * A {@link ToolCallbackResolver} whose tools are governed: each tool the delegate
 * resolves is returned wrapped in a {@link GovernedToolCallback}, so that a tool is
 * governed whoever resolves it by name.
 */
public final class GovernedToolCallbackResolver implements ToolCallbackResolver {

	private final ToolCallbackResolver delegate;

	private final ToolCallGovernor governor;

	/**
	 * Governs the tools of a resolver.
	 * @param delegate the resolver
	 * @param governor governs the calls of the tools it resolves
	 */
	public GovernedToolCallbackResolver(ToolCallbackResolver delegate, ToolCallGovernor governor) {
		this.delegate = Objects.requireNonNull(delegate, "delegate must not be null");
		this.governor = Objects.requireNonNull(governor, "governor must not be null");
	}

	/**
	 * Governs the tools of a resolver unless they are governed already.
	 * @param resolver the resolver
	 * @param governor governs the calls of the tools it resolves
	 * @return the governed resolver
	 */
	public static ToolCallbackResolver govern(ToolCallbackResolver resolver, ToolCallGovernor governor) {
		return (resolver instanceof GovernedToolCallbackResolver) ? resolver
				: new GovernedToolCallbackResolver(resolver, governor);
	}

	/**
	 * The resolver whose tools are governed.
	 * @return the delegate
	 */
	public ToolCallbackResolver getDelegate() {
		return this.delegate;
	}

	@Override
	public ToolCallback resolve(String toolName) {
		ToolCallback tool = this.delegate.resolve(toolName);
		return (tool != null) ? GovernedToolCallback.govern(tool, this.governor) : null;
	}

	@Override
	public String toString() {
		return "GovernedToolCallbackResolver[" + this.delegate + "]";
	}

}
