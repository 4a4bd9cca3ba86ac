package ai.specora.spring.ai.tool.mcp;

import java.util.Map;

import ai.specora.spring.ai.Authority;
import ai.specora.spring.autoconfigure.SpecoraConfigurationException;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.ai.mcp.customizer.McpSyncServerCustomizer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A tool added to an MCP server where Specora cannot govern it (a server customizer)
 * fails start-up, naming the tool, unless {@code specora.ai.allow-ungoverned-tools=true}.
 */
class McpServerUngovernedToolsTests {

	static final Authority authority = new Authority().start();

	@AfterAll
	static void stopAuthority() {
		authority.stop();
	}

	@Test
	void toolAddedByACustomizerFailsStartUp() {
		assertThatThrownBy(() -> start().close()).isInstanceOf(SpecoraConfigurationException.class)
			.hasMessageContaining("secret_tool")
			.hasMessageContaining("mcpSyncServer");
	}

	@Test
	void allowUngovernedToolsStarts() {
		try (ConfigurableApplicationContext context = start("--specora.ai.allow-ungoverned-tools=true")) {
			assertThat(context.isRunning()).isTrue();
		}
	}

	private static ConfigurableApplicationContext start(String... extra) {
		SpringApplication application = new SpringApplication(CustomizedServer.class);
		application.setWebApplicationType(WebApplicationType.SERVLET);
		String[] args = new String[authority.properties().length + extra.length + 2];
		int i = 0;
		for (String property : authority.properties()) {
			args[i++] = "--" + property;
		}
		args[i++] = "--server.port=0";
		args[i++] = "--spring.ai.mcp.server.protocol=STREAMABLE";
		for (String property : extra) {
			args[i++] = property;
		}
		return application.run(args);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class CustomizedServer {

		@Bean
		@Primary
		McpSyncServerCustomizer secretToolCustomizer() {
			return (server) -> server.tools(new McpServerFeatures.SyncToolSpecification(
					McpSchema.Tool.builder().name("secret_tool").inputSchema(new McpSchema.JsonSchema("object", Map.of(), null, null, null, null)).build(),
					(exchange, request) -> McpSchema.CallToolResult.builder().addTextContent("ran").build()));
		}

	}

}
