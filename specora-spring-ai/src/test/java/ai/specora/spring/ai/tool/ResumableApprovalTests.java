package ai.specora.spring.ai.tool;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.specora.client.EnforcementResult;
import ai.specora.client.SpecoraSuspendedException;
import ai.specora.localauthority.LocalAuthority;
import ai.specora.localauthority.LocalAuthoritySettings;
import ai.specora.localauthority.PolicyRule;
import ai.specora.runtime.GovernanceListener;
import ai.specora.runtime.GovernedCall;
import ai.specora.spring.ai.SupportTools;
import ai.specora.spring.ai.autoconfigure.SpecoraSpringAiAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraClientAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraEnforcementAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraGovernanceAutoConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.model.tool.ToolExecutionResult;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.ai.support.ToolCallbacks;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The approve-then-resume flow of user-controlled tool execution against the local
 * authority: a suspended tool call, approved, then executed again with the same
 * {@code ToolCallingManager}, is answered from the same journal entry and runs once; a
 * changed input is a new request.
 */
class ResumableApprovalTests {

	static LocalAuthority authority;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpecoraClientAutoConfiguration.class,
				SpecoraGovernanceAutoConfiguration.class, SpecoraEnforcementAutoConfiguration.class,
				SpecoraSpringAiAutoConfiguration.class, ToolCallingAutoConfiguration.class))
		.withBean(SupportTools.class)
		.withBean(Decisions.class);

	@BeforeAll
	static void startAuthority() {
		authority = LocalAuthority.start(LocalAuthoritySettings.builder()
			.apiKey("sk_test_key")
			.orgId("org-1")
			.port(0)
			.policy(PolicyRule.suspend("refunds", "issue_refund", "slack:#approvals"))
			.build());
	}

	@AfterAll
	static void stopAuthority() {
		authority.close();
	}

	@Test
	void approvedToolCallResumesOnItsJournalEntryAndRunsOnce() {
		this.runner.withPropertyValues(properties()).run((context) -> {
			ToolCallingManager manager = context.getBean(ToolCallingManager.class);
			Prompt prompt = prompt(context, "conv-1");
			ChatResponse response = toolCall("call_refund_1", "{\"orderId\": \"A-1\"}");

			SpecoraSuspendedException suspended = catchThrowableOfType(SpecoraSuspendedException.class,
					() -> manager.executeToolCalls(prompt, response));
			assertThat(suspended).isNotNull();
			assertThat(context.getBean(SupportTools.class).refunds()).hasValue(0);

			authority.approve(suspended.getApprovalId(), "alice");
			ToolExecutionResult result = manager.executeToolCalls(prompt, response);

			assertThat(context.getBean(SupportTools.class).refunds()).hasValue(1);
			assertThat(result.conversationHistory().toString()).contains("refunded A-1");
			List<EnforcementResult> decisions = context.getBean(Decisions.class).results;
			assertThat(decisions).hasSize(2);
			assertThat(decisions.get(1).journalId()).isEqualTo(suspended.getJournalId());
			assertThat(decisions.get(1).requestId()).isEqualTo(decisions.get(0).requestId());
		});
	}

	@Test
	void changedInputIsANewRequestThatNeedsItsOwnApproval() {
		this.runner.withPropertyValues(properties()).run((context) -> {
			ToolCallingManager manager = context.getBean(ToolCallingManager.class);
			Prompt prompt = prompt(context, "conv-2");
			SpecoraSuspendedException first = catchThrowableOfType(SpecoraSuspendedException.class,
					() -> manager.executeToolCalls(prompt, toolCall("call_refund_2", "{\"orderId\": \"A-1\"}")));
			authority.approve(first.getApprovalId(), "alice");

			SpecoraSuspendedException changed = catchThrowableOfType(SpecoraSuspendedException.class,
					() -> manager.executeToolCalls(prompt, toolCall("call_refund_2", "{\"orderId\": \"B-2\"}")));

			assertThat(changed).as("the changed input was not allowed by the first approval").isNotNull();
			assertThat(changed.getJournalId()).isNotEqualTo(first.getJournalId());
			assertThat(context.getBean(SupportTools.class).refunds()).hasValue(0);
		});
	}

	@Test
	void sameToolCallIdInAnotherConversationIsANewRequest() {
		this.runner.withPropertyValues(properties()).run((context) -> {
			ToolCallingManager manager = context.getBean(ToolCallingManager.class);
			ChatResponse response = toolCall("call_refund_3", "{\"orderId\": \"A-1\"}");
			SpecoraSuspendedException first = catchThrowableOfType(SpecoraSuspendedException.class,
					() -> manager.executeToolCalls(prompt(context, "conv-3"), response));
			authority.approve(first.getApprovalId(), "alice");

			SpecoraSuspendedException other = catchThrowableOfType(SpecoraSuspendedException.class,
					() -> manager.executeToolCalls(prompt(context, "conv-4"), response));

			assertThat(other).isNotNull();
			assertThat(other.getJournalId()).isNotEqualTo(first.getJournalId());
		});
	}

	static String[] properties() {
		return new String[] { "specora.base-url=" + authority.baseUrl(), "specora.api-key=sk_test_key",
				"specora.org-id=org-1", "specora.retries=0", "specora.enforcement.completion.mode=sync" };
	}

	/**
	 * The prompt of user-controlled tool execution: the application runs the tools.
	 */
	static Prompt prompt(AssertableApplicationContext context, String conversationId) {
		return new Prompt("refund my order", ToolCallingChatOptions.builder()
			.toolCallbacks(ToolCallbacks.from(context.getBean(SupportTools.class)))
			.toolContext(Map.of(ChatMemory.CONVERSATION_ID, conversationId))
			.build());
	}

	static ChatResponse toolCall(String id, String arguments) {
		return new ChatResponse(List.of(new Generation(AssistantMessage.builder()
			.content("")
			.toolCalls(List.of(new AssistantMessage.ToolCall(id, "function", "issue_refund", arguments)))
			.build())));
	}

	static class Decisions implements GovernanceListener {

		final List<EnforcementResult> results = new CopyOnWriteArrayList<>();

		@Override
		public void onDecision(GovernedCall call, EnforcementResult result) {
			this.results.add(result);
		}

	}

}
