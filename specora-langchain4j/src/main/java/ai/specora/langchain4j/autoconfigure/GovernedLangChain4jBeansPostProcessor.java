package ai.specora.langchain4j.autoconfigure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ai.specora.client.platform.Provider;
import ai.specora.langchain4j.SpecoraLangChain4j;
import ai.specora.langchain4j.model.GovernedChatModel;
import ai.specora.langchain4j.model.GovernedStreamingChatModel;
import ai.specora.langchain4j.model.LlmCallGovernor;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.service.tool.ToolProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Governs the application's LangChain4j beans as they are created: every
 * {@link ToolProvider} (LangChain4j's MCP tool provider included), and, unless
 * {@code specora.langchain4j.chat.enabled=false}, every {@link ChatModel} and
 * {@link StreamingChatModel}; a model call the platform routes to another provider goes
 * to that provider's model bean.
 */
final class GovernedLangChain4jBeansPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<SpecoraLangChain4j> specora;

	private final ObjectProvider<SpecoraLangChain4jProperties> properties;

	/**
	 * The application's (ungoverned) models by provider, the first of each: where a call
	 * the platform routes to another provider goes.
	 */
	private final Map<Provider, ChatModel> chatModels = new ConcurrentHashMap<>();

	private final Map<Provider, StreamingChatModel> streamingModels = new ConcurrentHashMap<>();

	GovernedLangChain4jBeansPostProcessor(ObjectProvider<SpecoraLangChain4j> specora,
			ObjectProvider<SpecoraLangChain4jProperties> properties) {
		this.specora = specora;
		this.properties = properties;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof ToolProvider provider) {
			return this.specora.getObject().toolProvider(provider);
		}
		if (!(bean instanceof ChatModel) && !(bean instanceof StreamingChatModel)) {
			return bean;
		}
		SpecoraLangChain4jProperties.Chat chat = this.properties.getObject().getChat();
		if (!chat.isEnabled()) {
			return bean;
		}
		Provider provider = chat.getProviders().get(beanName);
		if (provider == null) {
			provider = chat.getProvider();
		}
		ModelProvider modelProvider = (bean instanceof ChatModel model) ? model.provider()
				: ((StreamingChatModel) bean).provider();
		if (provider == null && LlmCallGovernor.providerOf(modelProvider) == null) {
			throw unknownProvider(beanName, modelProvider);
		}
		SpecoraLangChain4j specora = this.specora.getObject();
		Provider resolved = specora.providerOf(modelProvider, provider);
		if (bean instanceof ChatModel model) {
			if (model instanceof GovernedChatModel) {
				return model;
			}
			this.chatModels.putIfAbsent(resolved, model);
			return specora.chatModel(model, resolved, this.chatModels);
		}
		StreamingChatModel model = (StreamingChatModel) bean;
		if (model instanceof GovernedStreamingChatModel) {
			return model;
		}
		this.streamingModels.putIfAbsent(resolved, model);
		return specora.streamingChatModel(model, resolved, this.streamingModels);
	}

	private static SpecoraLangChain4jConfigurationException unknownProvider(String beanName,
			ModelProvider modelProvider) {
		String property = "specora.langchain4j.chat.providers." + beanName;
		return new SpecoraLangChain4jConfigurationException(property,
				"Specora cannot tell which provider the model bean '" + beanName + "' (LangChain4j provider "
						+ modelProvider + ") calls, and every LLM call is pre-authorized for a provider.",
				"Set " + property + " (or specora.langchain4j.chat.provider for every model) to openai, anthropic, "
						+ "gemini, deepseek, qwen, ollama or vllm, e.g.\n\n  specora:\n    langchain4j:\n      chat:\n"
						+ "        providers:\n          " + beanName + ": openai\n\n"
						+ "or leave model beans ungoverned with specora.langchain4j.chat.enabled=false.");
	}

}
