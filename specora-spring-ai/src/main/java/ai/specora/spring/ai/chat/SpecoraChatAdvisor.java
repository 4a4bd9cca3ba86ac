package ai.specora.spring.ai.chat;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import ai.specora.client.BudgetExceededException;
import ai.specora.client.platform.PreAuthorizationResult;
import ai.specora.client.platform.PreAuthorizeRequest;
import ai.specora.client.platform.Provider;
import ai.specora.client.platform.ReactivePlatformClient;
import ai.specora.client.platform.RoutingHints;
import ai.specora.client.platform.WorkflowType;
import io.micrometer.observation.Observation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.ChatModelCallAdvisor;
import org.springframework.ai.chat.client.advisor.ChatModelStreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.core.Ordered;

/**
 * Governs every LLM call of a ChatClient (the counterpart of the Node SDK's
 * {@code GovernanceRouter}): pre-authorizes it on the Specora platform with routing
 * hints, honours the provider and model the platform selects, and records the
 * execution with its real token usage, duration, outcome and cost.
 * <p>
 * The advisor sits at the bottom of the chain (see {@link #DEFAULT_ORDER}), so that each
 * model call of a tool calling loop is governed on its own. When the platform selects
 * another provider, the call is dispatched to that provider's {@link ChatModel} bean
 * (see {@link ChatModelCatalog}); when the application has none, the call is refused
 * with {@link LlmCallRefusedException} naming the provider and the property that maps a
 * ChatModel bean to it, unless {@link UnroutableCall#CALL_REQUESTED} lets it call the
 * requested model (and the call's {@link SpecoraChatParams#FALLBACK_ALLOWED} is not
 * {@code false}). A refused call raises
 * {@link LlmCallRefusedException}; an exhausted budget (402)
 * {@link BudgetExceededException}. A streamed call is recorded once, when the stream
 * ends, completes, fails or is cancelled.
 */
public final class SpecoraChatAdvisor implements CallAdvisor, StreamAdvisor {

	/**
	 * The default order: just before Spring AI's own model call advisors, after the tool
	 * calling and memory advisors.
	 */
	public static final int DEFAULT_ORDER = Ordered.LOWEST_PRECEDENCE - 1000;

	private static final String DEFAULT_MODEL = "default";

	private final ReactivePlatformClient platform;

	private final Provider defaultProvider;

	private final String defaultModel;

	private final ChatModelCatalog catalog;

	private final LlmExecutionRecorder recorder;

	private final int order;

	private final UnroutableCall unroutable;

	/**
	 * Creates an advisor.
	 * @param platform the Platform API
	 * @param defaultProvider the provider of the application's ChatModel
	 * @param defaultModel the model asked for when the prompt names none, or
	 * {@code null}
	 * @param catalog the ChatModels by provider
	 * @param recorder records executions
	 * @param order the advisor's order
	 */
	public SpecoraChatAdvisor(ReactivePlatformClient platform, Provider defaultProvider, String defaultModel,
			ChatModelCatalog catalog, LlmExecutionRecorder recorder, int order) {
		this(platform, defaultProvider, defaultModel, catalog, recorder, order, UnroutableCall.REFUSE);
	}

	/**
	 * Creates an advisor.
	 * @param platform the Platform API
	 * @param defaultProvider the provider of the application's ChatModel
	 * @param defaultModel the model asked for when the prompt names none, or
	 * {@code null}
	 * @param catalog the ChatModels by provider
	 * @param recorder records executions
	 * @param order the advisor's order
	 * @param unroutable what a call routed to a provider without a ChatModel does
	 */
	public SpecoraChatAdvisor(ReactivePlatformClient platform, Provider defaultProvider, String defaultModel,
			ChatModelCatalog catalog, LlmExecutionRecorder recorder, int order, UnroutableCall unroutable) {
		this.unroutable = Objects.requireNonNull(unroutable, "unroutable must not be null");
		this.platform = Objects.requireNonNull(platform, "platform must not be null");
		this.defaultProvider = Objects.requireNonNull(defaultProvider, "defaultProvider must not be null");
		this.defaultModel = (defaultModel != null && !defaultModel.isBlank()) ? defaultModel : DEFAULT_MODEL;
		this.catalog = Objects.requireNonNull(catalog, "catalog must not be null");
		this.recorder = Objects.requireNonNull(recorder, "recorder must not be null");
		this.order = order;
	}

