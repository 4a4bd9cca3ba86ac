package ai.specora.sample.agent;

import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;

/**
 * The support agent: one ChatClient with the agent's tools, built from the
 * auto-configured {@code ChatClient.Builder}, so that every tool call and every LLM call
 * it makes is governed. Built on first use: without a ChatModel (no provider starter, no
 * demo profile) the rest of the application still runs.
 */
@Service
public class SupportAgent {

	static final String SYSTEM = "You are the support agent of an online shop. Use the tools to look customers up "
			+ "and refund payments. When a tool call is refused, tell the user why.";

	private final Supplier<ChatClient> chatClient;

	/**
	 * Creates the agent.
	 * @param builder the auto-configured ChatClient builder
	 * @param chatModels the application's ChatModels, which the builder needs
	 * @param tools the agent's tools
	 */
	public SupportAgent(ObjectProvider<ChatClient.Builder> builder, ObjectProvider<ChatModel> chatModels,
			SupportAgentTools tools) {
		Objects.requireNonNull(tools, "tools must not be null");
		this.chatClient = SingletonSupplier.of(() -> {
			if (chatModels.stream().findAny().isEmpty()) {
				throw new AgentUnavailableException();
			}
			return builder.getObject().defaultSystem(SYSTEM).defaultTools(tools).build();
		});
	}

	/**
	 * Answers one message of a user.
	 * @param message the user's message
	 * @return the agent's answer
	 * @throws AgentUnavailableException when the application has no ChatModel
	 */
	public String answer(String message) {
		return this.chatClient.get().prompt(message).call().content();
	}

}
