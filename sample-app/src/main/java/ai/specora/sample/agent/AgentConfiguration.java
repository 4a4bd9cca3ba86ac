package ai.specora.sample.agent;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The demo's stand-in model, with {@code sample.agent.scripted-model=true} (set by the
 * demo profile). Leave it off when a real provider starter supplies the ChatModel.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sample.agent.scripted-model", havingValue = "true")
public class AgentConfiguration {

	/**
	 * The scripted stand-in for a real LLM.
	 * @return the model
	 */
	@Bean
	public ChatModel scriptedChatModel() {
		return new ScriptedChatModel();
	}

}
