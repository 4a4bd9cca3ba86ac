package ai.specora.spring.ai.tool.mcp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import ai.specora.spring.ai.Authority;
import ai.specora.spring.ai.FakeChatModel;
import ai.specora.spring.ai.autoconfigure.SpecoraSpringAiAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraClientAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraEnforcementAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraGovernanceAutoConfiguration;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.mcp.SyncMcpToolCallback;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.function.FunctionToolCallback;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static ai.specora.spring.ai.Authority.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * MCP tool annotations become {@code is_write_op}: {@code readOnlyHint=false} or
 * {@code destructiveHint=true} is a write, {@code readOnlyHint=true} a read.
 */
class McpToolWriteHintsTests {

	static final Authority authority = new Authority().start();

	@BeforeEach
	void reset() {
		authority.reset();
	}

	@AfterAll
	static void stopAuthority() {
		authority.stop();
	}

	@Test
	void annotationsMapToWriteOp() {
		assertThat(McpToolWriteHints.writeOpOf(annotations(false, null))).isTrue();
		assertThat(McpToolWriteHints.writeOpOf(annotations(null, true))).isTrue();
		assertThat(McpToolWriteHints.writeOpOf(annotations(false, false))).isTrue();
		assertThat(McpToolWriteHints.writeOpOf(annotations(true, null))).isFalse();
		assertThat(McpToolWriteHints.writeOpOf(annotations(true, true))).isFalse();
		assertThat(McpToolWriteHints.writeOpOf(annotations(null, false))).isNull();
		assertThat(McpToolWriteHints.writeOpOf(annotations(null, null))).isNull();
		assertThat(McpToolWriteHints.writeOpOf(null)).isNull();
	}

	@Test
	void hintsComeFromTheCatalogByOriginalNameOnce() {
		AtomicInteger listings = new AtomicInteger();
		McpSchema.Tool drop = tool("drop_table", annotations(null, true));
		McpToolWriteHints hints = new McpToolWriteHints(() -> {
			listings.incrementAndGet();
			return List.of(drop, tool("read_rows", annotations(true, null)));
		});
		McpSyncClient client = client(List.of(drop));
		assertThat(hints.writeOp(callback(client, drop))).isTrue();
		assertThat(hints.writeOp(callback(client, tool("read_rows", null)))).isFalse();
		assertThat(hints.writeOp(FunctionToolCallback.builder("plain", () -> "x").description("x").build()))
			.isNull();
		assertThat(listings).hasValue(1);
	}

	@Test
	void aCatalogThatFailsIsTriedAgain() {
		AtomicInteger listings = new AtomicInteger();
		McpSchema.Tool drop = tool("drop_table", annotations(null, true));
		McpToolWriteHints hints = new McpToolWriteHints(() -> {
			if (listings.incrementAndGet() == 1) {
				throw new IllegalStateException("server starting");
			}
			return List.of(drop);
		});
		ToolCallback callback = callback(client(List.of(drop)), drop);
		assertThat(hints.writeOp(callback)).isNull();
		assertThat(hints.writeOp(callback)).isTrue();
	}

	@Test
	void catalogReadsEveryPageOfEveryClient() {
		McpSyncClient client = mock(McpSyncClient.class);
		given(client.listTools()).willReturn(McpSchema.ListToolsResult.builder(List.of(tool("a", null))).nextCursor("page2").build());
		given(client.listTools("page2")).willReturn(McpSchema.ListToolsResult.builder(List.of(tool("b", null))).build());
		assertThat(new McpToolCatalog(List.of(client), List.of(), java.time.Duration.ofSeconds(1)).get())
			.extracting(McpSchema.Tool::name)
			.containsExactly("a", "b");
	}

	@Test
	void destructiveMcpToolIsEnforcedAsAWrite() {
		McpSchema.Tool drop = tool("drop_table", annotations(false, true));
		McpSyncClient client = client(List.of(drop));
		authority.allow("db_drop_table", "jrn_drop");
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SpecoraClientAutoConfiguration.class,
					SpecoraGovernanceAutoConfiguration.class, SpecoraEnforcementAutoConfiguration.class, SpecoraSpringAiAutoConfiguration.class,
					ToolCallingAutoConfiguration.class, ChatClientAutoConfiguration.class))
			.withPropertyValues(authority.properties())
			.withBean(FakeChatModel.class)
			.withBean(McpSyncClient.class, () -> client)
			.run((context) -> {
				FakeChatModel model = context.getBean(FakeChatModel.class);
				model.thenCall("db_drop_table", "{\"table\": \"users\"}");
				String answer = context.getBean(ChatClient.Builder.class)
					.build()
					.prompt("drop it")
					.tools(callback(client, drop))
					.call()
					.content();
				assertThat(answer).contains("dropped");
				Map<String, Object> body = Authority.body(authority.enforcements().get(0));
				assertThat(body).containsEntry("action_type", "db_drop_table").containsEntry("is_write_op", true);
				assertThat(json(authority.completions().get(0)).<String>read("$.status")).isEqualTo("success");
			});
	}

	static McpSyncClient client(List<McpSchema.Tool> tools) {
		McpSyncClient client = mock(McpSyncClient.class);
		given(client.listTools()).willReturn(McpSchema.ListToolsResult.builder(tools).build());
		given(client.callTool(any())).willReturn(McpSchema.CallToolResult.builder().addTextContent("dropped").build());
		return client;
	}

	static ToolCallback callback(McpSyncClient client, McpSchema.Tool tool) {
		return SyncMcpToolCallback.builder().mcpClient(client).tool(tool).prefixedToolName("db_" + tool.name()).build();
	}

	static McpSchema.Tool tool(String name, McpSchema.ToolAnnotations annotations) {
		return McpSchema.Tool.builder(name, Map.of("type", "object"))
			.description(name)
			.annotations(annotations)
			.build();
	}

	static McpSchema.ToolAnnotations annotations(Boolean readOnly, Boolean destructive) {
		return new McpSchema.ToolAnnotations(null, readOnly, destructive, null, null, null);
	}

}
