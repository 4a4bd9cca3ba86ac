package ai.specora.langchain4j.autoconfigure;

import ai.specora.client.platform.Provider;
import ai.specora.langchain4j.SpecoraLangChain4j;
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
 * {@link StreamingChatModel}.
 */
final class GovernedLangChain4jBeansPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<SpecoraLangChain4j> specora;

	private final ObjectProvider<SpecoraLangChain4jProperties> properties;

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
		if (bean instanceof ChatModel model) {
			return this.specora.getObject().chatModel(model, provider);
		}
		return this.specora.getObject().streamingChatModel((StreamingChatModel) bean, provider);
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
