package ai.specora.langchain4j;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

/**
 * A scripted model: its first answer asks for the scripted tool calls, its next one
 * says what the tools gave ({@code name=result} per tool, in order), so a test can
 * check what the model saw. Every answer reports 100 input and 20 output tokens.
 */
public final class ScriptedChatModel implements ChatModel {

	private final List<ToolExecutionRequest> toolCalls = new ArrayList<>();

	private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();

	private volatile List<ToolExecutionResultMessage> lastToolResults = List.of();

	public ScriptedChatModel thenCall(String id, String tool, String arguments) {
		this.toolCalls.add(ToolExecutionRequest.builder().id(id).name(tool).arguments(arguments).build());
		return this;
	}

	@Override
	public ChatResponse doChat(ChatRequest request) {
		this.requests.add(request);
		List<ChatMessage> messages = request.messages();
		ChatMessage last = messages.get(messages.size() - 1);
		String model = (request.modelName() != null) ? request.modelName() : "gpt-test";
		if (!(last instanceof ToolExecutionResultMessage) && !this.toolCalls.isEmpty()) {
			return ChatResponse.builder()
				.aiMessage(AiMessage.from(List.copyOf(this.toolCalls)))
				.tokenUsage(new TokenUsage(100, 20))
				.modelName(model)
				.build();
		}
		List<ToolExecutionResultMessage> results = new ArrayList<>();
		for (ChatMessage message : messages) {
			if (message instanceof ToolExecutionResultMessage result) {
				results.add(result);
			}
		}
		this.lastToolResults = results;
		String seen = results.stream()
			.map((result) -> result.toolName() + "=" + result.text())
			.collect(Collectors.joining("; "));
		return ChatResponse.builder()
			.aiMessage(AiMessage.from("I saw: " + seen))
			.tokenUsage(new TokenUsage(100, 20))
			.modelName(model)
			.build();
	}

	@Override
	public ModelProvider provider() {
		return ModelProvider.OPEN_AI;
	}

	public List<ChatRequest> requests() {
		return this.requests;
	}

	public List<ToolExecutionResultMessage> lastToolResults() {
		return this.lastToolResults;
	}

}
