package ai.specora.spring.ai;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;

/**
 * A chat model for tests: asks for the scripted tool calls, one round per call, then
 * answers with the tool results it received; records every prompt.
 */
public final class FakeChatModel implements ChatModel {

	private final String name;

	private final Deque<List<AssistantMessage.ToolCall>> rounds = new ArrayDeque<>();

	private final List<Prompt> prompts = new CopyOnWriteArrayList<>();

	private volatile RuntimeException failure;

	private volatile int streamChunks = 1;

	public FakeChatModel() {
		this("fake-model");
	}

	public FakeChatModel(String name) {
		this.name = name;
	}

	/**
	 * Scripts one round of tool calls.
	 */
	public synchronized FakeChatModel thenCall(String tool, String arguments) {
		this.rounds.add(List.of(new AssistantMessage.ToolCall("call_" + (this.rounds.size() + 1), "function", tool,
				arguments)));
		return this;
	}

	public synchronized void reset() {
		this.rounds.clear();
		this.prompts.clear();
		this.failure = null;
	}

	/**
	 * Streams each answer in this many chunks (usage on the last one).
	 */
	public void streamChunks(int chunks) {
		this.streamChunks = chunks;
	}

	/**
	 * Makes every later call fail.
	 */
	public void failWith(RuntimeException failure) {
		this.failure = failure;
	}

	public List<Prompt> prompts() {
		return this.prompts;
	}

	/**
	 * The tool results of the last prompt, as the model saw them.
	 */
	public String lastToolResults() {
		if (this.prompts.isEmpty()) {
			return "";
		}
		return toolResults(this.prompts.get(this.prompts.size() - 1).getInstructions());
	}

	private static String toolResults(List<Message> messages) {
		return messages.stream()
			.filter(ToolResponseMessage.class::isInstance)
			.map(ToolResponseMessage.class::cast)
			.flatMap((message) -> message.getResponses().stream())
			.map((response) -> response.name() + "=" + response.responseData())
			.collect(Collectors.joining("; "));
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		this.prompts.add(prompt);
		if (this.failure != null) {
			throw this.failure;
		}
		List<AssistantMessage.ToolCall> round;
		synchronized (this) {
			round = this.rounds.poll();
		}
		AssistantMessage message = (round != null) ? AssistantMessage.builder().content("").toolCalls(round).build()
				: new AssistantMessage(this.name + " answered: " + toolResults(prompt.getInstructions()));
		return ChatResponse.builder()
			.generations(List.of(new Generation(message)))
			.metadata(ChatResponseMetadata.builder().model(this.name).usage(new DefaultUsage(12, 7)).build())
			.build();
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		return Flux.defer(() -> {
			ChatResponse response = call(prompt);
			int chunks = this.streamChunks;
			if (chunks <= 1 || response.hasToolCalls()) {
				return Flux.just(response);
			}
			String text = response.getResult().getOutput().getText();
			return Flux.range(1, chunks)
				.map((chunk) -> ChatResponse.builder()
					.generations(List.of(new Generation(new AssistantMessage((chunk == 1) ? text : " part " + chunk))))
					.metadata(ChatResponseMetadata.builder()
						.model(this.name)
						.usage((chunk == chunks) ? new DefaultUsage(12, 7) : new DefaultUsage(0, 0))
						.build())
					.build());
		});
	}

	@Override
	public ChatOptions getOptions() {
		return ToolCallingChatOptions.builder().build();
	}

	@Override
	public String toString() {
		return "FakeChatModel[" + this.name + "]";
	}

}
