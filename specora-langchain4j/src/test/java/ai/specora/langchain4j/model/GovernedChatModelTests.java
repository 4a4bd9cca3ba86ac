package ai.specora.langchain4j.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import ai.specora.client.Completion;
import ai.specora.client.FailClosedException;
import ai.specora.client.SpecoraClient;
import ai.specora.client.platform.ExecutionRecordRequest;
import ai.specora.client.platform.RoutingHints;
import ai.specora.langchain4j.Assistant;
import ai.specora.langchain4j.Authority;
import ai.specora.langchain4j.ScriptedChatModel;
import ai.specora.langchain4j.SpecoraLangChain4j;
import ai.specora.langchain4j.SupportTools;
import ai.specora.runtime.CompletionDispatcher;
import ai.specora.runtime.GovernanceEngine;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.DocumentContext;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.service.AiServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static ai.specora.langchain4j.Authority.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Governed models: every model call of an agent is pre-authorized with routing hints,
 * dispatched where the platform says, and recorded with its real usage and cost.
 */
class GovernedChatModelTests {

	static final String AUTHORIZED = "{\"authorized\": true, \"authorization_id\": \"auth_1\", "
			+ "\"selected_provider\": \"openai\", \"selected_model\": \"gpt-test\", \"reason\": null}";

	static final Authority authority = new Authority().start();

	private final ScriptedChatModel model = new ScriptedChatModel();

	private SpecoraClient client;

	private SpecoraLangChain4j specora;

	@BeforeEach
	void setUp() {
		authority.reset();
		this.client = authority.client();
		this.specora = SpecoraLangChain4j.builder(GovernanceEngine.builder(this.client.reactive()).build())
			.model("gpt-test")
			.routingHints(RoutingHints.builder().agentName("support-agent").purpose("support").build())
			.pricing(ModelPricing.perMillionTokens(
					Map.of("gpt-test", new TokenPrice(new BigDecimal("2.5"), new BigDecimal("10")))))
			.build();
	}

	@AfterEach
	void closeClient() {
		this.client.close();
	}

	@AfterAll
	static void stopAuthority() {
		authority.stop();
	}

	@Test
	void everyModelCallOfAnAgentIsPreAuthorizedAndRecordedWithItsUsageAndCost() {
		authority.preAuthorize(AUTHORIZED);
		authority.allow("lookup_order", "jrn_lookup");
		this.model.thenCall("call_1", "lookup_order", "{\"orderId\": \"A-1\"}");
		Assistant assistant = AiServices.builder(Assistant.class)
			.chatModel(this.specora.chatModel(this.model))
			.tools(this.specora.tools(new SupportTools()))
			.build();
		assertThat(assistant.chat("Where is A-1?")).isEqualTo("I saw: lookup_order=order A-1: shipped");
		List<LoggedRequest> preAuthorizations = authority.preAuthorizations();
		assertThat(preAuthorizations).hasSize(2);
		DocumentContext preAuthorize = json(preAuthorizations.get(0));
		assertThat(preAuthorize.<String>read("$.provider")).isEqualTo("openai");
		assertThat(preAuthorize.<String>read("$.model")).isEqualTo("gpt-test");
		assertThat(preAuthorize.<String>read("$.routing_hints.agent_name")).isEqualTo("support-agent");
		assertThat(preAuthorize.<String>read("$.routing_hints.purpose")).isEqualTo("support");
		await().atMost(Duration.ofSeconds(5)).until(() -> authority.executions().size() == 2);
		DocumentContext execution = json(authority.executions().get(0));
		assertThat(execution.<String>read("$.provider")).isEqualTo("openai");
		assertThat(execution.<String>read("$.model")).isEqualTo("gpt-test");
		assertThat(execution.<Integer>read("$.input_tokens")).isEqualTo(100);
		assertThat(execution.<Integer>read("$.output_tokens")).isEqualTo(20);
		assertThat(execution.<Integer>read("$.cost_micros")).isEqualTo(450); // 100 x 2.5 + 20 x 10
		assertThat(execution.<Boolean>read("$.success")).isTrue();
		assertThat(execution.<Map<String, Object>>read("$.metadata")).containsEntry("authorization_id", "auth_1");
	}

