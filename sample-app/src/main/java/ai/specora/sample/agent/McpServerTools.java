package ai.specora.sample.agent;

import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Exposes the support agent's tools to outside MCP clients (desktop assistants, IDEs,
 * other agents) through Spring AI's MCP server, at {@code /mcp}. {@code specora-spring-ai}
 * governs every call of them exactly as it governs the agent's own: a client calling
 * {@code drop_table} gets an error result with the reason and the journal id, and the
 * tool never runs.
 */
@Configuration(proxyBeanMethods = false)
public class McpServerTools {

	/**
	 * The support agent's {@code @Tool} methods, as MCP server tools.
	 * @param tools the support agent's tools
	 * @return the provider the MCP server exposes
	 */
	@Bean
	public ToolCallbackProvider supportAgentMcpTools(SupportAgentTools tools) {
		return MethodToolCallbackProvider.builder().toolObjects(tools).build();
	}

}
