package ai.specora.langchain4j;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import ai.specora.client.platform.Provider;
import ai.specora.client.platform.RoutingHints;
import ai.specora.langchain4j.model.GovernedChatModel;
import ai.specora.langchain4j.model.GovernedStreamingChatModel;
import ai.specora.langchain4j.model.LlmCallGovernor;
import ai.specora.langchain4j.model.ModelPricing;
import ai.specora.langchain4j.tool.BlockedToolResponder;
import ai.specora.langchain4j.tool.GovernedToolProvider;
import ai.specora.langchain4j.tool.SettingsToolCallSpecResolver;
import ai.specora.langchain4j.tool.SpecoraToolExecutionErrorHandler;
import ai.specora.langchain4j.tool.ToolCallSpecResolver;
import ai.specora.langchain4j.tool.ToolDefaults;
import ai.specora.langchain4j.tool.ToolGovernor;
import ai.specora.langchain4j.tool.ToolSettings;
import ai.specora.runtime.GovernanceEngine;
import ai.specora.runtime.GovernanceMode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.service.tool.AiServiceTool;
import dev.langchain4j.service.tool.ToolExecutionErrorHandler;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.langchain4j.service.tool.ToolProvider;
import dev.langchain4j.service.tool.ToolService;
import io.micrometer.observation.ObservationRegistry;

/**
 * Governs a LangChain4j application that builds its {@code AiServices} by hand: its
 * tool objects, {@link AiServiceTool}s, {@link ToolProvider}s and models, through one
 * {@link GovernanceEngine}.
 * <pre class="code">
 * SpecoraLangChain4j specora = SpecoraLangChain4j.builder(engine)
 *     .tool("issue_refund", refundSettings)
 *     .build();
 * Assistant assistant = AiServices.builder(Assistant.class)
 *     .chatModel(specora.chatModel(model))
 *     .tools(specora.tools(new SupportTools()))
 *     .toolExecutionErrorHandler(specora.toolExecutionErrorHandler())
 *     .build();
 * </pre>
 * The error handler lets a suspension or a fail-closed call out of the AI service call
 * as {@link ai.specora.client.SpecoraSuspendedException} /
 * {@link ai.specora.client.FailClosedException}: without it LangChain4j's default sends
 * their message to the model as the tool's result.
 */
public final class SpecoraLangChain4j {

	private final GovernanceEngine engine;

	private final ToolGovernor tools;

	private final Provider provider;

	private final String defaultModel;

	private final RoutingHints hints;

	private final ModelPricing pricing;

	private final ObservationRegistry observationRegistry;

	private final Map<Provider, ChatModel> otherChatModels;

	private final Map<Provider, StreamingChatModel> otherStreamingModels;

	private SpecoraLangChain4j(Builder builder) {
		this.engine = builder.engine;
		ToolCallSpecResolver specs = (builder.specs != null) ? builder.specs
				: new SettingsToolCallSpecResolver(builder.toolDefaults, builder.toolSettings);
		this.tools = new ToolGovernor(builder.engine, specs, builder.blockedResponder, builder.mode);
		this.provider = builder.provider;
		this.defaultModel = builder.model;
		this.hints = builder.hints;
		this.pricing = builder.pricing;
		this.observationRegistry = builder.observationRegistry;
		this.otherChatModels = Map.copyOf(builder.otherChatModels);
		this.otherStreamingModels = Map.copyOf(builder.otherStreamingModels);
	}

	/**
	 * A builder over an engine.
	 * @param engine governs every tool call
	 * @return the builder
	 */
	public static Builder builder(GovernanceEngine engine) {
		return new Builder(Objects.requireNonNull(engine, "engine must not be null"));
	}

	/**
	 * The governed tools of tool objects (their {@code @Tool} methods), to hand to
	 * {@code AiServices.builder(..).tools(List)}.
	 * @param toolObjects objects with {@code @Tool} methods
	 * @return their tools, governed
	 */
	public List<AiServiceTool> tools(Object... toolObjects) {
		List<AiServiceTool> found = new ArrayList<>();
		for (Object toolObject : toolObjects) {
			found.addAll(ToolService.findTools(toolObject));
		}
		return aiServiceTools(found);
	}

	/**
	 * Governed {@link AiServiceTool}s, everything else about them unchanged.
	 * @param tools the tools
	 * @return the governed tools
	 */
	public List<AiServiceTool> aiServiceTools(Collection<AiServiceTool> tools) {
		return this.tools.govern(tools);
	}

	/**
	 * Governed tools given as specifications and executors, to hand to
	 * {@code AiServices.builder(..).tools(Map)}.
	 * @param tools the tools
	 * @return the same tools with governed executors
	 */
	public Map<ToolSpecification, ToolExecutor> tools(Map<ToolSpecification, ToolExecutor> tools) {
		Map<ToolSpecification, ToolExecutor> governed = new LinkedHashMap<>();
		tools.forEach((specification, executor) -> governed.put(specification,
				this.tools.govern(specification, executor)));
		return governed;
	}

