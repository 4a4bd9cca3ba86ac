package ai.specora.langchain4j.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import ai.specora.client.FailClosedException;
import ai.specora.client.SpecoraBlockedException;
import ai.specora.client.SpecoraSuspendedException;
import ai.specora.client.platform.Provider;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.micrometer.observation.Observation;
import reactor.core.scheduler.Schedulers;

/**
 * A {@link StreamingChatModel} whose every call is pre-authorized on the Specora
 * platform without blocking the caller, dispatched where the platform says, and
 * recorded once, when the stream completes or fails, with the usage of its complete
 * response (see {@link LlmCallGovernor}). A refused call, or one that could not be
 * pre-authorized, is reported to the handler's {@code onError}; the model is not called.
 * A governed tool call of an AI service's streaming tool loop that is suspended, or
 * fails closed, is reported to the handler's {@code onError} too (the AI service's
 * {@code TokenStream.onError}).
 */
public final class GovernedStreamingChatModel implements StreamingChatModel {

	private final StreamingChatModel delegate;

	private final LlmCallGovernor governor;

	private final Map<Provider, StreamingChatModel> otherModels;

	/**
	 * Creates a governed model.
	 * @param delegate the model
	 * @param governor governs its calls
	 * @param otherModels the application's models of other providers, where a call the
	 * platform routes to them goes; read at each call, so it may fill later
	 */
	public GovernedStreamingChatModel(StreamingChatModel delegate, LlmCallGovernor governor,
			Map<Provider, StreamingChatModel> otherModels) {
		this.delegate = Objects.requireNonNull(delegate, "delegate must not be null");
		this.governor = Objects.requireNonNull(governor, "governor must not be null");
		this.otherModels = Collections.unmodifiableMap(otherModels);
	}

	@Override
	public void chat(ChatRequest request, StreamingChatResponseHandler handler) {
		chat(request, ChatRequestOptions.EMPTY, handler);
	}

	@Override
	public void chat(ChatRequest request, ChatRequestOptions options, StreamingChatResponseHandler handler) {
		// the model is called off the client's event loop: a model may do blocking work to start its stream
		this.governor.preAuthorize(request, options).publishOn(Schedulers.boundedElastic()).subscribe((authorized) -> {
			LlmCallGovernor.Dispatch dispatch;
			try {
				dispatch = this.governor.dispatch(authorized, this.otherModels.keySet());
			}
			catch (RuntimeException ex) {
				handler.onError(ex);
				return;
			}
			StreamingChatModel target = dispatch.otherProvider() ? this.otherModels.get(dispatch.provider())
					: this.delegate;
			RecordingHandler recording = new RecordingHandler(handler, dispatch, this.governor);
			try {
				target.chat(dispatch.request(request), options, recording);
			}
			catch (RuntimeException ex) {
				recording.onError(ex);
			}
		}, handler::onError);
	}

	@Override
	public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
		chat(request, ChatRequestOptions.EMPTY, handler);
	}

	@Override
	public ChatRequestParameters defaultRequestParameters() {
		return this.delegate.defaultRequestParameters();
	}

	@Override
	public List<ChatModelListener> listeners() {
		return this.delegate.listeners();
	}

	@Override
	public ModelProvider provider() {
		return this.delegate.provider();
	}

	@Override
	public Set<Capability> supportedCapabilities() {
		return this.delegate.supportedCapabilities();
	}

	/**
	 * The model this one governs.
	 * @return the delegate
	 */
	public StreamingChatModel delegate() {
		return this.delegate;
	}

	@Override
	public String toString() {
		return "GovernedStreamingChatModel[" + this.delegate + "]";
	}

	/**
	 * Passes every event on and records the call once, on its terminal event.
	 */
	private static final class RecordingHandler implements StreamingChatResponseHandler {

		private final StreamingChatResponseHandler handler;

		private final LlmCallGovernor.Dispatch dispatch;

		private final LlmCallGovernor governor;

		private final Observation observation;

		private final long start = System.nanoTime();

		private final AtomicBoolean recorded = new AtomicBoolean();

		RecordingHandler(StreamingChatResponseHandler handler, LlmCallGovernor.Dispatch dispatch,
				LlmCallGovernor governor) {
			this.handler = handler;
			this.dispatch = dispatch;
			this.governor = governor;
			this.observation = governor.start(dispatch);
		}

		@Override
		public void onPartialResponse(String partialResponse) {
			this.handler.onPartialResponse(partialResponse);
		}

		@Override
		public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
			this.handler.onPartialResponse(partialResponse, context);
		}

		@Override
		public void onPartialThinking(PartialThinking partialThinking) {
			this.handler.onPartialThinking(partialThinking);
		}

		@Override
		public void onPartialThinking(PartialThinking partialThinking, PartialThinkingContext context) {
			this.handler.onPartialThinking(partialThinking, context);
		}

		@Override
		public void onPartialToolCall(PartialToolCall partialToolCall) {
			this.handler.onPartialToolCall(partialToolCall);
		}

		@Override
		public void onPartialToolCall(PartialToolCall partialToolCall, PartialToolCallContext context) {
			this.handler.onPartialToolCall(partialToolCall, context);
		}

		@Override
		public void onCompleteToolCall(CompleteToolCall completeToolCall) {
			this.handler.onCompleteToolCall(completeToolCall);
		}

		@Override
		public void onUnmappedRawEvent(Object rawEvent) {
			this.handler.onUnmappedRawEvent(rawEvent);
		}

		/**
		 * Passes the response on; a suspension, a fail-closed or a thrown block of a tool
		 * call that the AI service ran on it (and let out through
		 * {@code SpecoraToolExecutionErrorHandler}) goes to the handler's
		 * {@code onError}, instead of being lost on the model's thread.
		 */
		@Override
		public void onCompleteResponse(ChatResponse completeResponse) {
			record(completeResponse, true);
			try {
				this.handler.onCompleteResponse(completeResponse);
			}
			catch (SpecoraSuspendedException | FailClosedException | SpecoraBlockedException ex) {
				this.handler.onError(ex);
			}
		}

		@Override
		public void onError(Throwable error) {
			record(null, false);
			this.handler.onError(error);
		}

		private void record(ChatResponse response, boolean success) {
			if (this.recorded.compareAndSet(false, true)) {
				this.governor.record(this.dispatch, response, System.nanoTime() - this.start, success,
						this.observation);
			}
		}

	}

}
