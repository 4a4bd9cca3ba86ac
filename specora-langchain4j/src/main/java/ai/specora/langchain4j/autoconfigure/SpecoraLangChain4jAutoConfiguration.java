package ai.specora.langchain4j.autoconfigure;

import ai.specora.client.platform.RoutingHints;
import ai.specora.langchain4j.SpecoraLangChain4j;
import ai.specora.langchain4j.model.ModelPricing;
import ai.specora.langchain4j.tool.BlockedToolResponder;
import ai.specora.langchain4j.tool.SpecoraToolExecutionErrorHandler;
import ai.specora.langchain4j.tool.ToolSettingsException;
import ai.specora.runtime.GovernanceEngine;
import ai.specora.runtime.GovernanceMode;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.ToolProvider;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the governance of LangChain4j: a {@link SpecoraLangChain4j}
 * bean over the application's {@link GovernanceEngine}, the
 * {@link SpecoraToolExecutionErrorHandler} to build AI services with, and a bean post
 * processor that governs every {@code ToolProvider}, {@code ChatModel} and
 * {@code StreamingChatModel} bean.
 * <p>
 * Active when LangChain4j's AI services are on the class path, a
 * {@link GovernanceEngine} bean exists (the starter defines it) and
 * {@code specora.langchain4j.enabled} is not {@code false}. Tool objects handed to
 * {@code AiServices.builder(..).tools(..)} are no beans LangChain4j knows: govern them
 * with {@link SpecoraLangChain4j#tools(Object...)}.
 */
@AutoConfiguration(afterName = { "ai.specora.spring.autoconfigure.SpecoraGovernanceAutoConfiguration",
		"ai.specora.spring.autoconfigure.SpecoraObservationAutoConfiguration" })
@ConditionalOnClass({ AiServices.class, ToolProvider.class })
@ConditionalOnBean(GovernanceEngine.class)
@ConditionalOnProperty(prefix = "specora.langchain4j", name = "enabled", havingValue = "true",
		matchIfMissing = true)
@EnableConfigurationProperties(SpecoraLangChain4jProperties.class)
public final class SpecoraLangChain4jAutoConfiguration {

	/**
	 * The entry point, from {@code specora.langchain4j.*} and {@code specora.mode}.
	 * @param engine governs every call
	 * @param properties the settings
	 * @param environment resolves {@code specora.mode}
	 * @param blockedResponder writes what the model receives for a blocked tool call
	 * @param observationRegistry observes model calls
	 * @return the entry point
	 */
	@Bean
	@ConditionalOnMissingBean
	SpecoraLangChain4j specoraLangChain4j(GovernanceEngine engine, SpecoraLangChain4jProperties properties,
			Environment environment, ObjectProvider<BlockedToolResponder> blockedResponder,
			ObjectProvider<ObservationRegistry> observationRegistry) {
		SpecoraLangChain4jProperties.Chat chat = properties.getChat();
		RoutingHints.Builder hints = RoutingHints.builder();
		if (chat.getAgentName() != null && !chat.getAgentName().isBlank()) {
			hints.agentName(chat.getAgentName());
		}
		if (chat.getPurpose() != null && !chat.getPurpose().isBlank()) {
			hints.purpose(chat.getPurpose());
		}
		SpecoraLangChain4j.Builder builder = SpecoraLangChain4j.builder(engine)
			.toolDefaults(properties.getToolCalls())
			.blockedToolResponder(blockedResponder.getIfAvailable(() -> BlockedToolResponder.DEFAULT))
			.mode(Binder.get(environment)
				.bind("specora.mode", GovernanceMode.class)
				.orElse(GovernanceMode.ENFORCE))
			.provider(chat.getProvider())
			.model(chat.getModel())
			.routingHints(hints.build())
			.pricing(ModelPricing.perMillionTokens(chat.getPricing()))
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
		properties.getTools().forEach(builder::tool);
		try {
			return builder.build();
		}
		catch (ToolSettingsException ex) {
			throw new SpecoraLangChain4jConfigurationException(ex.getProperty(), ex.getMessage(), ex.getAction());
		}
	}

	/**
	 * The tool execution error handler to build governed AI services with: a suspension
	 * or a fail-closed tool call ends the AI service call, unseen by the model.
	 * @param specora the entry point whose tool calls the handler serves
	 * @return the handler
	 */
	@Bean
	@ConditionalOnMissingBean
	SpecoraToolExecutionErrorHandler specoraToolExecutionErrorHandler(SpecoraLangChain4j specora) {
		return specora.toolExecutionErrorHandler();
	}

	/**
	 * Governs the application's tool providers and models.
	 * @param specora the entry point
	 * @param properties the settings
	 * @return the post processor
	 */
	@Bean
	static GovernedLangChain4jBeansPostProcessor specoraLangChain4jBeansPostProcessor(
			ObjectProvider<SpecoraLangChain4j> specora, ObjectProvider<SpecoraLangChain4jProperties> properties) {
		return new GovernedLangChain4jBeansPostProcessor(specora, properties);
	}

}
