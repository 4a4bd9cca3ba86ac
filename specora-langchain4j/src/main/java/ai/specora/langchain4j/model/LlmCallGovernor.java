package ai.specora.langchain4j.model;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import ai.specora.client.platform.ExecutionRecordRequest;
import ai.specora.client.platform.PreAuthorizationResult;
import ai.specora.client.platform.PreAuthorizeRequest;
import ai.specora.client.platform.Provider;
import ai.specora.client.platform.ReactivePlatformClient;
import ai.specora.runtime.CompletionDispatcher;
import ai.specora.client.platform.RoutingHints;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Governs the model calls of {@link GovernedChatModel} and
 * {@link GovernedStreamingChatModel}, with the rules of the Spring AI chat advisor:
 * each call is pre-authorized on the platform ({@code preAuthorize}) with routing hints;
 * a refusal raises {@link LlmCallRefusedException}, an exhausted budget
 * {@link ai.specora.client.BudgetExceededException}, no answer the client's fail mode;
 * the model the platform selects is called (another provider's model when the
 * application registered one, else the requested model, unless fallback is not
 * allowed); and the execution is recorded ({@code recordExecution}, handed to the
 * engine's {@link CompletionDispatcher}, never failing the call) with its real token
 * usage, duration, outcome and cost. Each
 * call is also a {@code specora.llm} observation.
 * <p>
 * Recording needs the vendor-reseller model ({@code vendor-id} and {@code tenant-id}
 * of the client); without it calls are governed, not recorded.
 */
public final class LlmCallGovernor {

	/**
	 * The name of the observation of governed LLM calls (as in the Spring AI advisor).
	 */
	public static final String OBSERVATION_NAME = "specora.llm";

	private static final String DEFAULT_MODEL = "default";

	private static final Logger logger = LoggerFactory.getLogger(LlmCallGovernor.class);

	private final ReactivePlatformClient platform;

	private final Provider provider;

	private final String defaultModel;

	private final RoutingHints hints;

	private final ModelPricing pricing;

	private final boolean recording;

	private final CompletionDispatcher dispatcher;

	private final ObservationRegistry observationRegistry;

	/**
	 * Creates a governor.
	 * @param platform the Platform API
	 * @param provider the provider of the governed model
	 * @param defaultModel the model asked for when the request names none, or
	 * {@code null} for the model's own default
	 * @param hints the routing hints of every call, {@code null} for none
	 * @param pricing prices the calls
	 * @param recording whether executions are recorded (the vendor-reseller model)
	 * @param dispatcher delivers the execution records, with the completions of governed
	 * calls (see {@link ai.specora.runtime.GovernanceEngine#completionDispatcher()})
	 * @param observationRegistry observes the calls, {@link ObservationRegistry#NOOP}
	 * for none
	 */
	public LlmCallGovernor(ReactivePlatformClient platform, Provider provider, String defaultModel,
			RoutingHints hints, ModelPricing pricing, boolean recording, CompletionDispatcher dispatcher,
			ObservationRegistry observationRegistry) {
		this.platform = Objects.requireNonNull(platform, "platform must not be null");
		this.provider = Objects.requireNonNull(provider, "provider must not be null");
		this.defaultModel = defaultModel;
		this.hints = (hints != null) ? hints : RoutingHints.builder().build();
		this.pricing = Objects.requireNonNull(pricing, "pricing must not be null");
		this.recording = recording;
		this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher must not be null");
		this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry must not be null");
	}

	/**
	 * The Specora provider of a LangChain4j model provider.
	 * @param provider the LangChain4j provider, or {@code null}
	 * @return the provider, or {@code null} when it has no Specora counterpart
	 */
	public static Provider providerOf(ModelProvider provider) {
		if (provider == null) {
			return null;
		}
		return switch (provider) {
			case OPEN_AI, AZURE_OPEN_AI, GITHUB_MODELS -> Provider.OPENAI;
			case ANTHROPIC, GOOGLE_VERTEX_AI_ANTHROPIC -> Provider.ANTHROPIC;
			case GOOGLE_AI_GEMINI, GOOGLE_GENAI, GOOGLE_VERTEX_AI_GEMINI -> Provider.GEMINI;
			case OLLAMA -> Provider.OLLAMA;
			default -> null;
		};
	}

	/**
	 * The provider of the governed model.
	 * @return the provider
	 */
	public Provider provider() {
		return this.provider;
	}

	/**
	 * Asks the platform for one call.
	 * @param request the model request
	 * @param options the call's options; their listener attributes may carry
	 * {@link SpecoraChatAttributes}
	 * @return the route and the platform's answer, once it is had
	 */
	Mono<Authorized> preAuthorize(ChatRequest request, ChatRequestOptions options) {
		return Mono.fromCallable(() -> route(request, options))
			.flatMap((route) -> this.platform.preAuthorize(route.request())
				.map((authorization) -> new Authorized(route, authorization)));
	}

	private Route route(ChatRequest request, ChatRequestOptions options) {
		Map<Object, Object> attributes = (options != null) ? options.listenerAttributes() : Map.of();
		String model = (request.modelName() != null && !request.modelName().isBlank()) ? request.modelName()
				: (this.defaultModel != null && !this.defaultModel.isBlank()) ? this.defaultModel : DEFAULT_MODEL;
		RoutingHints.Builder hints = RoutingHints.builder();
		String agentName = text(attributes.get(SpecoraChatAttributes.AGENT_NAME), this.hints.agentName());
		if (agentName != null) {
			hints.agentName(agentName);
		}
		String purpose = text(attributes.get(SpecoraChatAttributes.PURPOSE), this.hints.purpose());
		if (purpose != null) {
			hints.purpose(purpose);
		}
		String capability = text(attributes.get(SpecoraChatAttributes.REQUIRED_CAPABILITY),
				this.hints.requiredCapability());
		if (capability != null) {
			hints.requiredCapability(capability);
		}
		if (this.hints.workflowType() != null) {
			hints.workflowType(this.hints.workflowType());
		}
		if (this.hints.preferredRegion() != null) {
			hints.preferredRegion(this.hints.preferredRegion());
		}
		Object fallback = attributes.get(SpecoraChatAttributes.FALLBACK_ALLOWED);
		Boolean fallbackAllowed = (fallback != null) ? Boolean.valueOf(fallback.toString())
				: this.hints.fallbackAllowed();
		if (fallbackAllowed != null) {
			hints.fallbackAllowed(fallbackAllowed);
		}
		return new Route(model, fallbackAllowed,
				PreAuthorizeRequest.builder(this.provider, model).routingHints(hints.build()).build());
	}

	private static String text(Object value, String fallback) {
		return (value != null) ? value.toString() : fallback;
	}

	/**
	 * Applies the platform's answer: where the call goes, or a refusal.
	 * @param authorized the route and the answer
	 * @param otherProviders the providers the application has another model for
	 * @return where the call goes
	 * @throws LlmCallRefusedException when the call is refused
	 */
	Dispatch dispatch(Authorized authorized, Set<Provider> otherProviders) {
		Route route = authorized.route();
		PreAuthorizationResult authorization = authorized.authorization();
		if (!authorization.authorized()) {
			throw new LlmCallRefusedException("The LLM call to " + this.provider.wireName() + " '" + route.model()
					+ "' was not authorized by Specora: "
					+ Objects.requireNonNullElse(authorization.reason(), "no reason given"), authorization);
		}
		Provider selected = authorization.selectedProvider();
		String selectedModel = (authorization.selectedModel() != null && !authorization.selectedModel().isBlank())
				? authorization.selectedModel() : route.model();
		if (selected == null || selected == Provider.UNKNOWN || selected == this.provider) {
			return new Dispatch(this.provider, selectedModel, !selectedModel.equals(route.model()), false,
					authorization);
		}
		if (otherProviders.contains(selected)) {
			return new Dispatch(selected, selectedModel, true, true, authorization);
		}
		if (Boolean.FALSE.equals(route.fallbackAllowed())) {
			throw new LlmCallRefusedException("Specora routed the LLM call to " + selected.wireName() + " '"
					+ selectedModel + "', for which this application has no model, and fallback is not allowed",
					authorization);
		}
		return new Dispatch(this.provider, route.model(), false, false, authorization);
	}

	/**
	 * Starts the observation of a call that is about to be made.
	 * @param dispatch where the call goes
	 * @return the started observation, a no-op one when observation is off
	 */
	Observation start(Dispatch dispatch) {
		if (this.observationRegistry.isNoop()) {
			return Observation.NOOP;
		}
		return Observation.createNotStarted(OBSERVATION_NAME, this.observationRegistry)
			.lowCardinalityKeyValue("provider", dispatch.provider().wireName())
			.start();
	}

	/**
	 * Records one call.
	 * @param dispatch where the call went
	 * @param response the (last) response, or {@code null}
	 * @param durationNanos how long the call took
	 * @param success whether it succeeded
	 * @param observation the call's observation
	 */
	void record(Dispatch dispatch, ChatResponse response, long durationNanos, boolean success,
			Observation observation) {
		if (!observation.isNoop()) {
			observation.lowCardinalityKeyValue("outcome", success ? "success" : "failure").stop();
		}
		if (!this.recording) {
			return;
		}
		ExecutionRecordRequest request;
		try {
			request = recordRequest(dispatch, response, durationNanos, success);
		}
		catch (RuntimeException ex) {
			logger.error("Specora could not make the execution record of an LLM call to {} '{}'; it is not recorded: {}",
					dispatch.provider().wireName(), dispatch.model(), ex.toString());
			return;
		}
		this.dispatcher.dispatchExecutionRecord(request);
	}

	private ExecutionRecordRequest recordRequest(Dispatch dispatch, ChatResponse response, long durationNanos,
			boolean success) {
		TokenUsage usage = (response != null) ? response.tokenUsage() : null;
		long input = (usage != null) ? tokens(usage.inputTokenCount()) : 0;
		long output = (usage != null) ? tokens(usage.outputTokenCount()) : 0;
		String actualModel = (response != null && response.modelName() != null && !response.modelName().isBlank())
				? response.modelName() : dispatch.model();
		ExecutionRecordRequest.Builder builder = ExecutionRecordRequest.builder(dispatch.provider(), actualModel)
			.tokens(input, output)
			.costMicros(Math.max(0, this.pricing.costMicros(dispatch.provider(), actualModel, input, output)))
			.duration(Duration.ofNanos(durationNanos))
			.success(success);
		if (dispatch.authorization().authorizationId() != null) {
			builder.metadata("authorization_id", dispatch.authorization().authorizationId());
		}
		return builder.build();
	}

	private static long tokens(Integer count) {
		return (count != null && count > 0) ? count : 0;
	}

	@Override
	public String toString() {
		return "LlmCallGovernor[" + this.provider.wireName() + "]";
	}

	record Route(String model, Boolean fallbackAllowed, PreAuthorizeRequest request) {
	}

	record Authorized(Route route, PreAuthorizationResult authorization) {
	}

	/**
	 * Where an authorized call goes.
	 *
	 * @param provider the provider that runs it
	 * @param model the model asked for
	 * @param modelChanged whether the request must name the model
	 * @param otherProvider whether another provider's model runs it
	 * @param authorization the platform's answer
	 */
	record Dispatch(Provider provider, String model, boolean modelChanged, boolean otherProvider,
			PreAuthorizationResult authorization) {

		/**
		 * The request to send: the model named when it changed; for another provider's
		 * model only the portable parameters.
		 */
		ChatRequest request(ChatRequest request) {
			if (this.otherProvider) {
				ChatRequestParameters parameters = request.parameters();
				return ChatRequest.builder()
					.messages(request.messages())
					.parameters(ChatRequestParameters.builder()
						.modelName(this.model)
						.temperature(parameters.temperature())
						.topP(parameters.topP())
						.maxOutputTokens(parameters.maxOutputTokens())
						.stopSequences(parameters.stopSequences())
						.toolSpecifications(parameters.toolSpecifications())
						.toolChoice(parameters.toolChoice())
						.responseFormat(parameters.responseFormat())
						.build())
					.build();
			}
			if (!this.modelChanged) {
				return request;
			}
			return request.toBuilder()
				.parameters(request.parameters()
					.overrideWith(ChatRequestParameters.builder().modelName(this.model).build()))
				.build();
		}

	}

}
