package ai.specora.spring.ai.chat;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import ai.specora.client.platform.Provider;

import org.springframework.ai.chat.model.ChatModel;

/**
 * The application's ChatModels by provider, resolved once at start-up: where a call the
 * platform routes to another provider is dispatched.
 */
public final class ChatModelCatalog {

	private final Map<Provider, ChatModel> models;

	/**
	 * Creates a catalog.
	 * @param models the ChatModel of each provider
	 */
	public ChatModelCatalog(Map<Provider, ChatModel> models) {
		Map<Provider, ChatModel> copy = new EnumMap<>(Provider.class);
		copy.putAll(Objects.requireNonNull(models, "models must not be null"));
		this.models = Collections.unmodifiableMap(copy);
	}

	/**
	 * The ChatModel of a provider.
	 * @param provider the provider
	 * @return its model, or {@code null} when the application has none
	 */
	public ChatModel find(Provider provider) {
		return (provider != null) ? this.models.get(provider) : null;
	}

	/**
	 * The providers with a ChatModel.
	 * @return the providers
	 */
	public Map<Provider, ChatModel> models() {
		return this.models;
	}

	/**
	 * Guesses the provider of a ChatModel from its class name, as Spring AI names its
	 * models ({@code OpenAiChatModel}, {@code AnthropicChatModel}...).
	 * @param model the model
	 * @return the provider, or {@code null} when the name says nothing
	 */
	public static Provider providerOf(ChatModel model) {
		String name = model.getClass().getSimpleName().toLowerCase(Locale.ROOT);
		if (name.contains("openai") || name.contains("azureopenai")) {
			return Provider.OPENAI;
		}
		if (name.contains("anthropic")) {
			return Provider.ANTHROPIC;
		}
		if (name.contains("gemini") || name.contains("googlegenai") || name.contains("vertexai")) {
			return Provider.GEMINI;
		}
		if (name.contains("deepseek")) {
			return Provider.DEEPSEEK;
		}
		if (name.contains("dashscope") || name.contains("qwen")) {
			return Provider.QWEN;
		}
		if (name.contains("ollama")) {
			return Provider.OLLAMA;
		}
		return null;
	}

	@Override
	public String toString() {
		return "ChatModelCatalog" + this.models.keySet();
	}

}
