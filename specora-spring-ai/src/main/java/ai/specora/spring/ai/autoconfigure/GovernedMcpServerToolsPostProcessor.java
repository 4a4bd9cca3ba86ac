package ai.specora.spring.ai.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import ai.specora.spring.ai.tool.mcp.McpServerToolGovernor;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Governs every tool an MCP server is built with: Spring AI's MCP server
 * auto-configuration builds its servers from the beans of type
 * {@code List<SyncToolSpecification>} / {@code List<AsyncToolSpecification>} (of
 * {@link McpServerFeatures} and, for stateless servers, {@link McpStatelessServerFeatures}),
 * both those it converts from {@code ToolCallback} and {@code ToolCallbackProvider} beans
 * and those it makes of {@code @McpTool} methods. Each such list, and each tool
 * specification bean, is replaced by one whose tools' call handlers are governed by the
 * {@link McpServerToolGovernor}. The names of the governed tools are remembered for
 * {@link McpServerToolsCheck}.
 */
final class GovernedMcpServerToolsPostProcessor implements BeanPostProcessor {

	private final Supplier<McpServerToolGovernor> governor;

	private final Set<String> governedTools = ConcurrentHashMap.newKeySet();

	GovernedMcpServerToolsPostProcessor(Supplier<McpServerToolGovernor> governor) {
		this.governor = Objects.requireNonNull(governor, "governor must not be null");
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(this::isToolSpecification)) {
			List<Object> governed = new ArrayList<>(list.size());
			list.forEach((specification) -> governed.add(govern(specification)));
			return governed;
		}
		if (isToolSpecification(bean)) {
			return govern(bean);
		}
		return bean;
	}

	private boolean isToolSpecification(Object candidate) {
		return candidate instanceof McpServerFeatures.SyncToolSpecification
				|| candidate instanceof McpServerFeatures.AsyncToolSpecification
				|| candidate instanceof McpStatelessServerFeatures.SyncToolSpecification
				|| candidate instanceof McpStatelessServerFeatures.AsyncToolSpecification;
	}

	private Object govern(Object specification) {
		McpServerToolGovernor toolGovernor = this.governor.get();
		if (specification instanceof McpServerFeatures.SyncToolSpecification sync) {
			this.governedTools.add(sync.tool().name());
			return toolGovernor.govern(sync);
		}
		if (specification instanceof McpServerFeatures.AsyncToolSpecification async) {
			this.governedTools.add(async.tool().name());
			return toolGovernor.govern(async);
		}
		if (specification instanceof McpStatelessServerFeatures.SyncToolSpecification sync) {
			this.governedTools.add(sync.tool().name());
			return toolGovernor.govern(sync);
		}
		McpStatelessServerFeatures.AsyncToolSpecification async = (McpStatelessServerFeatures.AsyncToolSpecification) specification;
		this.governedTools.add(async.tool().name());
		return toolGovernor.govern(async);
	}

	/**
	 * The names of the tools governed so far.
	 * @return the names
	 */
	Set<String> governedTools() {
		return Set.copyOf(this.governedTools);
	}

}
