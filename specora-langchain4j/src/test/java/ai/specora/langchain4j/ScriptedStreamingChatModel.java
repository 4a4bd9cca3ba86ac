package ai.specora.langchain4j;

import java.util.concurrent.CompletableFuture;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;

/**
 * A {@link ScriptedChatModel} that streams, on another thread: its text in one partial
 * response, then the complete response.
 */
public final class ScriptedStreamingChatModel implements StreamingChatModel {

	private final ScriptedChatModel script;

	public ScriptedStreamingChatModel(ScriptedChatModel script) {
		this.script = script;
	}

	/**
	 * Streams on another thread, as models that call an HTTP API do.
	 */
	@Override
	public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
		CompletableFuture.runAsync(() -> {
			ChatResponse response = this.script.doChat(request);
			if (response.aiMessage().text() != null) {
				handler.onPartialResponse(response.aiMessage().text());
			}
			handler.onCompleteResponse(response);
		});
	}

	@Override
	public ModelProvider provider() {
		return ModelProvider.OPEN_AI;
	}

}
