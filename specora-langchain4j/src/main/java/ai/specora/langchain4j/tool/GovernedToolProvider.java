package ai.specora.langchain4j.tool;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.langchain4j.service.tool.AiServiceTool;
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
		return new ToolProviderResult(govern(result.aiServiceTools(), this.governor));
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

	/**
	 * The tools with governed executors, everything else about them unchanged.
	 * @param tools the tools
	 * @param governor governs their calls
	 * @return the governed tools
	 */
	static List<AiServiceTool> govern(List<AiServiceTool> tools, ToolGovernor governor) {
		List<AiServiceTool> governed = new ArrayList<>(tools.size());
		for (AiServiceTool tool : tools) {
			governed.add(tool.toBuilder()
				.toolExecutor(governor.govern(tool.toolSpecification(), tool.toolExecutor()))
				.build());
		}
		return governed;
	}

	@Override
	public String toString() {
		return "GovernedToolProvider[" + this.delegate + "]";
	}

}
