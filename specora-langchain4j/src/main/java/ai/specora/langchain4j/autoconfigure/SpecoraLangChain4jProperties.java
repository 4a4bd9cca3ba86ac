package ai.specora.langchain4j.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.specora.client.platform.Provider;
import ai.specora.langchain4j.model.TokenPrice;
import ai.specora.langchain4j.tool.ToolDefaults;
import ai.specora.langchain4j.tool.ToolSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Settings of the governance of a LangChain4j application's tool calls and model calls
 * ({@code specora.langchain4j.*}); the tool keys are those of {@code specora.ai.*}.
 */
@ConfigurationProperties("specora.langchain4j")
public class SpecoraLangChain4jProperties {

	/**
	 * Whether Specora governs the application's LangChain4j ToolProvider, ChatModel and
	 * StreamingChatModel beans.
	 */
	private boolean enabled = true;

	/**
	 * Defaults for every governed tool call.
	 */
	@NestedConfigurationProperty
	private final ToolDefaults toolCalls = new ToolDefaults();

	/**
	 * Per tool, by the tool's name: its action type, scope entries, write flag and
	 * behaviour. A tool without an entry is enforced with its name as action type.
	 * Write names with characters other than letters, digits and '-' in brackets, e.g.
	 * {@code specora.langchain4j.tools[issue_refund].action-type}.
	 */
	private final Map<String, ToolSettings> tools = new LinkedHashMap<>();

	private final Chat chat = new Chat();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public ToolDefaults getToolCalls() {
		return this.toolCalls;
	}

	public Map<String, ToolSettings> getTools() {
		return this.tools;
	}

	public Chat getChat() {
		return this.chat;
	}

	/**
	 * The governance of model calls: ChatModel and StreamingChatModel beans decorated so
	 * that each call is pre-authorized on the Specora platform and recorded.
	 */
	public static class Chat {

		/**
		 * Whether ChatModel and StreamingChatModel beans are governed.
		 */
		private boolean enabled = true;

		/**
		 * The provider of the application's models, sent to the platform; by default told
		 * from each model (OPEN_AI: openai...).
		 */
		private Provider provider;

		/**
		 * The provider of model beans, by bean name, where the model does not tell.
		 */
		private final Map<String, Provider> providers = new LinkedHashMap<>();

		/**
		 * The model asked for when a request names none.
		 */
		private String model;

		/**
		 * The agent name sent as routing hint of every model call.
		 */
		private String agentName;

		/**
		 * The purpose sent as routing hint of every model call.
		 */
		private String purpose;

		/**
		 * Prices in USD per million tokens, by model name, to record each call's cost; a
		 * model without an entry is recorded with cost 0.
		 */
		private final Map<String, TokenPrice> pricing = new LinkedHashMap<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Provider getProvider() {
			return this.provider;
		}

		public void setProvider(Provider provider) {
			this.provider = provider;
		}

		public Map<String, Provider> getProviders() {
			return this.providers;
		}

		public String getModel() {
			return this.model;
		}

		public void setModel(String model) {
			this.model = model;
		}

		public String getAgentName() {
			return this.agentName;
		}

		public void setAgentName(String agentName) {
			this.agentName = agentName;
		}

		public String getPurpose() {
			return this.purpose;
		}

		public void setPurpose(String purpose) {
			this.purpose = purpose;
		}

		public Map<String, TokenPrice> getPricing() {
			return this.pricing;
		}

	}

}
