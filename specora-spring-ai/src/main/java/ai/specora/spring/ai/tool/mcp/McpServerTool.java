package ai.specora.spring.ai.tool.mcp;

import java.util.Objects;

import io.modelcontextprotocol.spec.McpSchema;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.DefaultToolDefinition;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * A tool an MCP server exposes, as the {@link ToolCallback} that
 * {@link ai.specora.spring.ai.tool.ToolCallSpecResolver ToolCallSpecResolver}s resolve:
 * it describes the tool (its name and its annotations, read by
 * {@link McpToolWriteHints}) and is never called; the server calls the tool's handler.
 */
public final class McpServerTool implements ToolCallback {

	private final McpSchema.Tool tool;

	private final ToolDefinition definition;

	/**
	 * Describes an MCP server tool.
	 * @param tool the tool, as the server lists it
	 */
	public McpServerTool(McpSchema.Tool tool) {
		this.tool = Objects.requireNonNull(tool, "tool must not be null");
		this.definition = DefaultToolDefinition.builder()
			.name(tool.name())
			.description((tool.description() != null) ? tool.description() : tool.name())
			.inputSchema("{}")
			.build();
	}

	/**
	 * The tool, as the server lists it.
	 * @return the tool
	 */
	public McpSchema.Tool tool() {
		return this.tool;
	}

	@Override
	public ToolDefinition getToolDefinition() {
		return this.definition;
	}

	/**
	 * Not supported: the MCP server calls the tool's handler.
	 */
	@Override
	public String call(String toolInput) {
		throw new UnsupportedOperationException("The MCP server tool '" + this.tool.name() + "' is called by its server");
	}

	@Override
	public String toString() {
		return "McpServerTool[" + this.tool.name() + "]";
	}

}
