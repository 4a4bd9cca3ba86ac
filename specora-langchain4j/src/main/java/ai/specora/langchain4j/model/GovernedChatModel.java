package ai.specora.langchain4j.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import ai.specora.client.platform.Provider;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.micrometer.observation.Observation;

/**
 * A {@link ChatModel} whose every call is pre-authorized on the Specora platform,
 * dispatched where the platform says, and recorded with its real token usage (see
 * {@link LlmCallGovernor}). Hand it to {@code AiServices} in place of the model: each
 * model call of the AI service's tool loop is governed on its own. The pre-authorization
 * is waited for on the calling thread.
 */
public final class GovernedChatModel implements ChatModel {

	private final ChatModel delegate;

	private final LlmCallGovernor governor;

	private final Map<Provider, ChatModel> otherModels;

	/**
	 * Creates a governed model.
	 * @param delegate the model
	 * @param governor governs its calls
	 * @param otherModels the application's models of other providers, where a call the
	 * platform routes to them goes; read at each call, so it may fill later
	 */
	public GovernedChatModel(ChatModel delegate, LlmCallGovernor governor, Map<Provider, ChatModel> otherModels) {
		this.delegate = Objects.requireNonNull(delegate, "delegate must not be null");
		this.governor = Objects.requireNonNull(governor, "governor must not be null");
		this.otherModels = Collections.unmodifiableMap(otherModels);
	}

	@Override
	public ChatResponse chat(ChatRequest request) {
		return chat(request, ChatRequestOptions.EMPTY);
	}

	@Override
	public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
		LlmCallGovernor.Dispatch dispatch = this.governor
			.dispatch(this.governor.preAuthorize(request, options).block(), this.otherModels.keySet());
		ChatModel target = dispatch.otherProvider() ? this.otherModels.get(dispatch.provider()) : this.delegate;
		Observation observation = this.governor.start(dispatch);
		long start = System.nanoTime();
		ChatResponse response;
		Observation.Scope scope = observation.openScope();
		try {
			response = target.chat(dispatch.request(request), options);
		}
		catch (RuntimeException ex) {
			scope.close();
			this.governor.record(dispatch, null, System.nanoTime() - start, false, observation);
			throw ex;
		}
		scope.close();
		this.governor.record(dispatch, response, System.nanoTime() - start, true, observation);
		return response;
	}

	@Override
	public ChatResponse doChat(ChatRequest request) {
		return chat(request, ChatRequestOptions.EMPTY);
	}

	@Override
	public CompletableFuture<ChatResponse> chatAsync(ChatRequest request) {
		return chatAsync(request, ChatRequestOptions.EMPTY);
	}

	/**
	 * Pre-authorizes the call without blocking, then calls the model asynchronously.
	 */
	@Override
	public CompletableFuture<ChatResponse> chatAsync(ChatRequest request, ChatRequestOptions options) {
		return this.governor.preAuthorize(request, options).toFuture().thenCompose((authorized) -> {
			LlmCallGovernor.Dispatch dispatch = this.governor.dispatch(authorized, this.otherModels.keySet());
			ChatModel target = dispatch.otherProvider() ? this.otherModels.get(dispatch.provider()) : this.delegate;
			Observation observation = this.governor.start(dispatch);
			long start = System.nanoTime();
			CompletableFuture<ChatResponse> call;
			try {
				call = target.chatAsync(dispatch.request(request), options);
			}
			catch (RuntimeException ex) {
				this.governor.record(dispatch, null, System.nanoTime() - start, false, observation);
				throw ex;
			}
			return call.whenComplete((response, error) -> this.governor.record(dispatch, response,
					System.nanoTime() - start, error == null, observation));
		});
	}

	@Override
	public CompletableFuture<ChatResponse> doChatAsync(ChatRequest request) {
		return chatAsync(request, ChatRequestOptions.EMPTY);
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
	public ChatModel delegate() {
		return this.delegate;
	}

	@Override
	public String toString() {
		return "GovernedChatModel[" + this.delegate + "]";
	}

}
