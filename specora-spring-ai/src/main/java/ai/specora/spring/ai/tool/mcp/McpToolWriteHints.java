package ai.specora.spring.ai.tool.mcp;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import ai.specora.spring.ai.tool.ToolWriteHints;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.mcp.AsyncMcpToolCallback;
import org.springframework.ai.mcp.SyncMcpToolCallback;
import org.springframework.ai.tool.ToolCallback;

/**
 * Reads whether an MCP tool changes state from the tool annotations its server
 * declares: {@code readOnlyHint=true} is a read, {@code readOnlyHint=false} or
 * {@code destructiveHint=true} a write; a tool that declares neither gives no hint.
 * <p>
 * A tool of the application's own MCP server ({@link McpServerTool}) is read from its
 * annotations directly. Spring AI's MCP client tool callbacks do not expose the tool they wrap, so the tools are
 * looked up by their original name in a catalog (by default, what the application's
 * MCP clients list), fetched once on first use; a catalog that cannot be fetched is
 * tried again on the next lookup. When several servers declare a tool of the same name,
 * a write wins.
 */
public final class McpToolWriteHints implements ToolWriteHints {

	private static final Logger logger = LoggerFactory.getLogger(McpToolWriteHints.class);

	private final Supplier<? extends Collection<McpSchema.Tool>> catalog;

	private volatile Map<String, Boolean> hints;

	/**
	 * Creates hints from a catalog of MCP tools.
	 * @param catalog lists the MCP tools the application's clients know
	 */
	public McpToolWriteHints(Supplier<? extends Collection<McpSchema.Tool>> catalog) {
		this.catalog = Objects.requireNonNull(catalog, "catalog must not be null");
	}

	@Override
	public Boolean writeOp(ToolCallback tool) {
		if (tool instanceof McpServerTool serverTool) {
			return writeOpOf(serverTool.tool().annotations());
		}
		String name = originalName(tool);
		if (name == null) {
			return null;
		}
		Map<String, Boolean> known = hints();
		return (known != null) ? known.get(name) : null;
	}

	/**
	 * What a tool's annotations say about writing.
	 * @param annotations the annotations, or {@code null}
	 * @return {@code true} for a write, {@code false} for a read, {@code null} when they
	 * say neither
	 */
	public static Boolean writeOpOf(McpSchema.ToolAnnotations annotations) {
		if (annotations == null) {
			return null;
		}
		if (Boolean.TRUE.equals(annotations.readOnlyHint())) {
			return false;
		}
		if (Boolean.FALSE.equals(annotations.readOnlyHint()) || Boolean.TRUE.equals(annotations.destructiveHint())) {
			return true;
		}
		return null;
	}

	private static String originalName(ToolCallback tool) {
		if (tool instanceof SyncMcpToolCallback sync) {
			return sync.getOriginalToolName();
		}
		if (tool instanceof AsyncMcpToolCallback async) {
			return async.getOriginalToolName();
		}
		return null;
	}

	private Map<String, Boolean> hints() {
		Map<String, Boolean> known = this.hints;
		if (known != null) {
			return known;
		}
		synchronized (this) {
			if (this.hints == null) {
				try {
					Map<String, Boolean> fetched = new HashMap<>();
					for (McpSchema.Tool mcpTool : this.catalog.get()) {
						Boolean write = writeOpOf(mcpTool.annotations());
						if (write != null) {
							fetched.merge(mcpTool.name(), write, Boolean::logicalOr);
						}
					}
					this.hints = Map.copyOf(fetched);
				}
				catch (RuntimeException ex) {
					logger.warn("Could not list the MCP tools to read their annotations; MCP tools are governed "
							+ "without write hints until the next try: {}", ex.toString());
					return null;
				}
			}
			return this.hints;
		}
	}

}
