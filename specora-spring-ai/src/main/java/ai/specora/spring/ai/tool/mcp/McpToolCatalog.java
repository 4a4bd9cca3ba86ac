package ai.specora.spring.ai.tool.mcp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Lists the tools of MCP clients, every page of each.
 */
public final class McpToolCatalog implements Supplier<List<McpSchema.Tool>> {

	private final List<McpSyncClient> syncClients;

	private final List<McpAsyncClient> asyncClients;

	private final Duration timeout;

	/**
	 * Creates a catalog.
	 * @param syncClients the synchronous clients
	 * @param asyncClients the asynchronous clients
	 * @param timeout how long to wait for one page of an asynchronous client
	 */
	public McpToolCatalog(List<McpSyncClient> syncClients, List<McpAsyncClient> asyncClients, Duration timeout) {
		this.syncClients = List.copyOf(syncClients);
		this.asyncClients = List.copyOf(asyncClients);
		this.timeout = Objects.requireNonNull(timeout, "timeout must not be null");
	}

	@Override
	public List<McpSchema.Tool> get() {
		List<McpSchema.Tool> tools = new ArrayList<>();
		for (McpSyncClient client : this.syncClients) {
			String cursor = null;
			do {
				McpSchema.ListToolsResult page = (cursor != null) ? client.listTools(cursor) : client.listTools();
				tools.addAll(page.tools());
				cursor = page.nextCursor();
			}
			while (cursor != null);
		}
		for (McpAsyncClient client : this.asyncClients) {
			String cursor = null;
			do {
				McpSchema.ListToolsResult page = ((cursor != null) ? client.listTools(cursor) : client.listTools())
					.block(this.timeout);
				if (page == null) {
					break;
				}
				tools.addAll(page.tools());
				cursor = page.nextCursor();
			}
			while (cursor != null);
		}
		return tools;
	}

}
