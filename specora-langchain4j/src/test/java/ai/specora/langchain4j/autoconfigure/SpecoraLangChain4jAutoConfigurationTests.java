package ai.specora.langchain4j.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.specora.client.SpecoraClient;
import ai.specora.langchain4j.Assistant;
import ai.specora.langchain4j.Authority;
import ai.specora.langchain4j.ScriptedChatModel;
import ai.specora.langchain4j.SpecoraLangChain4j;
import ai.specora.langchain4j.SupportTools;
import ai.specora.langchain4j.model.GovernedChatModel;
import ai.specora.langchain4j.model.GovernedStreamingChatModel;
import ai.specora.langchain4j.tool.GovernedToolProvider;
import ai.specora.langchain4j.tool.SpecoraToolExecutionErrorHandler;
import ai.specora.runtime.GovernanceEngine;
import com.jayway.jsonpath.DocumentContext;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.langchain4j.service.tool.ToolProvider;
import dev.langchain4j.service.tool.ToolProviderResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static ai.specora.langchain4j.Authority.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The auto-configuration governs the application's LangChain4j beans when a governance
 * engine exists, with {@code specora.langchain4j.*}.
 */
class SpecoraLangChain4jAutoConfigurationTests {

	static final Authority authority = new Authority().start();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpecoraLangChain4jAutoConfiguration.class))
		.withUserConfiguration(LangChain4jBeans.class);

	@BeforeEach
	void reset() {
		authority.reset();
	}

	@AfterAll
	static void stopAuthority() {
		authority.stop();
	}

	@Test
	void notConfiguredWithoutAGovernanceEngine() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(SpecoraLangChain4j.class);
			assertThat(context.getBean(ChatModel.class)).isInstanceOf(ScriptedChatModel.class);
		});
	}

	@Test
	void notConfiguredWithoutLangChain4j() {
		this.runner.withUserConfiguration(Engine.class)
			.withClassLoader(new FilteredClassLoader("dev.langchain4j.service"))
			.run((context) -> assertThat(context).doesNotHaveBean(SpecoraLangChain4j.class));
	}

	@Test
	void notConfiguredWhenDisabled() {
		this.runner.withUserConfiguration(Engine.class)
			.withPropertyValues("specora.langchain4j.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(SpecoraLangChain4j.class);
				assertThat(context.getBean(ToolProvider.class)).isNotInstanceOf(GovernedToolProvider.class);
			});
	}

	@Test
	void governsToolProvidersAndModels() {
		this.runner.withUserConfiguration(Engine.class).run((context) -> {
			assertThat(context).hasSingleBean(SpecoraLangChain4j.class)
				.hasSingleBean(SpecoraToolExecutionErrorHandler.class);
			assertThat(context.getBean(ToolProvider.class)).isInstanceOf(GovernedToolProvider.class);
			assertThat(context.getBean(ChatModel.class)).isInstanceOf(GovernedChatModel.class);
			assertThat(context.getBean(StreamingChatModel.class)).isInstanceOf(GovernedStreamingChatModel.class);
		});
	}

	@Test
	void modelsAreLeftAloneWhenChatIsDisabled() {
		this.runner.withUserConfiguration(Engine.class)
			.withPropertyValues("specora.langchain4j.chat.enabled=false")
			.run((context) -> {
				assertThat(context.getBean(ChatModel.class)).isInstanceOf(ScriptedChatModel.class);
				assertThat(context.getBean(ToolProvider.class)).isInstanceOf(GovernedToolProvider.class);
			});
	}

	@Test
	void userDefinedEntryPointIsKept() {
		this.runner.withUserConfiguration(Engine.class, OwnEntryPoint.class)
			.run((context) -> assertThat(context.getBean(SpecoraLangChain4j.class))
				.isSameAs(context.getBean(OwnEntryPoint.class).specora));
	}

	@Test
	void agentBuiltFromTheBeansIsGovernedWithTheProperties() {
		authority.preAuthorize("{\"authorized\": true, \"authorization_id\": \"auth_1\", "
				+ "\"selected_provider\": \"openai\", \"selected_model\": \"gpt-test\"}");
		authority.block("refund", "jrn_refund", "refunds need a human");
		this.runner.withUserConfiguration(Engine.class)
			.withPropertyValues("specora.langchain4j.tools[issue_refund].action-type=refund",
					"specora.langchain4j.tools[issue_refund].write-op=true",
					"specora.langchain4j.tools[issue_refund].scope.team=support",
					"specora.langchain4j.chat.purpose=support", "specora.langchain4j.chat.model=gpt-test")
			.run((context) -> {
				ScriptedChatModel model = context.getBean(LangChain4jBeans.class).model;
				model.thenCall("call_1", "issue_refund", "{\"orderId\": \"A-1\", \"amount\": 250}");
				SupportTools tools = new SupportTools();
				Assistant assistant = AiServices.builder(Assistant.class)
					.chatModel(context.getBean(ChatModel.class))
					.tools(context.getBean(SpecoraLangChain4j.class).tools(tools))
					.toolExecutionErrorHandler(context.getBean(SpecoraToolExecutionErrorHandler.class))
					.build();
				assertThat(assistant.chat("Refund A-1")).contains("refunds need a human");
				assertThat(tools.refunds()).hasValue(0);
				DocumentContext enforce = json(authority.enforcements().get(0));
				assertThat(enforce.<String>read("$.action_type")).isEqualTo("refund");
				assertThat(enforce.<Boolean>read("$.is_write_op")).isTrue();
				assertThat(enforce.<Map<String, Object>>read("$.scope")).containsEntry("team", "support")
					.containsEntry("tool", "issue_refund");
				assertThat(authority.preAuthorizations()).hasSize(2);
				assertThat(json(authority.preAuthorizations().get(0)).<String>read("$.routing_hints.purpose"))
					.isEqualTo("support");
			});
	}

	@Test
	void modelWhoseProviderCannotBeToldFailsStartUpNamingTheProperty() {
		this.runner.withUserConfiguration(Engine.class, LocalModel.class).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new SpecoraLangChain4jConfigurationFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("'localModel'").contains("OTHER");
			assertThat(analysis.getAction()).contains("specora.langchain4j.chat.providers.localModel")
				.contains("localModel: openai");
		});
	}

	@Test
	void invalidToolExpressionFailsStartUpNamingTheProperty() {
		this.runner.withUserConfiguration(Engine.class)
			.withPropertyValues("specora.langchain4j.tools[issue_refund].scope-expression={'user': #principal}")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new SpecoraLangChain4jConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription())
					.contains("specora.langchain4j.tools[issue_refund].scope-expression refers to [#principal]");
				assertThat(analysis.getAction()).contains("#input, #memoryId, #invocationId and #toolCallId");
			});
	}

	@Test
	void providerOfAModelBeanFromProperties() {
		this.runner.withUserConfiguration(Engine.class, LocalModel.class)
			.withPropertyValues("specora.langchain4j.chat.providers.localModel=ollama")
			.run((context) -> assertThat(context.getBean("localModel")).isInstanceOf(GovernedChatModel.class));
	}

	@Test
	void callThePlatformRoutesToAnotherProviderGoesToThatProvidersModelBean() {
		authority.preAuthorize("{\"authorized\": true, \"authorization_id\": \"auth_9\", "
				+ "\"selected_provider\": \"anthropic\", \"selected_model\": \"claude-test\"}");
		this.runner.withUserConfiguration(Engine.class, ClaudeModel.class).run((context) -> {
			ChatModel openAi = context.getBean("chatModel", ChatModel.class);
			assertThat(openAi.chat("hello")).isEqualTo("claude says hi");
			assertThat(context.getBean(LangChain4jBeans.class).model.requests()).isEmpty();
			assertThat(context.getBean(ClaudeModel.class).models).containsExactly("claude-test");
			await().atMost(Duration.ofSeconds(5)).until(() -> authority.executions().size() == 1);
			assertThat(json(authority.executions().get(0)).<String>read("$.provider")).isEqualTo("anthropic");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class ClaudeModel {

		final List<String> models = new CopyOnWriteArrayList<>();

		@Bean
		ChatModel claudeModel() {
			return new ChatModel() {
				@Override
				public ChatResponse doChat(ChatRequest request) {
					ClaudeModel.this.models.add(request.modelName());
					return ChatResponse.builder()
						.aiMessage(AiMessage.from("claude says hi"))
						.tokenUsage(new TokenUsage(3, 4))
						.modelName(request.modelName())
						.build();
				}

				@Override
				public ModelProvider provider() {
					return ModelProvider.ANTHROPIC;
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LocalModel {

		@Bean
		ChatModel localModel() {
			return new ChatModel() {
				@Override
				public ModelProvider provider() {
					return ModelProvider.OTHER;
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LangChain4jBeans {

		final ScriptedChatModel model = new ScriptedChatModel();

		@Bean
		ChatModel chatModel() {
			return this.model;
		}

		@Bean
		StreamingChatModel streamingChatModel() {
			return new StreamingChatModel() {
				@Override
				public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
					handler.onError(new UnsupportedOperationException());
				}

				@Override
				public ModelProvider provider() {
					return ModelProvider.ANTHROPIC;
				}
			};
		}

		@Bean
		ToolProvider toolProvider() {
			ToolExecutor executor = (request, memoryId) -> "dropped";
			return (request) -> new ToolProviderResult(
					Map.of(ToolSpecification.builder().name("drop_table").build(), executor));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Engine {

		@Bean(destroyMethod = "close")
		SpecoraClient specoraClient() {
			return authority.client();
		}

		@Bean
		GovernanceEngine governanceEngine(SpecoraClient client) {
			return GovernanceEngine.builder(client.reactive()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnEntryPoint {

		SpecoraLangChain4j specora;

		@Bean
		SpecoraLangChain4j ownSpecora(GovernanceEngine engine) {
			this.specora = SpecoraLangChain4j.builder(engine).build();
			return this.specora;
		}

	}

}