	@Test
	void refusedCallRaisesAndTheModelIsNotCalled() {
		authority.preAuthorize("{\"authorized\": false, \"reason\": \"model not approved for this agent\"}");
		ChatModel governed = this.specora.chatModel(this.model);
		assertThatExceptionOfType(LlmCallRefusedException.class).isThrownBy(() -> governed.chat("hello"))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo("model not approved for this agent"));
		assertThat(this.model.requests()).isEmpty();
		assertThat(authority.executions()).isEmpty();
	}

	@Test
	void unreachablePlatformFailsClosedAndTheModelIsNotCalled() {
		authority.preAuthorizeStatus(503, "{\"error\": {\"code\": \"unavailable\", \"message\": \"down\"}}");
		ChatModel governed = this.specora.chatModel(this.model);
		assertThatExceptionOfType(FailClosedException.class).isThrownBy(() -> governed.chat("hello"));
		assertThat(this.model.requests()).isEmpty();
	}

	@Test
	void modelThePlatformSelectsIsCalled() {
		authority.preAuthorize("{\"authorized\": true, \"authorization_id\": \"auth_2\", "
				+ "\"selected_provider\": \"openai\", \"selected_model\": \"gpt-mini\"}");
		this.specora.chatModel(this.model).chat("hello");
		assertThat(this.model.requests().get(0).modelName()).isEqualTo("gpt-mini");
		await().atMost(Duration.ofSeconds(5)).until(() -> authority.executions().size() == 1);
		assertThat(json(authority.executions().get(0)).<String>read("$.model")).isEqualTo("gpt-mini");
	}

	@Test
	void theRecordGoesToTheEnginesDispatcherWithItsCompletions() {
		authority.preAuthorize(AUTHORIZED);
		List<ExecutionRecordRequest> handedOver = new CopyOnWriteArrayList<>();
		CompletionDispatcher dispatcher = new CompletionDispatcher() {

			@Override
			public CompletionStage<Void> dispatch(String journalId, Completion completion) {
				return CompletableFuture.completedFuture(null);
			}

			@Override
			public CompletionStage<Void> dispatchExecutionRecord(ExecutionRecordRequest record) {
				handedOver.add(record);
				return CompletableFuture.completedFuture(null);
			}

			@Override
			public int pendingCount() {
				return 0;
			}

		};
		ChatModel governed = SpecoraLangChain4j
			.builder(GovernanceEngine.builder(this.client.reactive()).dispatcher(dispatcher).build())
			.model("gpt-test")
			.build()
			.chatModel(this.model);
		governed.chat("hello");
		assertThat(handedOver).singleElement().satisfies((record) -> {
			assertThat(record.model()).isEqualTo("gpt-test");
			assertThat(record.inputTokens()).isEqualTo(100);
			assertThat(record.metadata()).containsEntry("authorization_id", "auth_1");
		});
		assertThat(authority.executions()).as("sent by the dispatcher, not directly").isEmpty();
	}

	@Test
	void callRoutedToAProviderWithoutAModelIsRefusedWhenFallbackIsNotAllowed() {
		authority.preAuthorize("{\"authorized\": true, \"authorization_id\": \"auth_3\", "
				+ "\"selected_provider\": \"gemini\", \"selected_model\": \"gemini-pro\"}");
		ChatModel governed = SpecoraLangChain4j.builder(GovernanceEngine.builder(this.client.reactive()).build())
			.routingHints(RoutingHints.builder().fallbackAllowed(false).build())
			.build()
			.chatModel(this.model);
		assertThatExceptionOfType(LlmCallRefusedException.class).isThrownBy(() -> governed.chat("hello"))
			.withMessageContaining("gemini 'gemini-pro'");
		assertThat(this.model.requests()).isEmpty();
	}

	@Test
	void streamedCallIsRecordedOnceWithTheUsageOfItsCompleteResponse() throws Exception {
		authority.preAuthorize(AUTHORIZED);
		StreamingChatModel streaming = new StreamingChatModel() {
			@Override
			public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
				handler.onPartialResponse("Hel");
				handler.onPartialResponse("lo");
				handler.onCompleteResponse(ChatResponse.builder()
					.aiMessage(AiMessage.from("Hello"))
					.tokenUsage(new TokenUsage(30, 2))
					.modelName("gpt-test")
					.build());
			}

			@Override
			public ModelProvider provider() {
				return ModelProvider.OPEN_AI;
			}
		};
		CompletableFuture<ChatResponse> done = new CompletableFuture<>();
		StringBuilder partials = new StringBuilder();
		this.specora.streamingChatModel(streaming)
			.chat(ChatRequest.builder().messages(UserMessage.from("hi")).build(), new StreamingChatResponseHandler() {
				@Override
				public void onPartialResponse(String partialResponse) {
					partials.append(partialResponse);
				}

				@Override
				public void onCompleteResponse(ChatResponse completeResponse) {
					done.complete(completeResponse);
				}

				@Override
				public void onError(Throwable error) {
					done.completeExceptionally(error);
				}
			});
		assertThat(done.get(5, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("Hello");
		assertThat(partials).hasToString("Hello");
		LoggedRequest execution = awaitSingle(authority::executions);
		assertThat(json(execution).<Integer>read("$.input_tokens")).isEqualTo(30);
		assertThat(json(execution).<Integer>read("$.output_tokens")).isEqualTo(2);
		assertThat(json(execution).<Boolean>read("$.success")).isTrue();
	}

	@Test
	void refusedStreamedCallIsReportedToTheHandler() throws Exception {
		authority.preAuthorize("{\"authorized\": false, \"reason\": \"no\"}");
		StreamingChatModel streaming = new StreamingChatModel() {
			@Override
			public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
				throw new AssertionError("not to be called");
			}

			@Override
			public ModelProvider provider() {
				return ModelProvider.OPEN_AI;
			}
		};
		CompletableFuture<Throwable> error = new CompletableFuture<>();
		this.specora.streamingChatModel(streaming)
			.chat(ChatRequest.builder().messages(UserMessage.from("hi")).build(), new StreamingChatResponseHandler() {
				@Override
				public void onCompleteResponse(ChatResponse completeResponse) {
					error.complete(null);
				}

				@Override
				public void onError(Throwable ex) {
					error.complete(ex);
				}
			});
		assertThat(error.get(5, TimeUnit.SECONDS)).isInstanceOf(LlmCallRefusedException.class);
	}

	static LoggedRequest awaitSingle(Supplier<List<LoggedRequest>> requests) {
		await().atMost(Duration.ofSeconds(5)).until(() -> !requests.get().isEmpty());
		assertThat(requests.get()).hasSize(1);
		return requests.get().get(0);
	}

}
