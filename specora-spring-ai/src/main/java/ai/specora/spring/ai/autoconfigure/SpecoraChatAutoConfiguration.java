package ai.specora.spring.ai.autoconfigure;

import java.util.EnumMap;
import java.util.Map;

import ai.specora.client.SpecoraClient;
import ai.specora.client.platform.Provider;
import ai.specora.runtime.CompletionDispatcher;
import ai.specora.spring.ai.chat.ChatModelCatalog;
import ai.specora.spring.ai.chat.LlmExecutionRecorder;
import ai.specora.spring.ai.chat.LlmPricing;
import ai.specora.spring.ai.chat.SpecoraChatAdvisor;
import ai.specora.spring.autoconfigure.SpecoraClientAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraGovernanceAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraConfigurationException;
import ai.specora.spring.autoconfigure.observation.SpecoraObservationAutoConfiguration;
import ai.specora.spring.observation.SpecoraObservations;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientBuilderCustomizer;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * Auto-configuration of the governance of LLM calls: a {@link SpecoraChatAdvisor} added
 * to every auto-configured {@code ChatClient.Builder}.
 * <p>
 * Active when Spring AI's ChatClient is on the class path, a {@link SpecoraClient} bean
 * and a {@link CompletionDispatcher} bean (which delivers the execution records) exist,
 * and neither {@code specora.ai.enabled} nor {@code specora.ai.chat.enabled}
 * is {@code false}. The advisor is created when the first {@code ChatClient.Builder}
 * is, so that an application without a ChatModel is not asked for its provider.
 */
@AutoConfiguration(after = { SpecoraClientAutoConfiguration.class, SpecoraGovernanceAutoConfiguration.class,
		SpecoraObservationAutoConfiguration.class },
		afterName = "org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration")
@ConditionalOnClass(ChatClient.class)
@ConditionalOnBean({ SpecoraClient.class, CompletionDispatcher.class })
@ConditionalOnProperty(prefix = "specora.ai", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnProperty(prefix = "specora.ai.chat", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(SpecoraAiProperties.class)
public final class SpecoraChatAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SpecoraChatAutoConfiguration.class);

	private static final String PROVIDER_PROPERTY = "specora.ai.chat.provider";

	/**
	 * The application's ChatModels by provider: their class names, or
	 * {@code specora.ai.chat.providers.<bean-name>}.
	 * @param beanFactory the ChatModel beans
	 * @param properties the settings
	 * @return the catalog
	 */
	@Bean
	@Lazy
	@ConditionalOnMissingBean
	ChatModelCatalog specoraChatModelCatalog(ConfigurableListableBeanFactory beanFactory,
			SpecoraAiProperties properties) {
		Map<Provider, ChatModel> models = new EnumMap<>(Provider.class);
		beanFactory.getBeansOfType(ChatModel.class).forEach((name, model) -> {
			Provider provider = properties.getChat().getProviders().get(name);
			if (provider == null) {
				provider = ChatModelCatalog.providerOf(model);
			}
			if (provider != null && provider != Provider.UNKNOWN) {
				models.putIfAbsent(provider, model);
			}
		});
		return new ChatModelCatalog(models);
	}

	/**
	 * Prices from {@code specora.ai.chat.pricing}.
	 * @param properties the settings
	 * @return the pricing
	 */
	@Bean
	@ConditionalOnMissingBean
	LlmPricing specoraLlmPricing(SpecoraAiProperties properties) {
		return new PropertiesLlmPricing(properties.getChat().getPricing());
	}

	/**
	 * Records executions on the platform (with the vendor-reseller model) and observes
	 * them.
	 * @param client the client
	 * @param dispatcher delivers the records with the completions
	 * @param pricing prices the calls
	 * @param observations the observation registry, when metrics are on
	 * @return the recorder
	 */
	@Bean
	@Lazy
	@ConditionalOnMissingBean
	LlmExecutionRecorder specoraLlmExecutionRecorder(SpecoraClient client, CompletionDispatcher dispatcher,
			LlmPricing pricing, ObjectProvider<SpecoraObservations> observations) {
		boolean sending = client.settings().isVendorModel();
		if (!sending) {
			logger.info("Specora governs LLM calls without recording them: recordExecution needs "
					+ "specora.vendor-id and specora.tenant-id");
		}
		ObservationRegistry registry = observations.stream()
			.map(SpecoraObservations::registry)
			.findFirst()
			.orElse(ObservationRegistry.NOOP);
		return new LlmExecutionRecorder(dispatcher, pricing, sending, registry);
	}

	/**
	 * The advisor that governs LLM calls.
	 * @param client the client
	 * @param properties the settings
	 * @param chatModel the application's ChatModel, to guess its provider
	 * @param catalog the ChatModels by provider
	 * @param recorder records executions
	 * @return the advisor
	 */
	@Bean
	@Lazy
	@ConditionalOnMissingBean
	SpecoraChatAdvisor specoraChatAdvisor(SpecoraClient client, SpecoraAiProperties properties,
			ObjectProvider<ChatModel> chatModel, ChatModelCatalog catalog, LlmExecutionRecorder recorder) {
		SpecoraAiProperties.Chat chat = properties.getChat();
		Provider provider = chat.getProvider();
		if (provider == null) {
			ChatModel model = chatModel.getIfUnique();
			provider = (model != null) ? ChatModelCatalog.providerOf(model) : null;
		}
		if (provider == null || provider == Provider.UNKNOWN) {
			throw new SpecoraConfigurationException(PROVIDER_PROPERTY,
					"Specora cannot tell which provider the application's ChatModel calls, and every LLM call is "
							+ "pre-authorized for a provider.",
					"Set " + PROVIDER_PROPERTY + " (openai, anthropic, gemini, deepseek, qwen, ollama or vllm), "
							+ "or turn the governance of LLM calls off with specora.ai.chat.enabled=false.");
		}
		return new SpecoraChatAdvisor(client.reactive().platform(), provider, chat.getModel(), catalog, recorder,
				chat.getOrder(), chat.getUnroutable());
	}

	/**
	 * Adds the advisor to every auto-configured {@code ChatClient.Builder}.
	 * @param advisor the advisor
	 * @return the customizer
	 */
	@Bean
	ChatClientBuilderCustomizer specoraChatClientBuilderCustomizer(ObjectProvider<SpecoraChatAdvisor> advisor) {
		return (builder) -> builder.defaultAdvisors(advisor.getObject());
	}

}
