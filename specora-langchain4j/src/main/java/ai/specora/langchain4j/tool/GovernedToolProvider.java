package ai.specora.langchain4j.tool;

import java.util.Objects;

import dev.langchain4j.service.tool.ToolProvider;
import dev.langchain4j.service.tool.ToolProviderRequest;
import dev.langchain4j.service.tool.ToolProviderResult;

/**
 * A {@link ToolProvider} (LangChain4j's MCP tool provider, or the application's own)
 * whose every provided tool is governed.
 */
public final class GovernedToolProvider implements ToolProvider {

	private final ToolProvider delegate;

	private final ToolGovernor governor;

	/**
	 * Creates a governed provider.
	 * @param delegate the provider
	 * @param governor governs the provided tools' calls
	 */
	public GovernedToolProvider(ToolProvider delegate, ToolGovernor governor) {
		this.delegate = Objects.requireNonNull(delegate, "delegate must not be null");
		this.governor = Objects.requireNonNull(governor, "governor must not be null");
	}

	@Override
	public ToolProviderResult provideTools(ToolProviderRequest request) {
		ToolProviderResult result = this.delegate.provideTools(request);
		if (result == null) {
			return null;
		}
		return new ToolProviderResult(this.governor.govern(result.aiServiceTools()));
	}

	@Override
	public boolean isDynamic() {
		return this.delegate.isDynamic();
	}

	/**
	 * The provider this one governs.
	 * @return the delegate
	 */
	public ToolProvider delegate() {
		return this.delegate;
	}

	@Override
	public String toString() {
		return "GovernedToolProvider[" + this.delegate + "]";
	}

}
