package ai.specora.langchain4j.autoconfigure;

import ai.specora.client.platform.Provider;
import ai.specora.langchain4j.SpecoraLangChain4j;
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
		if (bean instanceof ChatModel model) {
			return this.specora.getObject().chatModel(model, provider);
		}
		return this.specora.getObject().streamingChatModel((StreamingChatModel) bean, provider);
	}

}
