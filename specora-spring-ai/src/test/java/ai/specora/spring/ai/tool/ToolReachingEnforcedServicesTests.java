package ai.specora.spring.ai.tool;

import java.util.concurrent.atomic.AtomicInteger;

import ai.specora.client.FailClosedException;
import ai.specora.spring.Enforced;
import ai.specora.spring.EnforcedFailMode;
import ai.specora.spring.ai.Authority;
import ai.specora.spring.ai.FakeChatModel;
import ai.specora.spring.ai.autoconfigure.SpecoraSpringAiAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraClientAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraEnforcementAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraGovernanceAutoConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static ai.specora.spring.ai.Authority.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A decision governs only the call it was asked for: an {@code @Enforced} service that
 * a governed tool calls asks for its own decision, with its own request and fail mode.
 */
class ToolReachingEnforcedServicesTests {

	static final Authority authority = new Authority().start();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpecoraClientAutoConfiguration.class,
				SpecoraGovernanceAutoConfiguration.class, SpecoraEnforcementAutoConfiguration.class,
				SpecoraSpringAiAutoConfiguration.class, ToolCallingAutoConfiguration.class,
				ChatClientAutoConfiguration.class))
		.withPropertyValues(authority.properties())
		.withPropertyValues("specora.ai.tools.refund_order.action-type=order_support")
		.withUserConfiguration(Refunds.class);

	@BeforeEach
	void reset() {
		authority.reset();
	}

	@AfterAll
	static void stopAuthority() {
		authority.stop();
	}

	@Test
	void anAllowedToolDoesNotRunABlockedServiceItCalls() {
		authority.allow("order_support", "jrn_tool");
		authority.block("payment_refund", "jrn_refund", "refunds need finance");
		this.runner.run((context) -> {
			String answer = ask(context);
			assertThat(context.getBean(RefundService.class).refunds()).hasValue(0);
			assertThat(answer).contains("refunds need finance")
				.contains("The tool 'refund_order' did not complete: Specora blocked its action 'payment_refund'");
			assertThat(authority.enforcements()).extracting((enforce) -> json(enforce).read("$.action_type", String.class))
				.containsExactly("order_support", "payment_refund");
			assertThat(json(authority.enforcements().get(1)).read("$.scope.size", String.class)).isEqualTo("large");
			assertThat(authority.completions()).singleElement()
				.satisfies((completion) -> assertThat(json(completion).read("$.journal_id", String.class))
					.isEqualTo("jrn_tool"));
		});
	}

	@Test
	void anAllowedServiceInAnAllowedToolIsCompletedOnItsOwnEntry() {
		authority.allow("order_support", "jrn_tool");
		authority.allow("payment_refund", "jrn_refund");
		this.runner.run((context) -> {
			ask(context);
			assertThat(context.getBean(RefundService.class).refunds()).hasValue(1);
			assertThat(authority.completions()).extracting((completion) -> json(completion).read("$.journal_id",
					String.class))
				.containsExactlyInAnyOrder("jrn_tool", "jrn_refund");
		});
	}

	@Test
	void aFailOpenToolNeverRunsAFailClosedServiceWithoutItsOwnDecision() {
		authority.unavailable("order_support");
		authority.unavailable("payment_refund");
		this.runner.withPropertyValues("specora.ai.tools.refund_order.fail-mode=open").run((context) -> {
			Throwable thrown = catchThrowable(() -> ask(context));
			assertThat(thrown).isInstanceOf(FailClosedException.class).hasMessageContaining("RefundService.refund");
			assertThat(context.getBean(RefundService.class).refunds()).hasValue(0);
			assertThat(authority.enforcements()).hasSize(2);
		});
	}

	private static String ask(AssertableApplicationContext context) {
		context.getBean(FakeChatModel.class).thenCall("refund_order", "{\"orderId\": \"A-1\"}");
		return context.getBean(ChatClient.Builder.class)
			.build()
			.prompt("refund my order")
			.tools(context.getBean(RefundTools.class))
			.call()
			.content();
	}

	@Configuration(proxyBeanMethods = false)
	static class Refunds {

		@Bean
		FakeChatModel chatModel() {
			return new FakeChatModel();
		}

		@Bean
		RefundService refundService() {
			return new RefundService();
		}

		@Bean
		RefundTools refundTools(RefundService refunds) {
			return new RefundTools(refunds);
		}

	}

	/**
	 * A tool without {@code @Enforced} of its own that calls a governed service.
	 */
	static class RefundTools {

		private final RefundService refunds;

		RefundTools(RefundService refunds) {
			this.refunds = refunds;
		}

		@Tool(name = "refund_order", description = "Refunds an order")
		public String refundOrder(String orderId) {
			return this.refunds.refund(orderId, 250);
		}

	}

	/**
	 * A governed service, fail-closed whatever the client's fail mode.
	 */
	static class RefundService {

		private final AtomicInteger refunds = new AtomicInteger();

		public AtomicInteger refunds() {
			return this.refunds;
		}

		@Enforced(actionType = "payment_refund",
				scope = "{'order': #orderId, 'size': #amount > 100 ? 'large' : 'standard'}", estimatedCost = "#amount",
				writeOp = true, failMode = EnforcedFailMode.CLOSED)
		public String refund(String orderId, int amount) {
			this.refunds.incrementAndGet();
			return "refunded " + amount + " on " + orderId;
		}

	}

}