	/**
	 * A governed tool provider (LangChain4j's MCP tool provider, or the application's).
	 * @param provider the provider
	 * @return the governed provider
	 */
	public ToolProvider toolProvider(ToolProvider provider) {
		return (provider instanceof GovernedToolProvider) ? provider : new GovernedToolProvider(provider, this.tools);
	}

	/**
	 * The error handler a governed AI service is built with, over LangChain4j's default.
	 * @return the handler
	 */
	public SpecoraToolExecutionErrorHandler toolExecutionErrorHandler() {
		return this.tools.errorHandler(ToolExecutionErrorHandler.sendExceptionMessageToLlm());
	}

	/**
	 * The error handler a governed AI service is built with, over the application's.
	 * @param delegate handles every tool error that is not Specora's
	 * @return the handler
	 */
	public SpecoraToolExecutionErrorHandler toolExecutionErrorHandler(ToolExecutionErrorHandler delegate) {
		return this.tools.errorHandler(delegate);
	}

	/**
	 * A governed chat model.
	 * @param model the model
	 * @return the governed model
	 * @throws IllegalStateException when no provider was set and the model's cannot be
	 * told
	 */
	public ChatModel chatModel(ChatModel model) {
		return chatModel(model, null);
	}

	/**
	 * A governed chat model of a given provider.
	 * @param model the model
	 * @param provider its provider, {@code null} for the one set on the builder, else
	 * the model's
	 * @return the governed model
	 * @throws IllegalStateException when no provider was given and the model's cannot
	 * be told
	 */
	public ChatModel chatModel(ChatModel model, Provider provider) {
		return chatModel(model, provider, this.otherChatModels);
	}

	/**
	 * A governed chat model of a given provider, with the models of other providers a
	 * call the platform routes to them goes to.
	 * @param model the model
	 * @param provider its provider, {@code null} for the one set on the builder, else
	 * the model's
	 * @param otherModels the other providers' (ungoverned) models, read at each call
	 * @return the governed model
	 * @throws IllegalStateException when no provider was given and the model's cannot
	 * be told
	 */
	public ChatModel chatModel(ChatModel model, Provider provider, Map<Provider, ChatModel> otherModels) {
		if (model instanceof GovernedChatModel) {
			return model;
		}
		return new GovernedChatModel(model,
				llmGovernor((provider != null) ? provider : providerOf(model.provider())), otherModels);
	}

	/**
	 * A governed streaming chat model.
	 * @param model the model
	 * @return the governed model
	 * @throws IllegalStateException when no provider was set and the model's cannot be
	 * told
	 */
	public StreamingChatModel streamingChatModel(StreamingChatModel model) {
		return streamingChatModel(model, null);
	}

	/**
	 * A governed streaming chat model of a given provider.
	 * @param model the model
	 * @param provider its provider, {@code null} for the one set on the builder, else
	 * the model's
	 * @return the governed model
	 * @throws IllegalStateException when no provider was given and the model's cannot
	 * be told
	 */
	public StreamingChatModel streamingChatModel(StreamingChatModel model, Provider provider) {
		return streamingChatModel(model, provider, this.otherStreamingModels);
	}

	/**
	 * A governed streaming chat model of a given provider, with the models of other
	 * providers a call the platform routes to them goes to.
	 * @param model the model
	 * @param provider its provider, {@code null} for the one set on the builder, else
	 * the model's
	 * @param otherModels the other providers' (ungoverned) models, read at each call
	 * @return the governed model
	 * @throws IllegalStateException when no provider was given and the model's cannot
	 * be told
	 */
	public StreamingChatModel streamingChatModel(StreamingChatModel model, Provider provider,
			Map<Provider, StreamingChatModel> otherModels) {
		if (model instanceof GovernedStreamingChatModel) {
			return model;
		}
		return new GovernedStreamingChatModel(model,
				llmGovernor((provider != null) ? provider : providerOf(model.provider())), otherModels);
	}

	/**
	 * The provider of a model, as a governed model of it would be pre-authorized for.
	 * @param modelProvider the model's LangChain4j provider
	 * @param provider the provider given for it, or {@code null}
	 * @return the provider
	 * @throws IllegalStateException when none was given and the model's cannot be told
	 */
	public Provider providerOf(dev.langchain4j.model.ModelProvider modelProvider, Provider provider) {
		return (provider != null) ? provider : providerOf(modelProvider);
	}

	/**
	 * The tool governor: the adapter of tool calls over the engine.
	 * @return the governor
	 */
	public ToolGovernor toolGovernor() {
		return this.tools;
	}