	@Override
	public String getName() {
		return "SpecoraChatAdvisor";
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	@Override
	public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
		Route route = route(request);
		PreAuthorizationResult authorization = this.platform.preAuthorize(route.request()).block();
		Dispatch dispatch = dispatch(request, route, authorization);
		Observation observation = this.recorder.start(dispatch.execution());
		long start = System.nanoTime();
		ChatClientResponse response;
		Observation.Scope scope = observation.openScope();
		try {
			response = dispatch.call(chain);
		}
		catch (RuntimeException ex) {
			scope.close();
			this.recorder.record(dispatch.execution(), null, System.nanoTime() - start, false, observation);
			throw ex;
		}
		scope.close();
		this.recorder.record(dispatch.execution(), response.chatResponse(), System.nanoTime() - start, true,
				observation);
		return response;
	}

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		return Mono.fromCallable(() -> route(request))
			.flatMap((route) -> this.platform.preAuthorize(route.request())
				.map((authorization) -> dispatch(request, route, authorization)))
			.flatMapMany((dispatch) -> {
				Observation observation = this.recorder.start(dispatch.execution());
				long start = System.nanoTime();
				AtomicReference<ChatResponse> last = new AtomicReference<>();
				return dispatch.stream(chain).doOnNext((response) -> {
					ChatResponse chatResponse = response.chatResponse();
					if (chatResponse != null && LlmExecutionRecorder.hasUsage(chatResponse)) {
						last.set(chatResponse);
					}
				})
					.doFinally((signal) -> this.recorder.record(dispatch.execution(), last.get(),
							System.nanoTime() - start, signal == SignalType.ON_COMPLETE, observation));
			});
	}

	private Route route(ChatClientRequest request) {
		Map<String, Object> context = request.context();
		Provider provider = provider(context.get(SpecoraChatParams.PROVIDER));
		ChatOptions options = request.prompt().getOptions();
		String model = (options != null && options.getModel() != null && !options.getModel().isBlank())
				? options.getModel() : this.defaultModel;
		RoutingHints.Builder hints = RoutingHints.builder();
		Object agentName = context.get(SpecoraChatParams.AGENT_NAME);
		if (agentName != null) {
			hints.agentName(agentName.toString());
		}
		Object purpose = context.get(SpecoraChatParams.PURPOSE);
		if (purpose != null) {
			hints.purpose(purpose.toString());
		}
		Object capability = context.get(SpecoraChatParams.REQUIRED_CAPABILITY);
		if (capability != null) {
			hints.requiredCapability(capability.toString());
		}
		Object workflowType = context.get(SpecoraChatParams.WORKFLOW_TYPE);
		if (workflowType != null) {
			hints.workflowType((workflowType instanceof WorkflowType type) ? type
					: WorkflowType.fromWireName(workflowType.toString()));
		}
		Boolean fallbackAllowed = fallbackAllowed(context.get(SpecoraChatParams.FALLBACK_ALLOWED));
		if (fallbackAllowed != null) {
			hints.fallbackAllowed(fallbackAllowed);
		}
		PreAuthorizeRequest preAuthorize = PreAuthorizeRequest.builder(provider, model)
			.routingHints(hints.build())
			.build();
		return new Route(provider, model, fallbackAllowed, preAuthorize);
	}

	private Provider provider(Object value) {
		if (value == null) {
			return this.defaultProvider;
		}
		return (value instanceof Provider provider) ? provider : Provider.fromWireName(value.toString());
	}

	private static Boolean fallbackAllowed(Object value) {
		if (value == null) {
			return null;
		}
		return (value instanceof Boolean allowed) ? allowed : Boolean.valueOf(value.toString());
	}

	/**
	 * Applies the platform's answer: where the call goes, or a refusal.
	 */
	private Dispatch dispatch(ChatClientRequest request, Route route, PreAuthorizationResult authorization) {
		if (!authorization.authorized()) {
			throw new LlmCallRefusedException("The LLM call to " + route.provider().wireName() + " '" + route.model()
					+ "' was not authorized by Specora: "
					+ Objects.requireNonNullElse(authorization.reason(), "no reason given"), authorization);
		}
		Provider selected = authorization.selectedProvider();
		String selectedModel = (authorization.selectedModel() != null && !authorization.selectedModel().isBlank())
				? authorization.selectedModel() : route.model();
		if (selected == null || selected == Provider.UNKNOWN || selected == route.provider()) {
			ChatClientRequest routed = selectedModel.equals(route.model()) ? request
					: withModel(request, selectedModel);
			return new Dispatch(routed, null, new LlmExecution(route.provider(), selectedModel, authorization));
		}
		ChatModel other = this.catalog.find(selected);
		if (other != null) {
			return new Dispatch(forOtherProvider(request, selectedModel), other,
					new LlmExecution(selected, selectedModel, authorization));
		}
		if (this.unroutable == UnroutableCall.REFUSE) {
			throw new LlmCallRefusedException("Specora routed the LLM call to " + selected.wireName() + " '"
					+ selectedModel + "', for which this application has no ChatModel. Define a ChatModel bean "
					+ "for " + selected.wireName() + " (mapped with specora.ai.chat.providers.<bean-name>="
					+ selected.wireName() + " when its class does not tell), or set "
					+ "specora.ai.chat.unroutable=call-requested to call the requested model instead",
					authorization);
		}
		if (Boolean.FALSE.equals(route.fallbackAllowed())) {
			throw new LlmCallRefusedException("Specora routed the LLM call to " + selected.wireName() + " '"
					+ selectedModel + "', for which this application has no ChatModel, and fallback is not allowed "
					+ "(map a ChatModel bean with specora.ai.chat.providers.<bean-name>=" + selected.wireName() + ")",
					authorization);
		}
		return new Dispatch(request, null, new LlmExecution(route.provider(), route.model(), authorization));
	}

	private static ChatClientRequest withModel(ChatClientRequest request, String model) {
		Prompt prompt = request.prompt();
		ChatOptions options = (prompt.getOptions() != null) ? prompt.getOptions().mutate().model(model).build()
				: ChatOptions.builder().model(model).build();
		return request.mutate().prompt(prompt.mutate().chatOptions(options).build()).build();
	}

	/**
	 * The request with portable options only: another provider's model does not know
	 * the options type of the requested one.
	 */
	private static ChatClientRequest forOtherProvider(ChatClientRequest request, String model) {
		Prompt prompt = request.prompt();
		ChatOptions options = prompt.getOptions();
		ToolCallingChatOptions.Builder<?> portable = ToolCallingChatOptions.builder().model(model);
		if (options != null) {
			portable.temperature(options.getTemperature())
				.maxTokens(options.getMaxTokens())
				.topP(options.getTopP())
				.stopSequences(options.getStopSequences());
		}
		if (options instanceof ToolCallingChatOptions toolOptions) {
			portable.toolCallbacks(toolOptions.getToolCallbacks()).toolContext(toolOptions.getToolContext());
		}
		return request.mutate().prompt(prompt.mutate().chatOptions(portable.build()).build()).build();
	}

	@Override
	public String toString() {
		return "SpecoraChatAdvisor[" + this.defaultProvider.wireName() + ", order " + this.order + "]";
	}

	private record Route(Provider provider, String model, Boolean fallbackAllowed, PreAuthorizeRequest request) {
	}

	/**
	 * Where an authorized call goes: down the chain, or to another provider's model.
	 */
	private record Dispatch(ChatClientRequest request, ChatModel otherModel, LlmExecution execution) {

		ChatClientResponse call(CallAdvisorChain chain) {
			if (this.otherModel == null) {
				return chain.nextCall(this.request);
			}
			return ChatModelCallAdvisor.builder().chatModel(this.otherModel).build().adviseCall(this.request, chain);
		}

		Flux<ChatClientResponse> stream(StreamAdvisorChain chain) {
			if (this.otherModel == null) {
				return chain.nextStream(this.request);
			}
			return ChatModelStreamAdvisor.builder()
				.chatModel(this.otherModel)
				.build()
				.adviseStream(this.request, chain);
		}

	}

}
