package ai.specora.spring.ai.tool;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import ai.specora.client.FailClosedException;
import ai.specora.client.SpecoraBlockedException;
import ai.specora.client.SpecoraClient;
import ai.specora.client.SpecoraSuspendedException;
import ai.specora.runtime.ApprovalWaiter;
import ai.specora.spring.ai.Authority;
import ai.specora.spring.ai.FakeChatModel;
import ai.specora.spring.ai.SupportTools;
import ai.specora.spring.ai.autoconfigure.SpecoraSpringAiAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraClientAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraEnforcementAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraGovernanceAutoConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.DocumentContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.ai.tool.function.FunctionToolCallback;
import org.springframework.ai.tool.metadata.ToolMetadata;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static ai.specora.spring.ai.Authority.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every tool call of a ChatClient is governed: a fake chat model asks for tool calls,
 * a stand-in authority decides, and the tools, the completions and what the model sees
 * next are checked. Completions are delivered synchronously here.
 */
class GovernedToolCallsTests {

	static final Authority authority = new Authority().start();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpecoraClientAutoConfiguration.class,
				SpecoraGovernanceAutoConfiguration.class, SpecoraEnforcementAutoConfiguration.class, SpecoraSpringAiAutoConfiguration.class,
				ToolCallingAutoConfiguration.class, ChatClientAutoConfiguration.class))
		.withPropertyValues(authority.properties())
		.withUserConfiguration(AgentConfig.class);

	@BeforeEach
	void reset() {
		authority.reset();
	}

	@AfterAll
	static void stopAuthority() {
		authority.stop();
	}

	@Test
	void allowedToolRunsAndCompletesWithSuccess() {
		authority.allow("lookup_order", "jrn_lookup");
		this.runner.run((context) -> {
			String answer = ask(context, (model) -> model.thenCall("lookup_order", "{\"orderId\": \"A-1\"}"));
			SupportTools tools = context.getBean(SupportTools.class);
			assertThat(tools.lookups()).hasValue(1);
			assertThat(answer).contains("lookup_order=\"order A-1: shipped\"");
			DocumentContext enforce = json(single(authority.enforcements()));
			assertThat(enforce.<String>read("$.action_type")).isEqualTo("lookup_order");
			assertThat(enforce.<Map<String, Object>>read("$.scope")).containsExactly(Map.entry("tool", "lookup_order"));
			assertThat(enforce.<Map<String, Object>>read("$.args")).isEmpty();
			assertThat(enforce.<Boolean>read("$.is_write_op")).isFalse();
			DocumentContext completion = json(single(authority.completions()));
			assertThat(completion.<String>read("$.journal_id")).isEqualTo("jrn_lookup");
			assertThat(completion.<String>read("$.status")).isEqualTo("success");
			assertThat(completion.<Integer>read("$.duration_ms")).isNotNull().isGreaterThanOrEqualTo(0);
		});
	}

	@Test
	void toolThatThrowsCompletesWithFailureAndTheModelSeesSpringAisErrorResult() {
		authority.allow("check_stock", "jrn_stock");
		this.runner.run((context) -> {
			String answer = ask(context, (model) -> model.thenCall("check_stock", "{\"sku\": \"X\"}"));
			assertThat(answer).contains("check_stock=warehouse offline");
			DocumentContext completion = json(single(authority.completions()));
			assertThat(completion.<String>read("$.status")).isEqualTo("failure");
			assertThat(completion.<String>read("$.error")).isEqualTo(IllegalStateException.class.getName());
		});
	}

	@Test
	void blockedToolNeverRunsAndTheModelsNextPromptHasTheReason() {
		authority.block("issue_refund", "jrn_refund", "refunds over 100 USD need a human");
		this.runner.run((context) -> {
			String answer = ask(context,
					(model) -> model.thenCall("issue_refund", "{\"orderId\": \"A-1\", \"amount\": 250}"));
			assertThat(context.getBean(SupportTools.class).refunds()).hasValue(0);
			FakeChatModel model = context.getBean(FakeChatModel.class);
			assertThat(model.lastToolResults()).contains("issue_refund=The tool 'issue_refund' was not run")
				.contains("refunds over 100 USD need a human")
				.contains("jrn_refund");
			assertThat(answer).contains("refunds over 100 USD need a human");
			assertThat(authority.completions()).isEmpty();
		});
	}

	@Test
	void blockedToolRaisesWhenConfiguredToThrow() {
		authority.block("issue_refund", "jrn_refund", "not today");
		this.runner.withPropertyValues("specora.ai.tool-calls.on-block=throw").run((context) -> {
			assertThatExceptionOfType(SpecoraBlockedException.class)
				.isThrownBy(() -> ask(context, (model) -> model.thenCall("issue_refund", "{\"orderId\": \"A-1\"}")))
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo("not today"));
			assertThat(context.getBean(SupportTools.class).refunds()).hasValue(0);
		});
	}

	@Test
	void suspendedToolRaisesOutOfTheChatClientCall() {
		authority.suspend("issue_refund", "jrn_wait");
		this.runner.run((context) -> {
			assertThatExceptionOfType(SpecoraSuspendedException.class)
				.isThrownBy(() -> ask(context, (model) -> model.thenCall("issue_refund", "{\"orderId\": \"A-1\"}")))
				.satisfies((ex) -> {
					assertThat(ex.getApprovalId()).isEqualTo("apr_1");
					assertThat(ex.getJournalId()).isEqualTo("jrn_wait");
				});
			assertThat(context.getBean(SupportTools.class).refunds()).hasValue(0);
		});
	}

	@Test
	void suspendedToolWaitsAndRunsAfterApproval() {
		authority.suspend("issue_refund", "jrn_wait");
		authority.journal("jrn_wait", "approved");
		this.runner.withPropertyValues("specora.ai.tools[issue_refund].on-suspend=wait",
				"specora.ai.tools[issue_refund].approval-timeout=5s")
			.run((context) -> {
				String answer = ask(context, (model) -> model.thenCall("issue_refund", "{\"orderId\": \"A-1\"}"));
				assertThat(context.getBean(SupportTools.class).refunds()).hasValue(1);
				assertThat(answer).contains("issue_refund=\"refunded A-1\"");
				DocumentContext completion = json(single(authority.completions()));
				assertThat(completion.<String>read("$.journal_id")).isEqualTo("jrn_wait");
				assertThat(completion.<String>read("$.status")).isEqualTo("success");
			});
	}

	@Test
	void waitingToolRaisesWhenTheApprovalIsNotGivenInTime() {
		authority.suspend("issue_refund", "jrn_wait");
		authority.journal("jrn_wait", "pending");
		this.runner
			.withPropertyValues("specora.ai.tool-calls.on-suspend=wait", "specora.ai.tool-calls.approval-timeout=200ms")
			.run((context) -> {
				assertThatExceptionOfType(SpecoraSuspendedException.class)
					.isThrownBy(() -> ask(context, (model) -> model.thenCall("issue_refund", "{\"orderId\": \"A\"}")))
					.withMessageContaining("was not approved");
				assertThat(context.getBean(SupportTools.class).refunds()).hasValue(0);
			});
	}

	@Test
	void failsClosedWhenTheAuthorityIsDown() {
		authority.unavailable("issue_refund");
		this.runner.run((context) -> {
			assertThatExceptionOfType(FailClosedException.class)
				.isThrownBy(() -> ask(context, (model) -> model.thenCall("issue_refund", "{\"orderId\": \"A\"}")));
			assertThat(context.getBean(SupportTools.class).refunds()).hasValue(0);
		});
	}

	@Test
	void failOpenToolRunsUngovernedWhenTheAuthorityIsDown() {
		authority.unavailable("lookup_order");
		this.runner.withPropertyValues("specora.ai.tools.lookup_order.fail-mode=open").run((context) -> {
			String answer = ask(context, (model) -> model.thenCall("lookup_order", "{\"orderId\": \"A-1\"}"));
			assertThat(answer).contains("order A-1: shipped");
			assertThat(authority.completions()).isEmpty();
		});
	}

	@Test
	void enforcedToolMethodIsEnforcedOnceWithItsAnnotationsRequest() {
		authority.allow("order_cancel", "jrn_cancel");
		this.runner.run((context) -> {
			String answer = ask(context, (model) -> model.thenCall("cancel_order", "{\"orderId\": \"A-9\"}"));
			assertThat(answer).contains("cancelled A-9");
			assertThat(context.getBean(SupportTools.class).cancels()).hasValue(1);
			assertThat(authority.enforcements()).singleElement().satisfies((enforce) -> {
				assertThat(json(enforce).read("$.action_type", String.class)).isEqualTo("order_cancel");
				assertThat(json(enforce).read("$.scope.order", String.class)).isEqualTo("A-9");
			});
			assertThat(authority.completions()).hasSize(1);
		});
	}

	@Test
	void blockedEnforcedToolMethodIsToldToTheModel() {
		authority.block("order_cancel", "jrn_cancel", "orders are final");
		this.runner.run((context) -> {
			String answer = ask(context, (model) -> model.thenCall("cancel_order", "{\"orderId\": \"A-9\"}"));
			assertThat(answer).contains("orders are final");
			assertThat(context.getBean(SupportTools.class).cancels()).hasValue(0);
			assertThat(authority.enforcements()).hasSize(1);
		});
	}

	@Test
	void returnDirectToolIsGovernedAndItsResultStillGoesStraightToTheCaller() {
		authority.allow("quote", "jrn_quote");
		this.runner.run((context) -> {
			FakeChatModel model = context.getBean(FakeChatModel.class);
			model.thenCall("quote", "{}");
			String answer = chatClient(context).prompt("quote")
				.tools(FunctionToolCallback.builder("quote", () -> "42 USD")
					.description("Quotes a price")
					.toolMetadata(ToolMetadata.builder().returnDirect(true).build())
					.build())
				.call()
				.content();
			assertThat(answer).isEqualTo("42 USD");
			assertThat(model.prompts()).as("the model is not asked again").hasSize(1);
			assertThat(json(single(authority.completions())).<String>read("$.status")).isEqualTo("success");
		});
	}

	@Test
	void propertiesMapActionTypeScopeWriteOpAndArgs() {
		authority.allow("refund", "jrn_refund");
		this.runner
			.withPropertyValues("specora.ai.tools[issue_refund].action-type=refund",
					"specora.ai.tools[issue_refund].scope.team=support",
					"specora.ai.tools[issue_refund].write-op=true", "specora.ai.tools[issue_refund].include-args=true")
			.run((context) -> {
				ask(context, (model) -> model.thenCall("issue_refund", "{\"orderId\": \"A-1\", \"amount\": 20}"));
				DocumentContext enforce = json(single(authority.enforcements()));
				assertThat(enforce.<String>read("$.action_type")).isEqualTo("refund");
				assertThat(enforce.<Map<String, Object>>read("$.scope")).containsEntry("team", "support")
					.containsEntry("tool", "issue_refund");
				assertThat(enforce.<Boolean>read("$.is_write_op")).isTrue();
				assertThat(enforce.<Map<String, Object>>read("$.args")).containsEntry("orderId", "A-1")
					.containsEntry("amount", 20);
			});
	}

	@Test
	void toolNamesWithUnderscoresMatchWithoutBrackets() {
		authority.allow("refund", "jrn_refund");
		this.runner.withPropertyValues("specora.ai.tools.issue_refund.action-type=refund").run((context) -> {
			ask(context, (model) -> model.thenCall("issue_refund", "{\"orderId\": \"A-1\"}"));
			assertThat(json(single(authority.enforcements())).<String>read("$.action_type")).isEqualTo("refund");
		});
	}

	@Test
	void streamingToolCallsAreGovernedTheSame() {
		authority.allow("lookup_order", "jrn_lookup");
		authority.block("issue_refund", "jrn_refund", "no refunds on Sundays");
		this.runner.run((context) -> {
			FakeChatModel model = context.getBean(FakeChatModel.class);
			model.thenCall("lookup_order", "{\"orderId\": \"A-1\"}").thenCall("issue_refund", "{\"orderId\": \"A-1\"}");
			List<String> chunks = chatClient(context).prompt("refund my order")
				.tools(context.getBean(SupportTools.class))
				.stream()
				.content()
				.collectList()
				.block(Duration.ofSeconds(20));
			SupportTools tools = context.getBean(SupportTools.class);
			assertThat(tools.lookups()).hasValue(1);
			assertThat(tools.refunds()).hasValue(0);
			assertThat(String.join("", chunks)).contains("no refunds on Sundays");
			assertThat(authority.enforcements()).hasSize(2);
			assertThat(json(single(authority.completions())).<String>read("$.journal_id")).isEqualTo("jrn_lookup");
		});
	}

	@Test
	void suspendedStreamingToolCallEndsTheStreamWithTheTypedError() {
		authority.suspend("issue_refund", "jrn_wait");
		this.runner.run((context) -> {
			context.getBean(FakeChatModel.class).thenCall("issue_refund", "{\"orderId\": \"A-1\"}");
			assertThatExceptionOfType(SpecoraSuspendedException.class)
				.isThrownBy(() -> chatClient(context).prompt("refund")
					.tools(context.getBean(SupportTools.class))
					.stream()
					.content()
					.blockLast(Duration.ofSeconds(20)));
			assertThat(context.getBean(SupportTools.class).refunds()).hasValue(0);
		});
	}

	static String ask(AssertableApplicationContext context, java.util.function.Consumer<FakeChatModel> script) {
		FakeChatModel model = context.getBean(FakeChatModel.class);
		script.accept(model);
		return chatClient(context).prompt("help me with my order")
			.tools(context.getBean(SupportTools.class))
			.call()
			.content();
	}

	static ChatClient chatClient(AssertableApplicationContext context) {
		return context.getBean(ChatClient.Builder.class).build();
	}

	static LoggedRequest single(List<LoggedRequest> requests) {
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	@Configuration(proxyBeanMethods = false)
	static class AgentConfig {

		@Bean
		FakeChatModel chatModel() {
			return new FakeChatModel();
		}

		@Bean
		SupportTools supportTools() {
			return new SupportTools();
		}

		@Bean
		ApprovalWaiter approvalWaiter(SpecoraClient client) {
			return new ApprovalWaiter(client.reactive(), Duration.ofMillis(20), Duration.ofMillis(100));
		}

	}

}
