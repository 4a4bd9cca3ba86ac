package ai.specora.spring.ai.tool.mcp;

import java.util.Map;

import ai.specora.spring.ai.Authority;
import com.jayway.jsonpath.DocumentContext;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static ai.specora.spring.ai.Authority.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tools of asynchronous and stateless MCP servers are governed too: a real MCP client
 * over streamable HTTP, a stand-in authority. (An asynchronous server exposes the
 * {@code @McpTool} methods that return a {@code Mono}, a synchronous one the others.)
 */
class McpServerKindsTests {

	static final Authority authority = new Authority().start();

	@AfterAll
	static void stopAuthority() {
		authority.stop();
	}

	static void authorityProperties(DynamicPropertyRegistry registry) {
		for (String property : authority.properties()) {
			int eq = property.indexOf('=');
			registry.add(property.substring(0, eq), () -> property.substring(eq + 1));
		}
	}

	static McpSyncClient client(int port) {
		McpSyncClient client = McpClient
			.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + port).build())
			.clientInfo(new McpSchema.Implementation("outside-agent", "1.2.3"))
			.build();
		client.initialize();
		return client;
	}

	static void blockedAndAllowed(int port, McpServerToolsTests.ServerTools tools, String destructive, boolean session) {
		authority.reset();
		tools.reset();
		authority.block(destructive, "jrn_drop", "never");
		authority.allow("lookup_order", "jrn_lookup");
		McpSyncClient client = client(port);
		try {
			CallToolResult blocked = client
				.callTool(new McpSchema.CallToolRequest(destructive, Map.of("orderId", "A-1", "table", "orders")));
			assertThat(blocked.isError()).isTrue();
			assertThat(McpServerToolsTests.text(blocked)).contains("never").contains("jrn_drop");
			assertThat(tools.drops).hasValue(0);
			CallToolResult allowed = client
				.callTool(new McpSchema.CallToolRequest("lookup_order", Map.of("orderId", "A-1")));
			assertThat(allowed.isError()).isNotEqualTo(Boolean.TRUE);
			assertThat(tools.lookups).hasValue(1);
			DocumentContext completion = json(McpServerToolsTests.single(authority.completions()));
			assertThat(completion.<String>read("$.journal_id")).isEqualTo("jrn_lookup");
			DocumentContext drop = json(authority.enforcements().get(0));
			assertThat(drop.<Boolean>read("$.is_write_op")).isTrue();
			Map<String, Object> scope = drop.read("$.scope");
			if (session) {
				assertThat(scope).containsKey("mcp_session_id").containsEntry("mcp_client_name", "outside-agent");
			}
			else {
				assertThat(scope).doesNotContainKey("mcp_session_id");
			}
		}
		finally {
			client.closeGracefully();
		}
	}

	@SpringBootTest(classes = McpServerToolsTests.ServerApp.class,
			webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "spring.ai.mcp.server.protocol=STREAMABLE", "spring.ai.mcp.server.type=ASYNC" })
	static class AsyncServer {

		@LocalServerPort
		int port;

		@Autowired
		McpServerToolsTests.ServerTools tools;

		@DynamicPropertySource
		static void properties(DynamicPropertyRegistry registry) {
			authorityProperties(registry);
		}

		@Test
		void asyncServerToolsAreGoverned() {
			blockedAndAllowed(this.port, this.tools, "cancel_order", true);
		}

	}

	@SpringBootTest(classes = McpServerToolsTests.ServerApp.class,
			webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "spring.ai.mcp.server.protocol=STATELESS" })
	static class StatelessServer {

		@LocalServerPort
		int port;

		@Autowired
		McpServerToolsTests.ServerTools tools;

		@DynamicPropertySource
		static void properties(DynamicPropertyRegistry registry) {
			authorityProperties(registry);
		}

		@Test
		void statelessServerToolsAreGoverned() {
			blockedAndAllowed(this.port, this.tools, "drop_table", false);
		}

	}

}
