package ai.specora.langchain4j.tool;

import java.util.Map;

import ai.specora.client.SpecoraClient;
import ai.specora.langchain4j.Authority;
import ai.specora.langchain4j.ScriptedChatModel;
import ai.specora.langchain4j.SpecoraLangChain4j;
import ai.specora.langchain4j.SupportTools;
import ai.specora.runtime.GovernanceEngine;
import com.jayway.jsonpath.DocumentContext;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.tool.AiServiceTool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.FilteredClassLoader;

import static ai.specora.langchain4j.Authority.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code scope-expression} and {@code args-expression} of LangChain4j tools: parsed and
 * checked when the entry point is built, evaluated per call with {@code #input},
 * {@code #memoryId}, {@code #invocationId} and {@code #toolCallId}, merged over the
 * static scope entries.
 */
class ToolCallExpressionsTests {

	static final Authority authority = new Authority().start();

	private final SupportTools tools = new SupportTools();

	private final ScriptedChatModel model = new ScriptedChatModel();

	private SpecoraClient client;

	interface PerUserAssistant {

		String chat(@MemoryId String user, @UserMessage String message);

	}

	@BeforeEach
	void setUp() {
		authority.reset();
		this.client = authority.client();
	}

	@AfterEach
	void closeClient() {
		this.client.close();
	}

	@AfterAll
	static void stopAuthority() {
		authority.stop();
	}

	private SpecoraLangChain4j specora(ToolSettings refunds) {
		return SpecoraLangChain4j.builder(GovernanceEngine.builder(this.client.reactive()).build())
			.tool("issue_refund", refunds)
			.build();
	}

	private static ToolSettings refunds(String scopeExpression, String argsExpression) {
		ToolSettings refunds = new ToolSettings();
		refunds.getScope().put("team", "support");
		refunds.getScope().put("desk", "emea");
		refunds.setScopeExpression(scopeExpression);
		refunds.setArgsExpression(argsExpression);
		return refunds;
	}

	@Test
	void expressionsSeeTheCallAndAreMergedOverTheStaticScope() {
		authority.allow("issue_refund", "jrn_refund");
		SpecoraLangChain4j specora = specora(refunds(
				"{'order': #input.orderId, 'user': #memoryId, 'call': #toolCallId, "
						+ "'invocation': #invocationId != null, 'desk': 'us'}",
				"{'amount': #input['amount']}"));
		this.model.thenCall("call_1", "issue_refund", "{\"orderId\": \"A-1\", \"amount\": 20}");
		PerUserAssistant assistant = AiServices.builder(PerUserAssistant.class)
			.chatModel(this.model)
			.chatMemoryProvider((id) -> MessageWindowChatMemory.withMaxMessages(10))
			.tools(specora.tools(this.tools))
			.toolExecutionErrorHandler(specora.toolExecutionErrorHandler())
			.build();

		assistant.chat("alice", "Refund 20 on A-1");

		assertThat(this.tools.refunds()).hasValue(1);
		DocumentContext enforce = json(authority.enforcements().get(0));
		assertThat(enforce.<Map<String, Object>>read("$.scope")).containsEntry("team", "support")
			.containsEntry("desk", "us")
			.containsEntry("tool", "issue_refund")
			.containsEntry("order", "A-1")
			.containsEntry("user", "alice")
			.containsEntry("call", "call_1")
			.containsEntry("invocation", true);
		// only what args-expression names: include-args is off
		assertThat(enforce.<Map<String, Object>>read("$.args")).containsExactly(Map.entry("amount", 20));
	}

	@Test
	void executeWithoutAnInvocationContextHasNoInvocationId() {
		authority.allow("issue_refund", "jrn_refund");
		SpecoraLangChain4j specora = specora(
				refunds("{'user': #memoryId, 'invocation': #invocationId == null ? 'none' : #invocationId}", null));
		refundTool(specora).toolExecutor()
			.execute(ToolExecutionRequest.builder()
				.id("call_9")
				.name("issue_refund")
				.arguments("{\"orderId\": \"A-2\", \"amount\": 5}")
				.build(), "bob");
		DocumentContext enforce = json(authority.enforcements().get(0));
		assertThat(enforce.<Map<String, Object>>read("$.scope")).containsEntry("user", "bob")
			.containsEntry("invocation", "none");
	}

	@Test
	void anExpressionGivingNoMapFailsTheCallNamingThePropertyAndTheToolDoesNotRun() {
		SpecoraLangChain4j specora = specora(refunds("#input.orderId", null));
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> refundTool(specora).toolExecutor()
				.execute(ToolExecutionRequest.builder()
					.id("call_1")
					.name("issue_refund")
					.arguments("{\"orderId\": \"A-1\", \"amount\": 20}")
					.build(), "alice"))
			.withMessageContaining("specora.langchain4j.tools[issue_refund].scope-expression")
			.withMessageContaining("must give a map");
		assertThat(this.tools.refunds()).hasValue(0);
		assertThat(authority.enforcements()).isEmpty();
	}

	@Test
	void invalidSpelFailsTheBuildNamingTheProperty() {
		assertThatExceptionOfType(ToolSettingsException.class)
			.isThrownBy(() -> specora(refunds(null, "{'amount': #input.amount")))
			.withMessageContaining("specora.langchain4j.tools[issue_refund].args-expression is no valid SpEL")
			.satisfies((ex) -> assertThat(ex.getProperty())
				.isEqualTo("specora.langchain4j.tools[issue_refund].args-expression"));
	}

	@Test
	void anUnknownVariableFailsTheBuildNamingIt() {
		assertThatExceptionOfType(ToolSettingsException.class)
			.isThrownBy(() -> specora(refunds("{'user': #principal, 'order': #input.orderId}", null)))
			.withMessageContaining("specora.langchain4j.tools[issue_refund].scope-expression refers to [#principal]")
			.withMessageContaining("[input, invocationId, memoryId, toolCallId]");
	}

	@Test
	void withoutSpringExpressionAnExpressionFailsNamingTheDependency() {
		assertThatExceptionOfType(ToolSettingsException.class)
			.isThrownBy(() -> ToolCallExpression.parse("specora.langchain4j.tools[issue_refund].scope-expression",
					"{'order': #input.orderId}", new FilteredClassLoader("org.springframework.expression")))
			.withMessageContaining("SpEL is not on the class path")
			.withMessageContaining("org.springframework:spring-expression")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("spring-expression")
				.contains("specora.langchain4j.tools[issue_refund].scope-expression"));
	}

	private AiServiceTool refundTool(SpecoraLangChain4j specora) {
		return specora.tools(this.tools)
			.stream()
			.filter((tool) -> tool.toolSpecification().name().equals("issue_refund"))
			.findFirst()
			.orElseThrow();
	}

}
