package ai.specora.spring.ai.tool.mcp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import ai.specora.spring.ai.Authority;
import com.jayway.jsonpath.DocumentContext;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterAll;
import reactor.core.publisher.Mono;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.mcp.annotation.McpTool;
import org.springframework.ai.mcp.annotation.McpToolParam;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.method.MethodToolCallbackProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static ai.specora.spring.ai.Authority.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every tool of a Spring AI MCP server (sync, streamable HTTP) is governed: a real MCP
 * client calls the server over HTTP, a stand-in authority decides. Tools come from a
 * {@code ToolCallbackProvider} bean ({@code @Tool} methods) and from {@code @McpTool}
 * methods.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.ai.mcp.server.name=support-server", "spring.ai.mcp.server.protocol=STREAMABLE",
				"specora.ai.tools[lookup_order].scope-expression={'order': #input.orderId, 'caller': #principal}",
				"specora.ai.tools[order_stats].on-suspend=wait", "specora.ai.tools[order_stats].approval-timeout=10s" })
class McpServerToolsTests {

	static final Authority authority = new Authority().start();

	@LocalServerPort
	int port;

	@Autowired
	ServerTools tools;

	private McpSyncClient client;

	@DynamicPropertySource
	static void authorityProperties(DynamicPropertyRegistry registry) {
		for (String property : authority.properties()) {
			int eq = property.indexOf('=');
			registry.add(property.substring(0, eq), () -> property.substring(eq + 1));
		}
	}

