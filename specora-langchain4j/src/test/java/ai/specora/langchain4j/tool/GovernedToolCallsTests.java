package ai.specora.langchain4j.tool;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import ai.specora.client.FailClosedException;
import ai.specora.client.SpecoraBlockedException;
import ai.specora.client.SpecoraClient;
import ai.specora.client.SpecoraSuspendedException;
import ai.specora.langchain4j.Assistant;
import ai.specora.langchain4j.Authority;
import ai.specora.langchain4j.ScriptedChatModel;
import ai.specora.langchain4j.ScriptedStreamingChatModel;
import ai.specora.langchain4j.StreamingAssistant;
import ai.specora.langchain4j.SpecoraLangChain4j;
import ai.specora.langchain4j.SupportTools;
import ai.specora.runtime.ApprovalWaiter;
import ai.specora.runtime.GovernanceEngine;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.DocumentContext;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.langchain4j.service.tool.ToolProviderResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static ai.specora.langchain4j.Authority.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A real {@code AiServices} agent whose tools are governed: a scripted model asks for
 * tool calls, a stand-in authority decides, and the tools, the completions and what the
 * model sees next are checked. Completions are delivered synchronously.
 */
class GovernedToolCallsTests {

	static final Authority authority = new Authority().start();

	private final SupportTools tools = new SupportTools();

	private final ScriptedChatModel model = new ScriptedChatModel();

	private SpecoraClient client;

	private SpecoraLangChain4j specora;

	@BeforeEach
	void setUp() {
		authority.reset();
		this.client = authority.client();
		ToolSettings refunds = new ToolSettings();
		refunds.setWriteOp(true);
		refunds.setIncludeArgs(true);
		refunds.getScope().put("team", "support");
		this.specora = SpecoraLangChain4j.builder(GovernanceEngine.builder(this.client.reactive()).build())
			.tool("issue_refund", refunds)
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

	private Assistant assistant() {
		return AiServices.builder(Assistant.class)
			.chatModel(this.model)
			.tools(this.specora.tools(this.tools))
			.toolExecutionErrorHandler(this.specora.toolExecutionErrorHandler())
			.build();
	}

	@Test
	void allowedToolRunsAndCompletesWithSuccess() {
		authority.allow("lookup_order", "jrn_lookup");
		this.model.thenCall("call_1", "lookup_order", "{\"orderId\": \"A-1\"}");
		String answer = assistant().chat("Where is my order A-1?");
		assertThat(this.tools.lookups()).hasValue(1);
		assertThat(answer).isEqualTo("I saw: lookup_order=order A-1: shipped");
		DocumentContext enforce = json(single(authority.enforcements()));
		assertThat(enforce.<String>read("$.action_type")).isEqualTo("lookup_order");
		assertThat(enforce.<Map<String, Object>>read("$.scope")).containsExactly(Map.entry("tool", "lookup_order"));
		assertThat(enforce.<Map<String, Object>>read("$.args")).isEmpty();
		assertThat(enforce.<Boolean>read("$.is_write_op")).isFalse();
		assertThat(enforce.<String>read("$.request_id")).isEqualTo(ToolCallRequest
			.requestId(ToolExecutionRequest.builder()
				.id("call_1")
				.name("lookup_order")
				.arguments("{\"orderId\": \"A-1\"}")
				.build())
			.toString());
		DocumentContext completion = json(single(authority.completions()));
		assertThat(completion.<String>read("$.journal_id")).isEqualTo("jrn_lookup");
		assertThat(completion.<String>read("$.status")).isEqualTo("success");
	}

	@Test
	void configuredToolSendsItsScopeWriteFlagAndArgs() {
		authority.allow("issue_refund", "jrn_refund");
		this.model.thenCall("call_1", "issue_refund", "{\"orderId\": \"A-1\", \"amount\": 20}");
		assistant().chat("Refund A-1");
		assertThat(this.tools.refunds()).hasValue(1);
		DocumentContext enforce = json(single(authority.enforcements()));
		assertThat(enforce.<Map<String, Object>>read("$.scope")).containsEntry("team", "support")
			.containsEntry("tool", "issue_refund");
		assertThat(enforce.<Boolean>read("$.is_write_op")).isTrue();
		assertThat(enforce.<Map<String, Object>>read("$.args")).containsEntry("orderId", "A-1").containsEntry("amount", 20);
	}

	@Test
	void blockedToolNeverRunsAndTheModelIsToldWhy() {
		authority.block("issue_refund", "jrn_refund", "refunds over 100 USD need a human");
		this.model.thenCall("call_1", "issue_refund", "{\"orderId\": \"A-1\", \"amount\": 250}");
		String answer = assistant().chat("Refund 250 on A-1");
		assertThat(this.tools.refunds()).hasValue(0);
		ToolExecutionResultMessage result = single(this.model.lastToolResults());
		assertThat(result.isError()).isTrue();
		assertThat(result.text()).startsWith("The tool 'issue_refund' was not run")
			.contains("refunds over 100 USD need a human")
			.contains("jrn_refund");
		assertThat(answer).contains("refunds over 100 USD need a human");
		assertThat(authority.completions()).isEmpty();
	}

	@Test
	void blockedToolEndsTheCallWhenConfiguredToThrow() {
		ToolDefaults defaults = new ToolDefaults();
		defaults.setOnBlock(OnToolBlock.THROW);
		this.specora = SpecoraLangChain4j.builder(GovernanceEngine.builder(this.client.reactive()).build())
			.toolDefaults(defaults)
			.build();
		authority.block("issue_refund", "jrn_refund", "not today");
		this.model.thenCall("call_1", "issue_refund", "{\"orderId\": \"A-1\", \"amount\": 250}");
		assertThatExceptionOfType(SpecoraBlockedException.class).isThrownBy(() -> assistant().chat("Refund"))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo("not today"));
		assertThat(this.model.requests()).hasSize(1);
	}