	private Provider providerOf(dev.langchain4j.model.ModelProvider modelProvider) {
		if (this.provider != null) {
			return this.provider;
		}
		Provider guessed = LlmCallGovernor.providerOf(modelProvider);
		if (guessed == null) {
			throw new IllegalStateException("Specora cannot tell which provider the model of LangChain4j provider "
					+ modelProvider + " calls, and every LLM call is pre-authorized for a provider: set it with "
					+ "SpecoraLangChain4j.builder(..).provider(..) (specora.langchain4j.chat.provider)");
		}
		return guessed;
	}

	private LlmCallGovernor llmGovernor(Provider provider) {
		return new LlmCallGovernor(this.engine.client().platform(), provider, this.defaultModel, this.hints,
				this.pricing, this.engine.client().settings().isVendorModel(), this.engine.completionDispatcher(),
				this.observationRegistry);
	}

	@Override
	public String toString() {
		return "SpecoraLangChain4j[" + this.engine + "]";
	}

	/**
	 * Builds a {@link SpecoraLangChain4j}.
	 */
	public static final class Builder {

		private final GovernanceEngine engine;

		private ToolDefaults toolDefaults = new ToolDefaults();

		private final Map<String, ToolSettings> toolSettings = new LinkedHashMap<>();

		private ToolCallSpecResolver specs;

		private BlockedToolResponder blockedResponder = BlockedToolResponder.DEFAULT;

		private GovernanceMode mode = GovernanceMode.ENFORCE;

		private Provider provider;

		private String model;

		private RoutingHints hints;

		private ModelPricing pricing = ModelPricing.FREE;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private final Map<Provider, ChatModel> otherChatModels = new EnumMap<>(Provider.class);

		private final Map<Provider, StreamingChatModel> otherStreamingModels = new EnumMap<>(Provider.class);

		private Builder(GovernanceEngine engine) {
			this.engine = engine;
		}

		/**
		 * How one tool is governed (the keys of {@code specora.langchain4j.tools.<name>}).
		 * @param name the tool's name
		 * @param settings its settings
		 * @return this builder
		 */
		public Builder tool(String name, ToolSettings settings) {
			this.toolSettings.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(settings, "settings"));
			return this;
		}

		/**
		 * The defaults of every tool (the keys of {@code specora.langchain4j.tool-calls}).
		 * @param defaults the defaults
		 * @return this builder
		 */
		public Builder toolDefaults(ToolDefaults defaults) {
			this.toolDefaults = Objects.requireNonNull(defaults, "defaults");
			return this;
		}

		/**
		 * Tells how each tool is governed, in place of the settings.
		 * @param specs the resolver
		 * @return this builder
		 */
		public Builder toolCallSpecResolver(ToolCallSpecResolver specs) {
			this.specs = specs;
			return this;
		}

		/**
		 * Writes what the model receives for a blocked tool call.
		 * @param blockedResponder the responder
		 * @return this builder
		 */
		public Builder blockedToolResponder(BlockedToolResponder blockedResponder) {
			this.blockedResponder = Objects.requireNonNull(blockedResponder, "blockedResponder");
			return this;
		}

		/**
		 * The mode of tools that set none (default {@code ENFORCE}; {@code specora.mode}).
		 * @param mode the mode
		 * @return this builder
		 */
		public Builder mode(GovernanceMode mode) {
			this.mode = Objects.requireNonNull(mode, "mode");
			return this;
		}

		/**
		 * The provider of the governed models, when it cannot be told from them.
		 * @param provider the provider
		 * @return this builder
		 */
		public Builder provider(Provider provider) {
			this.provider = provider;
			return this;
		}

		/**
		 * The model asked for when a request names none.
		 * @param model the model name
		 * @return this builder
		 */
		public Builder model(String model) {
			this.model = model;
			return this;
		}

		/**
		 * The routing hints of every model call.
		 * @param hints the hints
		 * @return this builder
		 */
		public Builder routingHints(RoutingHints hints) {
			this.hints = hints;
			return this;
		}

		/**
		 * Prices the recorded model calls.
		 * @param pricing the pricing
		 * @return this builder
		 */
		public Builder pricing(ModelPricing pricing) {
			this.pricing = Objects.requireNonNull(pricing, "pricing");
			return this;
		}

		/**
		 * Observes model calls ({@code specora.llm}).
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
			return this;
		}

		/**
		 * Another provider's chat model, where a call the platform routes to it goes.
		 * @param provider its provider
		 * @param model the model
		 * @return this builder
		 */
		public Builder chatModel(Provider provider, ChatModel model) {
			this.otherChatModels.put(provider, model);
			return this;
		}

		/**
		 * Another provider's streaming chat model, where a call the platform routes to it
		 * goes.
		 * @param provider its provider
		 * @param model the model
		 * @return this builder
		 */
		public Builder streamingChatModel(Provider provider, StreamingChatModel model) {
			this.otherStreamingModels.put(provider, model);
			return this;
		}

		/**
		 * Builds it.
		 * @return the entry point
		 */
		public SpecoraLangChain4j build() {
			return new SpecoraLangChain4j(this);
		}

	}

}
