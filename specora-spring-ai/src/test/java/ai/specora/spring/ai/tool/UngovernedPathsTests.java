package ai.specora.spring.ai.tool;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import ai.specora.spring.ai.Authority;
import ai.specora.spring.ai.FakeChatModel;
import ai.specora.spring.ai.SupportTools;
import ai.specora.spring.ai.autoconfigure.SpecoraSpringAiAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraClientAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraConfigurationException;
import ai.specora.spring.autoconfigure.SpecoraEnforcementAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraGovernanceAutoConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.model.tool.ToolExecutionResult;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.function.FunctionToolCallback;
import org.springframework.ai.tool.resolution.StaticToolCallbackResolver;
import org.springframework.ai.tool.resolution.ToolCallbackResolver;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No tool runs ungoverned through a manager or resolver the application wires itself: a
 * tool the model names that the prompt did not carry is governed whoever resolves it,
 * and a manager whose resolution cannot be reached fails start-up.
 */
class UngovernedPathsTests {

	static final Authority authority = new Authority().start();

	static final AtomicInteger wires = new AtomicInteger();

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
		wires.set(0);
	}

	@AfterAll
	static void stopAuthority() {
		authority.stop();
	}

	@Test
	void toolOfTheApplicationsOwnManagersPrivateResolverIsGoverned() {
		authority.block("wire_money", "jrn_wire", "wires need a human");
		this.runner.withUserConfiguration(OwnManagerWithPrivateResolver.class).run((context) -> {
			String answer = GovernedToolCallsTests.ask(context,
					(model) -> model.thenCall("wire_money", "{\"amount\": 5000}"));
			assertThat(wires).as("the blocked tool did not run").hasValue(0);
			assertThat(answer).contains("wires need a human");
			assertThat(authority.enforcements()).hasSize(1);
		});
	}

	@Test
	void toolOfASecondResolverBeanIsGoverned() {
		authority.block("wire_money", "jrn_wire", "wires need a human");
		this.runner.withUserConfiguration(TwoResolvers.class).run((context) -> {
			String answer = GovernedToolCallsTests.ask(context,
					(model) -> model.thenCall("wire_money", "{\"amount\": 5000}"));
			assertThat(wires).as("the blocked tool did not run").hasValue(0);
			assertThat(answer).contains("wires need a human");
		});
	}

	@Test
	void toolResolvedFromAResolverBeanDirectlyIsGoverned() {
		authority.block("wire_money", "jrn_wire", "wires need a human");
		this.runner.withUserConfiguration(TwoResolvers.class).run((context) -> {
			ToolCallback tool = context.getBean("wireResolver", ToolCallbackResolver.class).resolve("wire_money");
			assertThat(tool).isInstanceOf(GovernedToolCallback.class);
			assertThat(tool.call("{\"amount\": 5000}")).contains("wires need a human");
			assertThat(wires).hasValue(0);
		});
	}

	@Test
	void managerWhoseResolutionCannotBeReachedFailsStartUpNamingTheBean() {
		this.runner.withUserConfiguration(CustomManager.class).run((context) -> {
			assertThat(context).hasFailed();
			SpecoraConfigurationException failure = configurationFailure(context.getStartupFailure());
			assertThat(failure.getProperty()).isEqualTo("specora.ai.allow-ungoverned-tools");
			assertThat(failure.getMessage()).contains("'customToolCallingManager'");
			assertThat(failure.getAction()).contains("specora.ai.allow-ungoverned-tools=true");
		});
	}

	@Test
	void managerWhoseResolutionCannotBeReachedStartsWhenUngovernedToolsAreAllowed() {
		this.runner.withUserConfiguration(CustomManager.class)
			.withPropertyValues("specora.ai.allow-ungoverned-tools=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ToolCallingManager.class)).isInstanceOf(GovernedToolCallingManager.class);
			});
	}

	static SpecoraConfigurationException configurationFailure(Throwable failure) {
		for (Throwable ex = failure; ex != null; ex = ex.getCause()) {
			if (ex instanceof SpecoraConfigurationException configuration) {
				return configuration;
			}
		}
		throw new AssertionError("No SpecoraConfigurationException in " + failure, failure);
	}

	static ToolCallback wireMoney() {
		return FunctionToolCallback.builder("wire_money", (WireRequest request) -> {
			wires.incrementAndGet();
			return "wired " + request.amount();
		}).description("Wires money").inputType(WireRequest.class).build();
	}

	record WireRequest(int amount) {
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnManagerWithPrivateResolver {

		@Bean
		ToolCallingManager toolCallingManager() {
			return ToolCallingManager.builder()
				.toolCallbackResolver(new StaticToolCallbackResolver(List.of(wireMoney())))
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoResolvers {

		@Bean
		@Primary
		ToolCallbackResolver lookupResolver() {
			return new StaticToolCallbackResolver(List.of());
		}

		@Bean
		ToolCallbackResolver wireResolver() {
			return new StaticToolCallbackResolver(List.of(wireMoney()));
		}

		@Bean
		ToolCallingManager toolCallingManager(@Qualifier("wireResolver") ToolCallbackResolver resolver) {
			return ToolCallingManager.builder().toolCallbackResolver(resolver).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomManager {

		@Bean
		ToolCallingManager customToolCallingManager() {
			ToolCallingManager delegate = ToolCallingManager.builder().build();
			return new ToolCallingManager() {

				@Override
				public List<ToolDefinition> resolveToolDefinitions(ToolCallingChatOptions chatOptions) {
					return delegate.resolveToolDefinitions(chatOptions);
				}

				@Override
				public ToolExecutionResult executeToolCalls(Prompt prompt, ChatResponse chatResponse) {
					return delegate.executeToolCalls(prompt, chatResponse);
				}

			};
		}

	}

}