	@Test
	void suspendedToolEndsTheAiServiceCallAndTheModelNeverSeesIt() {
		authority.suspend("issue_refund", "jrn_refund");
		this.model.thenCall("call_1", "issue_refund", "{\"orderId\": \"A-1\", \"amount\": 250}");
		assertThatExceptionOfType(SpecoraSuspendedException.class).isThrownBy(() -> assistant().chat("Refund"))
			.satisfies((ex) -> {
				assertThat(ex.getApprovalId()).isEqualTo("apr_1");
				assertThat(ex.getJournalId()).isEqualTo("jrn_refund");
			});
		assertThat(this.tools.refunds()).hasValue(0);
		assertThat(this.model.requests()).hasSize(1);
		assertThat(authority.completions()).isEmpty();
	}

	@Test
	void suspendedToolWaitsForItsApprovalWhenConfiguredToWait() {
		ToolSettings refunds = new ToolSettings();
		refunds.setOnSuspend(OnToolSuspend.WAIT);
		refunds.setApprovalTimeout(Duration.ofSeconds(5));
		this.specora = SpecoraLangChain4j
			.builder(GovernanceEngine.builder(this.client.reactive())
				.approvalWaiter(new ApprovalWaiter(this.client.reactive(), Duration.ofMillis(20), Duration.ofMillis(100)))
				.build())
			.tool("issue_refund", refunds)
			.build();
		authority.suspend("issue_refund", "jrn_wait");
		authority.journal("jrn_wait", "approved");
		this.model.thenCall("call_1", "issue_refund", "{\"orderId\": \"A-1\", \"amount\": 250}");
		assertThat(assistant().chat("Refund")).isEqualTo("I saw: issue_refund=refunded 250 on A-1");
		assertThat(this.tools.refunds()).hasValue(1);
		DocumentContext completion = json(single(authority.completions()));
		assertThat(completion.<String>read("$.journal_id")).isEqualTo("jrn_wait");
		assertThat(completion.<String>read("$.status")).isEqualTo("success");
	}

	@Test
	void shadowModeToolRunsWhateverTheDecision() {
		ToolSettings refunds = new ToolSettings();
		refunds.setMode(ToolMode.SHADOW);
		this.specora = SpecoraLangChain4j.builder(GovernanceEngine.builder(this.client.reactive()).build())
			.tool("issue_refund", refunds)
			.build();
		authority.block("issue_refund", "jrn_shadow", "not in enforce mode");
		this.model.thenCall("call_1", "issue_refund", "{\"orderId\": \"A-1\", \"amount\": 250}");
		assertThat(assistant().chat("Refund")).isEqualTo("I saw: issue_refund=refunded 250 on A-1");
		assertThat(this.tools.refunds()).hasValue(1);
		assertThat(authority.enforcements()).hasSize(1);
		assertThat(authority.completions()).isEmpty(); // a blocked entry has nothing to complete
	}

	@Test
	void noDecisionFailsClosedAndTheToolDoesNotRun() {
		authority.unavailable("issue_refund");
		this.model.thenCall("call_1", "issue_refund", "{\"orderId\": \"A-1\", \"amount\": 250}");
		assertThatExceptionOfType(FailClosedException.class).isThrownBy(() -> assistant().chat("Refund"));
		assertThat(this.tools.refunds()).hasValue(0);
		assertThat(this.model.requests()).hasSize(1);
	}

	@Test
	void failingToolCompletesWithFailureAndTheModelSeesLangChain4jsErrorResult() {
		authority.allow("check_stock", "jrn_stock");
		this.model.thenCall("call_1", "check_stock", "{\"sku\": \"X\"}");
		String answer = assistant().chat("Is X in stock?");
		assertThat(answer).isEqualTo("I saw: check_stock=warehouse offline");
		DocumentContext completion = json(single(authority.completions()));
		assertThat(completion.<String>read("$.status")).isEqualTo("failure");
		assertThat(completion.<String>read("$.error")).isEqualTo(IllegalStateException.class.getName());
	}

