package ai.specora.spring.ai;

import ai.specora.spring.ai.autoconfigure.SpecoraChatAutoConfiguration;
import ai.specora.spring.ai.autoconfigure.SpecoraSpringAiAutoConfiguration;
import ai.specora.spring.ai.chat.LlmExecutionRecorder;
import ai.specora.spring.autoconfigure.SpecoraClientAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraEnforcementAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraGovernanceAutoConfiguration;
import ai.specora.spring.autoconfigure.observation.SpecoraObservationAutoConfiguration;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;

/**
 * Governed tool calls are {@code specora.enforcement} observations and governed LLM
 * calls {@code specora.llm} observations, with fixed low-cardinality key values; a tool's
 * name is a key value only when configured or opted in.
 */
class GovernanceObservationTests {

	static final Authority authority = new Authority().start();

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpecoraClientAutoConfiguration.class,
				SpecoraGovernanceAutoConfiguration.class, SpecoraEnforcementAutoConfiguration.class, SpecoraObservationAutoConfiguration.class,
				SpecoraSpringAiAutoConfiguration.class, SpecoraChatAutoConfiguration.class,
				ToolCallingAutoConfiguration.class, ChatClientAutoConfiguration.class))
		.withPropertyValues(authority.properties())
		.withPropertyValues("specora.ai.chat.provider=openai")
		.withBean(TestObservationRegistry.class, () -> this.observations)
		.withBean(FakeChatModel.class)
		.withBean(SupportTools.class);

	@BeforeEach
	void reset() {
		authority.reset();
		authority.preAuthorize("{\"authorized\": true, \"authorization_id\": \"auth_1\"}");
	}

	@AfterAll
	static void stopAuthority() {
		authority.stop();
	}

	@Test
	void toolCallIsAnEnforcementObservationWithoutTheToolNameByDefault() {
		authority.allow("lookup_order", "jrn_lookup");
		this.runner.run((context) -> {
			ask(context, "lookup_order");
			assertThat(this.observations).hasObservationWithNameEqualTo("specora.enforcement")
				.that()
				.hasLowCardinalityKeyValue("action.type", "spring_ai_tool")
				.hasLowCardinalityKeyValue("decision", "allow")
				.hasLowCardinalityKeyValue("outcome", "success")
				.hasHighCardinalityKeyValue("journal.id", "jrn_lookup")
				.hasBeenStopped();
		});
	}

	@Test
	void blockedToolCallIsObservedAsBlocked() {
		authority.block("issue_refund", "jrn_refund", "no");
		this.runner.run((context) -> {
			ask(context, "issue_refund");
			assertThat(this.observations).hasObservationWithNameEqualTo("specora.enforcement")
				.that()
				.hasLowCardinalityKeyValue("decision", "block")
				.hasLowCardinalityKeyValue("outcome", "blocked");
		});
	}

	@Test
	void toolNameIsATagWhenOptedIn() {
		authority.allow("lookup_order", "jrn_lookup");
		this.runner.withPropertyValues("specora.ai.observations.include-tool-name=true").run((context) -> {
			ask(context, "lookup_order");
			assertThat(this.observations).hasObservationWithNameEqualTo("specora.enforcement")
				.that()
				.hasLowCardinalityKeyValue("action.type", "lookup_order");
		});
	}

	@Test
	void configuredActionTypeIsTheTag() {
		authority.allow("order_read", "jrn_lookup");
		this.runner.withPropertyValues("specora.ai.tools.lookup_order.action-type=order_read").run((context) -> {
			ask(context, "lookup_order");
			assertThat(this.observations).hasObservationWithNameEqualTo("specora.enforcement")
				.that()
				.hasLowCardinalityKeyValue("action.type", "order_read");
		});
	}

	@Test
	void llmCallIsAnLlmObservation() {
		authority.allow("lookup_order", "jrn_lookup");
		this.runner.run((context) -> {
			ask(context, "lookup_order");
			assertThat(this.observations).hasObservationWithNameEqualTo(LlmExecutionRecorder.OBSERVATION_NAME)
				.that()
				.hasLowCardinalityKeyValue("provider", "openai")
				.hasLowCardinalityKeyValue("outcome", "success")
				.hasBeenStopped();
		});
	}

	@Test
	void toolCallObservationCarriesGenAiKeysAndTheDecisionAndIsAChildOfSpringAisToolSpan() {
		authority.allow("lookup_order", "jrn_lookup");
		this.runner.run((context) -> {
			ask(context, "lookup_order", "conv-9");
			assertThat(this.observations).hasObservationWithNameEqualTo("specora.enforcement")
				.that()
				.hasLowCardinalityKeyValue("gen_ai.operation.name", "execute_tool")
				.hasLowCardinalityKeyValue("guardrail.decision", "allow")
				.hasHighCardinalityKeyValue("gen_ai.tool.name", "lookup_order")
				.hasHighCardinalityKeyValue("gen_ai.tool.call.id", "call_1")
				.hasHighCardinalityKeyValue("gen_ai.conversation.id", "conv-9")
				.hasHighCardinalityKeyValue("guardrail.journal.id", "jrn_lookup")
				.doesNotHaveLowCardinalityKeyValueWithKey("gen_ai.tool.name")
				.hasParentObservationContextMatching(ToolCallingObservationContext.class::isInstance);
		});
	}

	@Test
	void blockedToolCallObservationCarriesTheBlockAsGuardrailDecision() {
		authority.block("issue_refund", "jrn_refund", "no");
		this.runner.withPropertyValues("specora.ai.observations.include-tool-name=true").run((context) -> {
			ask(context, "issue_refund", "conv-9");
			assertThat(this.observations).hasObservationWithNameEqualTo("specora.enforcement")
				.that()
				.hasLowCardinalityKeyValue("guardrail.decision", "block")
				.hasLowCardinalityKeyValue("gen_ai.tool.name", "issue_refund")
				.hasHighCardinalityKeyValue("guardrail.journal.id", "jrn_refund");
		});
	}

	@Test
	void llmObservationCarriesGenAiKeys() {
		authority.allow("lookup_order", "jrn_lookup");
		this.runner.withPropertyValues("specora.ai.chat.model=gpt-test").run((context) -> {
			ask(context, "lookup_order", "conv-9");
			assertThat(this.observations).hasObservationWithNameEqualTo(LlmExecutionRecorder.OBSERVATION_NAME)
				.that()
				.hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
				.hasLowCardinalityKeyValue("gen_ai.provider.name", "openai")
				.hasLowCardinalityKeyValue("gen_ai.request.model", "gpt-test")
				.hasLowCardinalityKeyValue("gen_ai.response.model", "fake-model")
				.hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", "12")
				.hasHighCardinalityKeyValue("gen_ai.usage.output_tokens", "7")
				.hasHighCardinalityKeyValue("gen_ai.conversation.id", "conv-9");
		});
	}

	private static void ask(AssertableApplicationContext context, String tool, String conversationId) {
		context.getBean(FakeChatModel.class).thenCall(tool, "{\"orderId\": \"A-1\"}");
		context.getBean(ChatClient.Builder.class)
			.build()
			.prompt("help")
			.advisors((advisors) -> advisors.param(ChatMemory.CONVERSATION_ID, conversationId))
			.tools(context.getBean(SupportTools.class))
			.call()
			.content();
	}

	private static void ask(AssertableApplicationContext context, String tool) {
		context.getBean(FakeChatModel.class).thenCall(tool, "{\"orderId\": \"A-1\"}");
		context.getBean(ChatClient.Builder.class)
			.build()
			.prompt("help")
			.tools(context.getBean(SupportTools.class))
			.call()
			.content();
	}

}