	@BeforeEach
	void connect() {
		authority.reset();
		this.tools.reset();
		this.client = McpClient
			.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + this.port).build())
			.clientInfo(new McpSchema.Implementation("outside-agent", "1.2.3"))
			.build();
		this.client.initialize();
	}

	@AfterEach
	void close() {
		this.client.closeGracefully();
	}

	@AfterAll
	static void stopAuthority() {
		authority.stop();
	}

	@Test
	void allowedCallRunsAndIsCompletedWithTheSessionAndClientInTheScope() {
		authority.allow("lookup_order", "jrn_lookup");
		CallToolResult result = this.client
			.callTool(new McpSchema.CallToolRequest("lookup_order", Map.of("orderId", "A-1")));
		assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
		assertThat(text(result)).contains("order A-1: shipped");
		assertThat(this.tools.lookups).hasValue(1);
		DocumentContext enforce = json(single(authority.enforcements()));
		assertThat(enforce.<String>read("$.action_type")).isEqualTo("lookup_order");
		assertThat(enforce.<Boolean>read("$.is_write_op")).isFalse();
		Map<String, Object> scope = enforce.read("$.scope");
		assertThat(scope).containsEntry("tool", "lookup_order")
			.containsEntry("mcp_client_name", "outside-agent")
			.containsEntry("mcp_client_version", "1.2.3")
			.containsEntry("order", "A-1")
			.containsEntry("caller", "outside-agent")
			.containsKey("mcp_session_id");
		assertThat((String) scope.get("mcp_session_id")).isNotBlank();
		DocumentContext completion = json(single(authority.completions()));
		assertThat(completion.<String>read("$.journal_id")).isEqualTo("jrn_lookup");
		assertThat(completion.<String>read("$.status")).isEqualTo("success");
	}

	@Test
	void blockedCallIsAnErrorResultWithReasonAndJournalAndTheHandlerNeverRuns() {
		authority.block("drop_table", "jrn_drop", "dropping tables is never allowed");
		CallToolResult result = this.client
			.callTool(new McpSchema.CallToolRequest("drop_table", Map.of("table", "orders")));
		assertThat(result.isError()).isTrue();
		assertThat(text(result)).contains("'drop_table' was not run")
			.contains("dropping tables is never allowed")
			.contains("jrn_drop");
		assertThat(this.tools.drops).hasValue(0);
		assertThat(authority.completions()).isEmpty();
	}

	@Test
	void annotationsDriveTheWriteFlag() {
		authority.block("drop_table", "jrn_drop", "no");
		authority.allow("order_stats", "jrn_stats");
		this.client.callTool(new McpSchema.CallToolRequest("drop_table", Map.of("table", "orders")));
		CallToolResult stats = this.client.callTool(new McpSchema.CallToolRequest("order_stats", Map.of()));
		assertThat(stats.isError()).isNotEqualTo(Boolean.TRUE);
		assertThat(text(stats)).contains("42 orders");
		List<DocumentContext> enforcements = authority.enforcements().stream().map(Authority::json).toList();
		assertThat(enforcements).hasSize(2);
		assertThat(enforcements.get(0).<String>read("$.action_type")).isEqualTo("drop_table");
		assertThat(enforcements.get(0).<Boolean>read("$.is_write_op")).isTrue();
		assertThat(enforcements.get(1).<String>read("$.action_type")).isEqualTo("order_stats");
		assertThat(enforcements.get(1).<Boolean>read("$.is_write_op")).isFalse();
	}

	@Test
	void suspendedCallIsAnErrorResultNamingTheApproval() {
		authority.suspend("drop_table", "jrn_susp");
		CallToolResult result = this.client
			.callTool(new McpSchema.CallToolRequest("drop_table", Map.of("table", "orders")));
		assertThat(result.isError()).isTrue();
		assertThat(text(result)).contains("apr_1").contains("slack:#sec-approvals").contains("jrn_susp");
		assertThat(this.tools.drops).hasValue(0);
	}

	@Test
	void underOnSuspendWaitTheCallWaitsForTheApprovalThenRunsAndIsCompleted() {
		authority.suspend("order_stats", "jrn_wait");
		authority.journal("jrn_wait", "approved");
		CallToolResult result = this.client.callTool(new McpSchema.CallToolRequest("order_stats", Map.of()));
		assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
		assertThat(text(result)).contains("42 orders");
		DocumentContext completion = json(single(authority.completions()));
		assertThat(completion.<String>read("$.journal_id")).isEqualTo("jrn_wait");
		assertThat(completion.<String>read("$.status")).isEqualTo("success");
	}

	@Test
	void noDecisionFailsClosed() {
		authority.unavailable("lookup_order");
		CallToolResult result = this.client
			.callTool(new McpSchema.CallToolRequest("lookup_order", Map.of("orderId", "A-1")));
		assertThat(result.isError()).isTrue();
		assertThat(text(result)).contains("fails closed");
		assertThat(this.tools.lookups).hasValue(0);
	}

	static String text(CallToolResult result) {
		return result.content()
			.stream()
			.map((content) -> ((McpSchema.TextContent) content).text())
			.reduce("", String::concat);
	}

	static <T> T single(List<T> items) {
		assertThat(items).hasSize(1);
		return items.get(0);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ServerApp {

		@Bean
		ServerTools serverTools() {
			return new ServerTools();
		}

		@Bean
		ToolCallbackProvider orderTools(ServerTools tools) {
			return MethodToolCallbackProvider.builder().toolObjects(new OrderTools(tools)).build();
		}

	}

	/**
	 * {@code @Tool} methods, exposed through a {@code ToolCallbackProvider} bean.
	 */
	static class OrderTools {

		private final ServerTools tools;

		OrderTools(ServerTools tools) {
			this.tools = tools;
		}

		@Tool(name = "lookup_order", description = "Looks up an order")
		String lookupOrder(String orderId) {
			this.tools.lookups.incrementAndGet();
			return "order " + orderId + ": shipped";
		}

	}

	/**
	 * {@code @McpTool} methods, with their MCP annotations.
	 */
	static class ServerTools {

		final AtomicInteger lookups = new AtomicInteger();

		final AtomicInteger drops = new AtomicInteger();

		void reset() {
			this.lookups.set(0);
			this.drops.set(0);
		}

		@McpTool(name = "drop_table", description = "Drops a table",
				annotations = @McpTool.McpAnnotations(readOnlyHint = false, destructiveHint = true))
		String dropTable(@McpToolParam(description = "the table") String table) {
			this.drops.incrementAndGet();
			return "dropped " + table;
		}

		@McpTool(name = "cancel_order", description = "Cancels an order (an asynchronous server's tool)",
				annotations = @McpTool.McpAnnotations(readOnlyHint = false, destructiveHint = true))
		Mono<String> cancelOrder(@McpToolParam(description = "the order") String orderId) {
			return Mono.fromSupplier(() -> {
				this.drops.incrementAndGet();
				return "cancelled " + orderId;
			});
		}

		@McpTool(name = "order_stats", description = "Counts orders",
				annotations = @McpTool.McpAnnotations(readOnlyHint = true, destructiveHint = false))
		String orderStats() {
			return "42 orders";
		}

	}

}