	@Test
	void toolsOfAToolProviderAreGoverned() {
		authority.block("drop_table", "jrn_drop", "never");
		ToolSpecification dropTable = ToolSpecification.builder().name("drop_table").description("Drops").build();
		int[] runs = new int[1];
		ToolExecutor executor = (request, memoryId) -> {
			runs[0]++;
			return "dropped";
		};
		Assistant assistant = AiServices.builder(Assistant.class)
			.chatModel(this.model)
			.toolProvider(this.specora.toolProvider((request) -> new ToolProviderResult(Map.of(dropTable, executor))))
			.toolExecutionErrorHandler(this.specora.toolExecutionErrorHandler())
			.build();
		this.model.thenCall("call_1", "drop_table", "{}");
		assertThat(assistant.chat("Drop it")).contains("Specora blocked this call (reason: never");
		assertThat(runs[0]).isZero();
	}

	@Test
	void streamingAgentsToolCallsAreGovernedAndABlockIsSeenByTheModel() throws Exception {
		authority.allow("lookup_order", "jrn_lookup");
		authority.block("issue_refund", "jrn_refund", "refunds need a human");
		this.model.thenCall("call_1", "lookup_order", "{\"orderId\": \"A-1\"}")
			.thenCall("call_2", "issue_refund", "{\"orderId\": \"A-1\", \"amount\": 250}");
		StreamingAssistant assistant = AiServices.builder(StreamingAssistant.class)
			.streamingChatModel(new ScriptedStreamingChatModel(this.model))
			.tools(this.specora.tools(this.tools))
			.toolExecutionErrorHandler(this.specora.toolExecutionErrorHandler())
			.build();
		CompletableFuture<ChatResponse> done = new CompletableFuture<>();
		assistant.chat("Refund A-1").onPartialResponse((partial) -> {
		}).onCompleteResponse(done::complete).onError(done::completeExceptionally).start();
		String answer = done.get(10, TimeUnit.SECONDS).aiMessage().text();
		assertThat(answer).contains("lookup_order=order A-1: shipped").contains("refunds need a human");
		assertThat(this.tools.lookups()).hasValue(1);
		assertThat(this.tools.refunds()).hasValue(0);
		assertThat(authority.enforcements()).hasSize(2);
	}

	@Test
	void streamingAgentWithAGovernedModelEndsItsStreamWithTheSuspension() throws Exception {
		authority.preAuthorize("{\"authorized\": true, \"authorization_id\": \"auth_1\"}");
		authority.suspend("issue_refund", "jrn_refund");
		this.model.thenCall("call_1", "issue_refund", "{\"orderId\": \"A-1\", \"amount\": 250}");
		StreamingAssistant assistant = AiServices.builder(StreamingAssistant.class)
			.streamingChatModel(this.specora.streamingChatModel(new ScriptedStreamingChatModel(this.model)))
			.tools(this.specora.tools(this.tools))
			.toolExecutionErrorHandler(this.specora.toolExecutionErrorHandler())
			.build();
		CompletableFuture<Throwable> error = new CompletableFuture<>();
		assistant.chat("Refund A-1").onPartialResponse((partial) -> {
		}).onCompleteResponse((response) -> error.complete(null)).onError(error::complete).start();
		assertThat(error.get(10, TimeUnit.SECONDS)).isInstanceOf(SpecoraSuspendedException.class);
		assertThat(this.tools.refunds()).hasValue(0);
		assertThat(this.model.requests()).hasSize(1);
	}

	@Test
	void requestIdsFollowTheToolCall() {
		ToolExecutionRequest call = ToolExecutionRequest.builder().id("call_1").name("t").arguments("{}").build();
		UUID id = ToolCallRequest.requestId(call);
		assertThat(ToolCallRequest.requestId(call)).isEqualTo(id);
		assertThat(ToolCallRequest.requestId(call.toBuilder().arguments("{\"a\": 1}").build())).isNotEqualTo(id);
		assertThat(ToolCallRequest.requestId(call.toBuilder().id("call_2").build())).isNotEqualTo(id);
		ToolExecutionRequest noId = ToolExecutionRequest.builder().name("t").arguments("{}").build();
		assertThat(ToolCallRequest.requestId(noId)).isNotEqualTo(ToolCallRequest.requestId(noId));
	}

	static <T> T single(List<T> items) {
		assertThat(items).hasSize(1);
		return items.get(0);
	}

	static LoggedRequest single(List<LoggedRequest> requests, String what) {
		assertThat(requests).as(what).hasSize(1);
		return requests.get(0);
	}

}
