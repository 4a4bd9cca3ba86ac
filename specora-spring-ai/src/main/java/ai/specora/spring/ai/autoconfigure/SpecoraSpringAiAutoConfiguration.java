package ai.specora.spring.ai.autoconfigure;

import java.time.Duration;
import java.util.function.Supplier;

import ai.specora.runtime.GovernanceEngine;
import ai.specora.spring.ai.tool.BlockedToolResponder;
import ai.specora.spring.ai.tool.EnforcedToolMethods;
import ai.specora.spring.ai.tool.ToolCallGovernor;
import ai.specora.spring.ai.tool.ToolCallSpecResolver;
import ai.specora.spring.ai.tool.ToolWriteHints;
import ai.specora.spring.ai.tool.mcp.McpServerToolGovernor;
import ai.specora.spring.ai.tool.mcp.McpToolCatalog;
import ai.specora.spring.ai.tool.mcp.McpToolWriteHints;
import ai.specora.spring.autoconfigure.SpecoraClientAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraEnforcementAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraGovernanceAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraProperties;
import ai.specora.spring.autoconfigure.observation.SpecoraObservationAutoConfiguration;
import ai.specora.spring.enforcement.EnforcedMethodRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;

import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.mcp.SyncMcpToolCallback;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.resolution.ToolCallbackResolver;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of the governance of Spring AI tool calls: every
 * {@link ToolCallingManager} bean is decorated so that each tool call of every
 * ChatClient built from the auto-configured {@code ChatClient.Builder} is enforced
 * before it runs and completed after.
 * <p>
 * Active when Spring AI is on the class path, a {@link GovernanceEngine} bean exists and
 * {@code specora.ai.enabled} is not {@code false}. Every bean backs off when the
 * application defines its own.
 */
@AutoConfiguration(after = { SpecoraClientAutoConfiguration.class, SpecoraGovernanceAutoConfiguration.class,
		SpecoraEnforcementAutoConfiguration.class, SpecoraObservationAutoConfiguration.class },
		beforeName = "org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration")
@ConditionalOnClass(ToolCallingManager.class)
@ConditionalOnBean(GovernanceEngine.class)
@ConditionalOnProperty(prefix = "specora.ai", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties({ SpecoraAiProperties.class, SpecoraProperties.class })
public final class SpecoraSpringAiAutoConfiguration {

	private static final String SPRING_SECURITY = "org.springframework.security.core.context.SecurityContextHolder";

	/**
	 * Decorates the application's tool calling managers.
	 * @param governor governs each tool call
	 * @param resolver the application's tool resolver
	 * @param environment tells whether {@code specora.ai.allow-ungoverned-tools} is set
	 * @return the post-processor
	 */
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static GovernedToolCallingManagerPostProcessor specoraGovernedToolCallingManagerPostProcessor(
			ObjectProvider<ToolCallGovernor> governor, ObjectProvider<ToolCallbackResolver> resolver,
			Environment environment) {
		return new GovernedToolCallingManagerPostProcessor(governor::getObject, resolver::getIfUnique,
				() -> Binder.get(environment)
					.bind(GovernedToolCallingManagerPostProcessor.ALLOW_UNGOVERNED_TOOLS, Boolean.class)
					.orElse(false));
	}

	/**
	 * Warns when there is no tool calling manager to decorate.
	 * @param managers the application's tool calling managers
	 * @return the notice
	 */
	@Bean
	static UngovernedToolCallsNotice specoraUngovernedToolCallsNotice(ObjectProvider<ToolCallingManager> managers) {
		return new UngovernedToolCallsNotice(managers);
	}

	/**
	 * How each tool is governed, from {@code specora.ai.*}.
	 * @param properties the settings
	 * @param writeHints what tools declare about writing
	 * @param registry what each {@code @Enforced} method asks for, when enforcement is on
	 * @return the resolver
	 */
	@Bean
	@ConditionalOnMissingBean
	ToolCallSpecResolver specoraToolCallSpecResolver(SpecoraAiProperties properties,
			ObjectProvider<ToolWriteHints> writeHints, ObjectProvider<EnforcedMethodRegistry> registry) {
		EnforcedMethodRegistry enforced = registry.getIfUnique();
		return new PropertiesToolCallSpecResolver(properties, writeHints.getIfUnique(() -> ToolWriteHints.NONE),
				(enforced != null) ? new EnforcedToolMethods(enforced) : EnforcedToolMethods.NONE);
	}

	/**
	 * What the model receives for a blocked tool call.
	 * @return the default responder
	 */
	@Bean
	@ConditionalOnMissingBean
	BlockedToolResponder specoraBlockedToolResponder() {
		return BlockedToolResponder.DEFAULT;
	}

	/**
	 * Governs each tool call through the governance engine, like {@code @Enforced}
	 * methods.
	 * @param engine the engine
	 * @param specs how each tool is governed
	 * @param blockedResponder what the model receives for a blocked call
	 * @param properties the settings ({@code specora.mode})
	 * @return the governor
	 */
	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	ToolCallGovernor specoraToolCallGovernor(GovernanceEngine engine, ToolCallSpecResolver specs,
			BlockedToolResponder blockedResponder, SpecoraProperties properties) {
		Supplier<String> principal = ClassUtils.isPresent(SPRING_SECURITY, getClass().getClassLoader())
				? SecurityContextPrincipal::name : () -> null;
		return new ToolCallGovernor(engine, specs, blockedResponder, properties.getMode(), principal);
	}

	/**
	 * OpenTelemetry GenAI keys on the observations of governed tool and LLM calls.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ ObservationRegistry.class, ChatClientObservationContext.class })
	static class GenAiObservationConfiguration {

		@Bean
		static GenAiObservationRegistrar specoraGenAiObservationRegistrar(
				ObjectProvider<ObservationRegistry> registries, SpecoraAiProperties properties) {
			return new GenAiObservationRegistrar(registries, properties.getObservations().isIncludeToolName());
		}

	}

	/**
	 * MCP server tools: every tool specification an MCP server is built with is governed.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ McpServerFeatures.class, McpSyncServer.class })
	static class McpServerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		McpServerToolGovernor specoraMcpServerToolGovernor(ToolCallGovernor governor, ToolCallSpecResolver specs) {
			return new McpServerToolGovernor(governor, specs);
		}

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static GovernedMcpServerToolsPostProcessor specoraGovernedMcpServerToolsPostProcessor(
				ObjectProvider<McpServerToolGovernor> governor) {
			return new GovernedMcpServerToolsPostProcessor(governor::getObject);
		}

		@Bean
		static McpServerToolsCheck specoraMcpServerToolsCheck(ListableBeanFactory beans,
				GovernedMcpServerToolsPostProcessor governed, Environment environment) {
			return new McpServerToolsCheck(beans, governed,
					() -> Binder.get(environment)
						.bind(GovernedToolCallingManagerPostProcessor.ALLOW_UNGOVERNED_TOOLS, Boolean.class)
						.orElse(false));
		}

	}

	/**
	 * MCP client tools: write hints from their annotations.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ SyncMcpToolCallback.class, McpSyncClient.class })
	static class McpConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ToolWriteHints specoraMcpToolWriteHints(ObjectProvider<McpSyncClient> syncClients,
				ObjectProvider<McpAsyncClient> asyncClients) {
			return new McpToolWriteHints(() -> new McpToolCatalog(syncClients.orderedStream().toList(),
					asyncClients.orderedStream().toList(), Duration.ofSeconds(10))
				.get());
		}

	}

}
