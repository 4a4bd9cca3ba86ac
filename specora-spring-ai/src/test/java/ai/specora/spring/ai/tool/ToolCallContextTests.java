package ai.specora.spring.ai.tool;

import java.util.List;
import java.util.Map;

import ai.specora.spring.ai.Authority;
import ai.specora.spring.ai.FakeChatModel;
import ai.specora.spring.ai.SupportTools;
import ai.specora.spring.ai.autoconfigure.SpecoraSpringAiAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraClientAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraConfigurationException;
import ai.specora.spring.autoconfigure.SpecoraEnforcementAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraGovernanceAutoConfiguration;
import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static ai.specora.spring.ai.Authority.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A tool's scope and args from per-call context: {@code scope-expression} and
 * {@code args-expression} see the tool's input, its tool context, the conversation and
 * tool call ids and the user.
 */
class ToolCallContextTests {

	static final Authority authority = new Authority().start();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpecoraClientAutoConfiguration.class,
				SpecoraGovernanceAutoConfiguration.class, SpecoraEnforcementAutoConfiguration.class,
				SpecoraSpringAiAutoConfiguration.class, ToolCallingAutoConfiguration.class,
				ChatClientAutoConfiguration.class))
		.withPropertyValues(authority.properties())
		.withBean(FakeChatModel.class)
		.withBean(SupportTools.class);

	@BeforeEach
	void reset() {
		authority.reset();
	}

	@AfterEach
	void clearSecurityContext() {
		SecurityContextHolder.clearContext();
	}

	@AfterAll
	static void stopAuthority() {
		authority.stop();
	}

	@Test
	void scopeAndArgsExpressionsAreEvaluatedPerCallAndMergedOverTheStaticScope() {
		authority.allow("issue_refund", "jrn_refund");
		this.runner
			.withPropertyValues("specora.ai.tools[issue_refund].scope.team=support",
					"specora.ai.tools[issue_refund].scope.region=eu",
					"specora.ai.tools[issue_refund].scope-expression={'order': #input['orderId'], 'team': 'billing', "
							+ "'call': #toolCallId, 'conversation': #conversationId, 'tenant': #context['tenant']}",
					"specora.ai.tools[issue_refund].args-expression={'orderPrefix': #input.orderId.substring(0, 1)}")
			.run((context) -> {
				ask(context, "{\"orderId\": \"A-1\"}", Map.of("tenant", "acme", ChatMemory.CONVERSATION_ID, "conv-7"));
				DocumentContext enforce = json(GovernedToolCallsTests.single(authority.enforcements()));
				assertThat(enforce.<Map<String, Object>>read("$.scope")).containsEntry("tool", "issue_refund")
					.containsEntry("region", "eu")
					.containsEntry("team", "billing")
					.containsEntry("order", "A-1")
					.containsEntry("call", "call_1")
					.containsEntry("conversation", "conv-7")
					.containsEntry("tenant", "acme");
				assertThat(enforce.<Map<String, Object>>read("$.args")).containsExactly(Map.entry("orderPrefix", "A"));
			});
	}

	@Test
	void argsExpressionIsMergedOverTheInputArgs() {
		authority.allow("issue_refund", "jrn_refund");
		this.runner
			.withPropertyValues("specora.ai.tools[issue_refund].include-args=true",
					"specora.ai.tools[issue_refund].args-expression={'channel': 'chat'}")
			.run((context) -> {
				ask(context, "{\"orderId\": \"A-1\"}", Map.of());
				DocumentContext enforce = json(GovernedToolCallsTests.single(authority.enforcements()));
				assertThat(enforce.<Map<String, Object>>read("$.args")).containsEntry("orderId", "A-1")
					.containsEntry("channel", "chat");
			});
	}

	@Test
	void principalIsTheAuthenticatedUsersName() {
		authority.allow("issue_refund", "jrn_refund");
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("alice", "n/a", List.of()));
		this.runner.withPropertyValues("specora.ai.tools[issue_refund].scope-expression={'user': #principal}")
			.run((context) -> {
				ask(context, "{\"orderId\": \"A-1\"}", Map.of());
				DocumentContext enforce = json(GovernedToolCallsTests.single(authority.enforcements()));
				assertThat(enforce.<String>read("$.scope.user")).isEqualTo("alice");
			});
	}

	@Test
	void invalidExpressionFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("specora.ai.tools[issue_refund].scope-expression={'order': ")
			.run((context) -> {
				assertThat(context).hasFailed();
				SpecoraConfigurationException failure = UngovernedPathsTests
					.configurationFailure(context.getStartupFailure());
				assertThat(failure.getProperty()).isEqualTo("specora.ai.tools[issue_refund].scope-expression");
				assertThat(failure.getMessage()).contains("specora.ai.tools[issue_refund].scope-expression");
			});
	}

	@Test
	void expressionThatGivesNoMapFailsTheCallWithoutRunningTheTool() {
		this.runner.withPropertyValues("specora.ai.tools[issue_refund].args-expression='not a map'")
			.run((context) -> {
				assertThatIllegalStateException().isThrownBy(() -> ask(context, "{\"orderId\": \"A-1\"}", Map.of()))
					.withMessageContaining("specora.ai.tools[issue_refund].args-expression must give a map");
				assertThat(context.getBean(SupportTools.class).refunds()).hasValue(0);
				assertThat(authority.enforcements()).isEmpty();
			});
	}

	static String ask(AssertableApplicationContext context, String input, Map<String, Object> toolContext) {
		context.getBean(FakeChatModel.class).thenCall("issue_refund", input);
		return GovernedToolCallsTests.chatClient(context)
			.prompt("refund my order")
			.tools(context.getBean(SupportTools.class))
			.toolContext(toolContext)
			.call()
			.content();
	}

}
