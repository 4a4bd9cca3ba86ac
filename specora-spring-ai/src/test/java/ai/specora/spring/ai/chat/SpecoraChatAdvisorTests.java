package ai.specora.spring.ai.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import ai.specora.client.BudgetExceededException;
import ai.specora.client.FailClosedException;
import ai.specora.spring.ai.Authority;
import ai.specora.spring.ai.FakeChatModel;
import ai.specora.spring.ai.autoconfigure.SpecoraChatAutoConfiguration;
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
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import static ai.specora.spring.ai.Authority.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Every LLM call of a ChatClient is pre-authorized on the platform, follows its routing
 * and is recorded with its real usage, against a stand-in platform.
 */
class SpecoraChatAdvisorTests {

	static final Authority authority = new Authority().start();

	static final String AUTHORIZED = "{\"authorized\": true, \"authorization_id\": \"auth_1\", "
			+ "\"selected_provider\": \"openai\", \"selected_model\": \"gpt-test\", \"reason\": null}";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(
				SpecoraClientAutoConfiguration.class, SpecoraGovernanceAutoConfiguration.class, SpecoraEnforcementAutoConfiguration.class,
				SpecoraSpringAiAutoConfiguration.class, SpecoraChatAutoConfiguration.class,
				ToolCallingAutoConfiguration.class, ChatClientAutoConfiguration.class))
		.withPropertyValues(authority.properties())
		.withPropertyValues("specora.vendor-id=vendor-1", "specora.tenant-id=tenant-1",
				"specora.ai.chat.providers.primaryModel=openai", "specora.ai.chat.providers.claudeModel=anthropic",
				"specora.ai.chat.provider=openai", "specora.ai.chat.model=gpt-test",
				"specora.ai.chat.pricing.fake-model.input=2.5", "specora.ai.chat.pricing.fake-model.output=10",
				"specora.ai.chat.pricing.claude-test.input=3", "specora.ai.chat.pricing.claude-test.output=15")
		.withUserConfiguration(Models.class);

	/**
	 * Executions are recorded in the background: every test that makes an authorized
	 * call waits for its record, so that none arrives during the next test.
	 */
	@BeforeEach
	void reset() {
		authority.reset();
	}

	@AfterAll
	static void stopAuthority() {
		authority.stop();
	}

	@Test
	void callIsPreAuthorizedWithRoutingHintsAndRecordedWithItsUsageAndCost() {
		authority.preAuthorize(AUTHORIZED);
		this.runner.run((context) -> {
			String answer = chatClient(context).prompt("hello")
				.advisors((advisors) -> advisors.param(SpecoraChatParams.PURPOSE, "summarize")
					.param(SpecoraChatParams.AGENT_NAME, "support-agent"))
				.call()
				.content();
			assertThat(answer).startsWith("fake-model answered");
			DocumentContext preAuthorize = json(single(authority.preAuthorizations()));
			assertThat(preAuthorize.<String>read("$.provider")).isEqualTo("openai");
			assertThat(preAuthorize.<String>read("$.model")).isEqualTo("gpt-test");
			assertThat(preAuthorize.<String>read("$.routing_hints.purpose")).isEqualTo("summarize");
			assertThat(preAuthorize.<String>read("$.routing_hints.agent_name")).isEqualTo("support-agent");
			DocumentContext execution = json(awaitSingle(authority::executions));
			assertThat(execution.<String>read("$.provider")).isEqualTo("openai");
			assertThat(execution.<String>read("$.model")).isEqualTo("fake-model");
			assertThat(execution.<Integer>read("$.input_tokens")).isEqualTo(12);
			assertThat(execution.<Integer>read("$.output_tokens")).isEqualTo(7);
			assertThat(execution.<Integer>read("$.cost_micros")).isEqualTo(100); // 12 x 2.5 + 7 x 10
			assertThat(execution.<Boolean>read("$.success")).isTrue();
			assertThat(execution.<Integer>read("$.duration_ms")).isNotNull().isGreaterThanOrEqualTo(0);
			assertThat(execution.<Map<String, Object>>read("$.metadata")).containsEntry("authorization_id", "auth_1");
		});
	}

	@Test
	void agentNameFallsBackToTheWorkflowId() {
		authority.preAuthorize(AUTHORIZED);
		this.runner.withPropertyValues("specora.workflow-id=support-pipeline").run((context) -> {
			chatClient(context).prompt("hello").call().content();
			assertThat(json(single(authority.preAuthorizations())).<String>read("$.routing_hints.agent_name"))
				.isEqualTo("support-pipeline");
			awaitSingle(authority::executions);
		});
	}

	@Test
	void providerSelectedByThePlatformDispatchesToItsChatModel() {
		authority.preAuthorize("{\"authorized\": true, \"authorization_id\": \"auth_2\", "
				+ "\"selected_provider\": \"anthropic\", \"selected_model\": \"claude-test\", "
				+ "\"reason\": \"cheaper for summaries\"}");
		this.runner.run((context) -> {
			String answer = chatClient(context).prompt("hello").call().content();
			assertThat(answer).startsWith("claude-test answered");
			assertThat(context.getBean("primaryModel", FakeChatModel.class).prompts()).isEmpty();
			assertThat(context.getBean("claudeModel", FakeChatModel.class).prompts()).singleElement()
				.satisfies((prompt) -> assertThat(prompt.getOptions().getModel()).isEqualTo("claude-test"));
			DocumentContext execution = json(awaitSingle(authority::executions));
			assertThat(execution.<String>read("$.provider")).isEqualTo("anthropic");
			assertThat(execution.<Integer>read("$.cost_micros")).isEqualTo(12 * 3 + 7 * 15);
		});
	}

	@Test
	void modelSelectedByThePlatformForTheSameProviderIsAskedFor() {
		authority.preAuthorize("{\"authorized\": true, \"authorization_id\": \"auth_3\", \"selected_provider\": \"openai\", "
				+ "\"selected_model\": \"gpt-small\"}");
		this.runner.run((context) -> {
			chatClient(context).prompt("hello").call().content();
			assertThat(context.getBean("primaryModel", FakeChatModel.class).prompts()).singleElement()
				.satisfies((prompt) -> assertThat(prompt.getOptions().getModel()).isEqualTo("gpt-small"));
			assertThat(json(awaitSingle(authority::executions)).<String>read("$.model")).isEqualTo("fake-model");
		});
	}

	@Test
	void providerWithoutAChatModelIsRefusedByDefaultNamingTheProviderAndTheProperty() {
		authority.preAuthorize("{\"authorized\": true, \"authorization_id\": \"auth_3\", \"selected_provider\": \"gemini\", "
				+ "\"selected_model\": \"gemini-test\"}");
		this.runner.run((context) -> {
			assertThatExceptionOfType(LlmCallRefusedException.class)
				.isThrownBy(() -> chatClient(context).prompt("hello").call().content())
				.withMessageContaining("gemini 'gemini-test'")
				.withMessageContaining("specora.ai.chat.providers.<bean-name>=gemini")
				.withMessageContaining("specora.ai.chat.unroutable=call-requested");
			assertThat(context.getBean("primaryModel", FakeChatModel.class).prompts()).isEmpty();
			assertThat(context.getBean("claudeModel", FakeChatModel.class).prompts()).isEmpty();
		});
	}

	@Test
	void providerWithoutAChatModelFallsBackToTheRequestedOneWhenConfigured() {
		authority.preAuthorize("{\"authorized\": true, \"authorization_id\": \"auth_3\", \"selected_provider\": \"gemini\", "
				+ "\"selected_model\": \"gemini-test\"}");
		this.runner.withPropertyValues("specora.ai.chat.unroutable=call-requested").run((context) -> {
			assertThat(chatClient(context).prompt("hello").call().content()).startsWith("fake-model answered");
			assertThat(json(awaitSingle(authority::executions)).<String>read("$.provider")).isEqualTo("openai");
		});
	}

	@Test
	void providerWithoutAChatModelIsRefusedWhenFallbackIsNotAllowed() {
		authority.preAuthorize("{\"authorized\": true, \"authorization_id\": \"auth_3\", \"selected_provider\": \"gemini\", "
				+ "\"selected_model\": \"gemini-test\"}");
		this.runner.run((context) -> {
			assertThatExceptionOfType(LlmCallRefusedException.class)
				.isThrownBy(() -> chatClient(context).prompt("hello")
					.advisors((advisors) -> advisors.param(SpecoraChatParams.FALLBACK_ALLOWED, false))
					.call()
					.content())
				.withMessageContaining("gemini");
			assertThat(json(single(authority.preAuthorizations())).<Boolean>read("$.routing_hints.fallback_allowed"))
				.isFalse();
			assertThat(context.getBean("primaryModel", FakeChatModel.class).prompts()).isEmpty();
		});
	}

	@Test
	void unauthorizedCallRaisesAndTheModelIsNotCalled() {
		authority.preAuthorize("{\"authorized\": false, \"reason\": \"model not approved for this agent\"}");
		this.runner.run((context) -> {
			assertThatExceptionOfType(LlmCallRefusedException.class)
				.isThrownBy(() -> chatClient(context).prompt("hello").call().content())
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo("model not approved for this agent"));
			assertThat(context.getBean("primaryModel", FakeChatModel.class).prompts()).isEmpty();
			assertThat(authority.executions()).isEmpty();
		});
	}

	@Test
	void exhaustedBudgetRaisesBudgetExceeded() {
		authority.preAuthorizeStatus(402,
				"{\"error\": {\"code\": \"budget_exceeded\", \"message\": \"monthly budget used\", "
						+ "\"details\": {\"usage_percent\": 100}}}");
		this.runner.run((context) -> {
			assertThatExceptionOfType(BudgetExceededException.class)
				.isThrownBy(() -> chatClient(context).prompt("hello").call().content());
			assertThat(context.getBean("primaryModel", FakeChatModel.class).prompts()).isEmpty();
		});
	}

	@Test
	void unreachablePlatformFailsClosedAndTheModelIsNotCalled() {
		authority.preAuthorizeStatus(503, "{\"error\": {\"code\": \"unavailable\", \"message\": \"down\"}}");
		this.runner.run((context) -> {
			assertThatExceptionOfType(FailClosedException.class)
				.isThrownBy(() -> chatClient(context).prompt("hello").call().content());
			assertThat(context.getBean("primaryModel", FakeChatModel.class).prompts()).isEmpty();
		});
	}

	@Test
	void failedCallIsRecordedAsAFailure() {
		authority.preAuthorize(AUTHORIZED);
		this.runner.run((context) -> {
			context.getBean("primaryModel", FakeChatModel.class).failWith(new IllegalStateException("model down"));
			assertThatExceptionOfType(IllegalStateException.class)
				.isThrownBy(() -> chatClient(context).prompt("hello").call().content())
				.withMessage("model down");
			DocumentContext execution = json(awaitSingle(authority::executions));
			assertThat(execution.<Boolean>read("$.success")).isFalse();
			assertThat(execution.<Integer>read("$.input_tokens")).isZero();
		});
	}

	@Test
	void streamIsRecordedOnceWhenItEnds() {
		authority.preAuthorize(AUTHORIZED);
		this.runner.run((context) -> {
			List<String> chunks = chatClient(context).prompt("hello")
				.stream()
				.content()
				.collectList()
				.block(Duration.ofSeconds(10));
			assertThat(String.join("", chunks)).startsWith("fake-model answered");
			assertThat(authority.preAuthorizations()).hasSize(1);
			DocumentContext execution = json(awaitSingle(authority::executions));
			assertThat(execution.<Boolean>read("$.success")).isTrue();
			assertThat(execution.<Integer>read("$.input_tokens")).isEqualTo(12);
		});
	}

	@Test
	void failedStreamIsRecordedOnceAsAFailure() {
		authority.preAuthorize(AUTHORIZED);
		this.runner.run((context) -> {
			context.getBean("primaryModel", FakeChatModel.class).failWith(new IllegalStateException("model down"));
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(
					() -> chatClient(context).prompt("hello").stream().content().blockLast(Duration.ofSeconds(10)));
			assertThat(json(awaitSingle(authority::executions)).<Boolean>read("$.success")).isFalse();
		});
	}

	@Test
	void cancelledStreamIsRecordedOnceAsNotSuccessful() {
		authority.preAuthorize(AUTHORIZED);
		this.runner.run((context) -> {
			FakeChatModel model = context.getBean("primaryModel", FakeChatModel.class);
			model.streamChunks(3);
			List<String> first = chatClient(context).prompt("hello")
				.stream()
				.content()
				.take(1)
				.collectList()
				.block(Duration.ofSeconds(10));
			assertThat(first).hasSize(1);
			assertThat(json(awaitSingle(authority::executions)).<Boolean>read("$.success")).isFalse();
		});
	}

	@Test
	void streamWithExhaustedBudgetFailsWithBudgetExceeded() {
		authority.preAuthorizeStatus(402, "{\"error\": {\"code\": \"budget_exceeded\", \"message\": \"used\"}}");
		this.runner.run((context) -> {
			assertThatExceptionOfType(BudgetExceededException.class).isThrownBy(
					() -> chatClient(context).prompt("hello").stream().content().blockLast(Duration.ofSeconds(10)));
			assertThat(context.getBean("primaryModel", FakeChatModel.class).prompts()).isEmpty();
		});
	}

	@Test
	void everyModelCallOfAToolLoopIsGoverned() {
		authority.preAuthorize(AUTHORIZED);
		authority.allow("ping", "jrn_ping");
		this.runner.run((context) -> {
			context.getBean("primaryModel", FakeChatModel.class).thenCall("ping", "{}");
			String answer = chatClient(context).prompt("hello")
				.tools(org.springframework.ai.tool.function.FunctionToolCallback
					.builder("ping", () -> "pong")
					.description("Answers pong")
					.build())
				.call()
				.content();
			assertThat(answer).contains("ping=\"pong\"");
			assertThat(authority.preAuthorizations()).hasSize(2);
			assertThat(authority.enforcements()).hasSize(1);
			await().atMost(Duration.ofSeconds(5)).until(() -> authority.executions().size() == 2);
		});
	}

	static ChatClient chatClient(AssertableApplicationContext context) {
		return context.getBean(ChatClient.Builder.class).build();
	}

	static LoggedRequest single(List<LoggedRequest> requests) {
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	static LoggedRequest awaitSingle(java.util.function.Supplier<List<LoggedRequest>> requests) {
		await().atMost(Duration.ofSeconds(5)).until(() -> !requests.get().isEmpty());
		return single(requests.get());
	}

	@Configuration(proxyBeanMethods = false)
	static class Models {

		@Bean
		@Primary
		FakeChatModel primaryModel() {
			return new FakeChatModel();
		}

		@Bean
		FakeChatModel claudeModel() {
			return new FakeChatModel("claude-test");
		}

	}

}
