package ai.specora.spring.ai.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

import ai.specora.spring.autoconfigure.SpecoraConfigurationException;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpStatelessAsyncServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Checks at start-up that every tool of every MCP server bean is governed: a tool added
 * to a server other than through a tool specification bean (e.g. by an
 * {@code McpSyncServerCustomizer}) runs ungoverned, so start-up fails naming it and its
 * server, unless {@code specora.ai.allow-ungoverned-tools=true} (then a warning says so).
 * Tools added to a running server ({@code addTool}) are not seen.
 */
final class McpServerToolsCheck implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(McpServerToolsCheck.class);

	private static final Duration LIST_TIMEOUT = Duration.ofSeconds(10);

	private final ListableBeanFactory beans;

	private final GovernedMcpServerToolsPostProcessor governed;

	private final BooleanSupplier allowUngovernedTools;

	McpServerToolsCheck(ListableBeanFactory beans, GovernedMcpServerToolsPostProcessor governed,
			BooleanSupplier allowUngovernedTools) {
		this.beans = Objects.requireNonNull(beans, "beans must not be null");
		this.governed = Objects.requireNonNull(governed, "governed must not be null");
		this.allowUngovernedTools = Objects.requireNonNull(allowUngovernedTools,
				"allowUngovernedTools must not be null");
	}

	@Override
	public void afterSingletonsInstantiated() {
		Set<String> governedTools = this.governed.governedTools();
		List<String> ungoverned = new ArrayList<>();
		this.beans.getBeansOfType(McpSyncServer.class, false, false)
			.forEach((name, server) -> collect(ungoverned, governedTools, name, server.listTools()));
		this.beans.getBeansOfType(McpAsyncServer.class, false, false)
			.forEach((name, server) -> collect(ungoverned, governedTools, name,
					server.listTools().collectList().block(LIST_TIMEOUT)));
		this.beans.getBeansOfType(McpStatelessSyncServer.class, false, false)
			.forEach((name, server) -> collect(ungoverned, governedTools, name, server.listTools()));
		this.beans.getBeansOfType(McpStatelessAsyncServer.class, false, false)
			.forEach((name, server) -> collect(ungoverned, governedTools, name,
					server.listTools().collectList().block(LIST_TIMEOUT)));
		if (ungoverned.isEmpty()) {
			return;
		}
		String description = "The MCP server tools " + ungoverned + " were not added through tool specification "
				+ "beans (List<SyncToolSpecification>, List<AsyncToolSpecification>, ToolCallback, "
				+ "ToolCallbackProvider or @McpTool beans): Specora cannot govern them and they run ungoverned.";
		if (!this.allowUngovernedTools.getAsBoolean()) {
			throw new SpecoraConfigurationException(GovernedToolCallingManagerPostProcessor.ALLOW_UNGOVERNED_TOOLS,
					description,
					"Define these tools as ToolCallback, ToolCallbackProvider, @McpTool or tool specification beans "
							+ "instead of adding them in a server customizer, or, to accept that they run "
							+ "ungoverned, set " + GovernedToolCallingManagerPostProcessor.ALLOW_UNGOVERNED_TOOLS
							+ "=true");
		}
		logger.warn("{} Starting anyway: {}=true", description,
				GovernedToolCallingManagerPostProcessor.ALLOW_UNGOVERNED_TOOLS);
	}

	private static void collect(List<String> ungoverned, Set<String> governedTools, String serverName,
			List<McpSchema.Tool> tools) {
		if (tools == null) {
			return;
		}
		for (McpSchema.Tool tool : tools) {
			if (!governedTools.contains(tool.name())) {
				ungoverned.add(tool.name() + " (server bean '" + serverName + "')");
			}
		}
	}

}
