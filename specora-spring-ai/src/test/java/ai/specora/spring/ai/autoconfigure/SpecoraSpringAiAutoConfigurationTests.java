package ai.specora.spring.ai.autoconfigure;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import ai.specora.client.SpecoraClient;
import ai.specora.spring.ai.FakeChatModel;
import ai.specora.spring.ai.chat.SpecoraChatAdvisor;
import ai.specora.spring.ai.tool.BlockedToolResponder;
import ai.specora.spring.ai.tool.GovernedToolCallingManager;
import ai.specora.spring.ai.tool.ToolCallGovernor;
import ai.specora.spring.ai.tool.ToolWriteHints;
import ai.specora.spring.ai.tool.mcp.McpToolWriteHints;
import ai.specora.spring.autoconfigure.SpecoraClientAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraConfigurationException;
import ai.specora.spring.autoconfigure.SpecoraEnforcementAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraGovernanceAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.mcp.SyncMcpToolCallback;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.tool.DefaultToolCallingManager;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the Spring AI governance is configured, when it backs off, and what the
 * application can replace.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpecoraSpringAiAutoConfigurationTests {

	/** Explains every {@link SpecoraConfigurationException}, whichever module raised it. */
	private static final String CONFIGURATION_FAILURE_ANALYZER = "ai.specora.spring.autoconfigure.SpecoraConfigurationFailureAnalyzer";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpecoraClientAutoConfiguration.class,
				SpecoraGovernanceAutoConfiguration.class, SpecoraEnforcementAutoConfiguration.class, 
				SpecoraSpringAiAutoConfiguration.class, SpecoraChatAutoConfiguration.class,
				ToolCallingAutoConfiguration.class, ChatClientAutoConfiguration.class))
		.withPropertyValues("specora.base-url=http://127.0.0.1:9", "specora.api-key=sk_test_key",
				"specora.org-id=org-1", "specora.ai.chat.provider=openai")
		.withBean(FakeChatModel.class);

	@Test
	void decoratesTheToolCallingManagerAndAddsTheAdvisorToChatClients() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ToolCallGovernor.class);
			ToolCallingManager manager = context.getBean(ToolCallingManager.class);
			assertThat(manager).isInstanceOf(GovernedToolCallingManager.class);
			assertThat(((GovernedToolCallingManager) manager).getDelegate())
				.isInstanceOf(DefaultToolCallingManager.class);
			context.getBean(ChatClient.Builder.class).build();
			assertThat(context).hasSingleBean(SpecoraChatAdvisor.class);
			assertThat(context.getBean(SpecoraChatAdvisor.class).getOrder())
				.isEqualTo(SpecoraChatAdvisor.DEFAULT_ORDER);
		});
	}

	@Test
	void decoratesTheApplicationsOwnManager() {
		this.runner.withUserConfiguration(OwnManager.class).run((context) -> {
			ToolCallingManager manager = context.getBean(ToolCallingManager.class);
			assertThat(manager).isInstanceOf(GovernedToolCallingManager.class);
			assertThat(((GovernedToolCallingManager) manager).getDelegate()).isSameAs(OwnManager.MANAGER);
		});
	}

	@Test
	void warnsOnceWhenThereIsNoToolCallingManagerToDecorate(CapturedOutput output) {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SpecoraClientAutoConfiguration.class,
					SpecoraGovernanceAutoConfiguration.class, SpecoraSpringAiAutoConfiguration.class))
			.withPropertyValues("specora.base-url=http://127.0.0.1:9", "specora.api-key=sk_test_key",
					"specora.org-id=org-1")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).containsOnlyOnce(UngovernedToolCallsNotice.MESSAGE);
	}

	@Test
	void noWarningWhenAManagerIsDecorated(CapturedOutput output) {
		this.runner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain(UngovernedToolCallsNotice.MESSAGE);
	}

	@Test
	void backsOffWithoutSpringAi() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.ai")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ToolCallGovernor.class);
			assertThat(context).doesNotHaveBean(SpecoraChatAdvisor.class);
			assertThat(context).hasSingleBean(SpecoraClient.class);
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("specora.ai.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ToolCallGovernor.class);
			assertThat(context.getBean(ToolCallingManager.class)).isInstanceOf(DefaultToolCallingManager.class);
			context.getBean(ChatClient.Builder.class).build();
			assertThat(context).doesNotHaveBean(SpecoraChatAdvisor.class);
		});
	}

	@Test
	void llmGovernanceCanBeTurnedOffAlone() {
		this.runner.withPropertyValues("specora.ai.chat.enabled=false").run((context) -> {
			assertThat(context.getBean(ToolCallingManager.class)).isInstanceOf(GovernedToolCallingManager.class);
			context.getBean(ChatClient.Builder.class).build();
			assertThat(context).doesNotHaveBean(SpecoraChatAdvisor.class);
		});
	}

	@Test
	void backsOffWithoutASpecoraClient() {
		this.runner.withPropertyValues("specora.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ToolCallGovernor.class);
			assertThat(context.getBean(ToolCallingManager.class)).isInstanceOf(DefaultToolCallingManager.class);
		});
	}

	@Test
	void worksWithEnforcementTurnedOff() {
		this.runner.withPropertyValues("specora.enforcement.enabled=false").run((context) -> {
			assertThat(context).hasSingleBean(ToolCallGovernor.class);
			assertThat(context.getBean(ToolCallingManager.class)).isInstanceOf(GovernedToolCallingManager.class);
		});
	}

	@Test
	void applicationBeansReplaceTheDefaults() {
		this.runner.withUserConfiguration(OwnResponder.class).run((context) -> {
			assertThat(context.getBean(BlockedToolResponder.class)).isSameAs(OwnResponder.RESPONDER);
		});
	}

	@Test
	void mcpWriteHintsOnlyWithMcpOnTheClassPath() {
		this.runner.run((context) -> assertThat(context.getBean(ToolWriteHints.class))
			.isInstanceOf(McpToolWriteHints.class));
		this.runner.withClassLoader(new FilteredClassLoader(SyncMcpToolCallback.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ToolWriteHints.class));
	}

	@Test
	void unknownProviderFailsWithAnAnalysisNamingTheProperty() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SpecoraClientAutoConfiguration.class,
					SpecoraGovernanceAutoConfiguration.class, SpecoraChatAutoConfiguration.class,
					ChatClientAutoConfiguration.class))
			.withPropertyValues("specora.base-url=http://127.0.0.1:9", "specora.api-key=sk_test_key",
					"specora.org-id=org-1")
			.withBean(FakeChatModel.class)
			.run((context) -> {
				org.assertj.core.api.Assertions
					.assertThatThrownBy(() -> context.getBean(ChatClient.Builder.class).build())
					.rootCause()
					.isInstanceOf(SpecoraConfigurationException.class)
					.satisfies((ex) -> {
						FailureAnalysis analysis = analyze(ex);
						assertThat(analysis.getAction()).contains("specora.ai.chat.provider");
						assertThat(((SpecoraConfigurationException) ex).getProperty())
							.isEqualTo("specora.ai.chat.provider");
					});
			});
	}

	@Test
	void failureAnalyzerIsRegistered() throws Exception {
		assertThat(registeredFailureAnalyzers()).contains(CONFIGURATION_FAILURE_ANALYZER);
	}

	/**
	 * The analysis of the failure analyzer that explains every
	 * {@link SpecoraConfigurationException}, as Spring Boot finds it.
	 */
	private static FailureAnalysis analyze(Throwable failure) throws Exception {
		assertThat(registeredFailureAnalyzers()).contains(CONFIGURATION_FAILURE_ANALYZER);
		FailureAnalyzer analyzer = BeanUtils.instantiateClass(
				ClassUtils.forName(CONFIGURATION_FAILURE_ANALYZER, SpecoraSpringAiAutoConfigurationTests.class.getClassLoader()),
				FailureAnalyzer.class);
		return analyzer.analyze(failure);
	}

	private static List<String> registeredFailureAnalyzers() throws IOException {
		List<String> analyzers = new ArrayList<>();
		for (URL url : Collections.list(SpecoraSpringAiAutoConfigurationTests.class.getClassLoader()
			.getResources("META-INF/spring.factories"))) {
			String value = PropertiesLoaderUtils.loadProperties(new UrlResource(url))
				.getProperty(FailureAnalyzer.class.getName());
			if (value != null) {
				Arrays.stream(value.split(",")).map(String::trim).forEach(analyzers::add);
			}
		}
		return analyzers;
	}

	@Test
	void providerIsGuessedFromTheChatModelsClassName() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SpecoraClientAutoConfiguration.class,
					SpecoraGovernanceAutoConfiguration.class, SpecoraChatAutoConfiguration.class,
					ChatClientAutoConfiguration.class))
			.withPropertyValues("specora.base-url=http://127.0.0.1:9", "specora.api-key=sk_test_key",
					"specora.org-id=org-1")
			.withBean(AnthropicChatModel.class)
			.run((context) -> {
				ChatClient.Builder builder = context.getBean(ChatClient.Builder.class);
				builder.build();
				assertThat(context.getBean(SpecoraChatAdvisor.class).toString()).contains("anthropic");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnManager {

		static final ToolCallingManager MANAGER = ToolCallingManager.builder().build();

		@Bean
		ToolCallingManager toolCallingManager() {
			return MANAGER;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnResponder {

		static final BlockedToolResponder RESPONDER = (spec, decision) -> "no";

		@Bean
		BlockedToolResponder blockedToolResponder() {
			return RESPONDER;
		}

	}

	/**
	 * Named like Spring AI's Anthropic model.
	 */
	static class AnthropicChatModel implements ChatModel {

		@Override
		public ChatResponse call(Prompt prompt) {
			throw new UnsupportedOperationException("not called");
		}

	}

}
