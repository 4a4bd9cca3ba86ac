package ai.specora.spring.ai.observation;

import java.util.Locale;

import ai.specora.client.EnforcementResult;
import ai.specora.runtime.observation.DefaultEnforcementObservationConvention;
import ai.specora.runtime.observation.EnforcementObservationContext;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.ObservationView;

import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/**
 * Adds OpenTelemetry GenAI keys to the observations of governed calls, so that a trace
 * shows Spring AI's spans and ours as parent and child with the same vocabulary:
 * <ul>
 * <li>a governed tool call (the engine's {@code specora.enforcement} observation, made
 * inside Spring AI's tool call observation): {@code gen_ai.operation.name=execute_tool},
 * {@code gen_ai.tool.name}, {@code gen_ai.tool.call.id} and
 * {@code gen_ai.conversation.id}, read from Spring AI's enclosing observations, and the
 * decision as {@code guardrail.decision} (low cardinality) and {@code guardrail.journal.id};</li>
 * <li>a governed LLM call ({@code specora.llm}): {@code gen_ai.conversation.id} (the
 * other {@code gen_ai.*} keys are set by its recorder).</li>
 * </ul>
 * The tool name, chosen by the model, is a high-cardinality key value unless tool names
 * may be tags ({@code specora.ai.observations.include-tool-name}); call and conversation
 * ids are high-cardinality key values.
 */
public final class GenAiObservationFilter implements ObservationFilter {

	/** {@code gen_ai.operation.name}. */
	public static final String OPERATION_NAME = "gen_ai.operation.name";

	/** {@code gen_ai.provider.name}. */
	public static final String PROVIDER_NAME = "gen_ai.provider.name";

	/** {@code gen_ai.request.model}. */
	public static final String REQUEST_MODEL = "gen_ai.request.model";

	/** {@code gen_ai.response.model}. */
	public static final String RESPONSE_MODEL = "gen_ai.response.model";

	/** {@code gen_ai.usage.input_tokens}. */
	public static final String USAGE_INPUT_TOKENS = "gen_ai.usage.input_tokens";

	/** {@code gen_ai.usage.output_tokens}. */
	public static final String USAGE_OUTPUT_TOKENS = "gen_ai.usage.output_tokens";

	/** {@code gen_ai.tool.name}. */
	public static final String TOOL_NAME = "gen_ai.tool.name";

	/** {@code gen_ai.tool.call.id}. */
	public static final String TOOL_CALL_ID = "gen_ai.tool.call.id";

	/** {@code gen_ai.conversation.id}. */
	public static final String CONVERSATION_ID = "gen_ai.conversation.id";

	/** The decision of a governed call: {@code allow}, {@code block}, {@code suspend} or {@code none}. */
	public static final String GUARDRAIL_DECISION = "guardrail.decision";

	/** The journal entry of a governed call's decision. */
	public static final String GUARDRAIL_JOURNAL_ID = "guardrail.journal.id";

	/** The value of {@code gen_ai.operation.name} for a tool call. */
	public static final String EXECUTE_TOOL = "execute_tool";

	/** The value of {@code gen_ai.operation.name} for an LLM call. */
	public static final String CHAT = "chat";

	/** The name of Specora's LLM call observation. */
	static final String LLM_OBSERVATION = "specora.llm";

	/** Spring AI's {@code ChatMemory.CONVERSATION_ID}. */
	private static final String CONVERSATION_ID_PARAM = "chat_memory_conversation_id";

	private final boolean toolNameLowCardinality;

	private final ObservationRegistry registry;

	/**
	 * Creates the filter.
	 * @param toolNameLowCardinality whether {@code gen_ai.tool.name} is a low-cardinality
	 * key value (a tag)
	 * @param registry the registry the filter is registered with: the ChatClient call of
	 * a tool call is also looked for among its open scopes (Spring AI's tool call
	 * observation may have no parent), or {@code null}
	 */
	public GenAiObservationFilter(boolean toolNameLowCardinality, ObservationRegistry registry) {
		this.toolNameLowCardinality = toolNameLowCardinality;
		this.registry = registry;
	}

	@Override
	public Observation.Context map(Observation.Context context) {
		if (context instanceof EnforcementObservationContext enforcement) {
			ToolCallingObservationContext toolCall = ancestor(context, ToolCallingObservationContext.class);
			if (toolCall != null) {
				toolCall(enforcement, toolCall);
			}
		}
		else if (LLM_OBSERVATION.equals(context.getName())) {
			String conversationId = conversationId(context);
			if (conversationId != null) {
				context.addHighCardinalityKeyValue(KeyValue.of(CONVERSATION_ID, conversationId));
			}
		}
		return context;
	}

	private void toolCall(EnforcementObservationContext context, ToolCallingObservationContext toolCall) {
		context.addLowCardinalityKeyValue(KeyValue.of(OPERATION_NAME, EXECUTE_TOOL));
		if (toolCall.getToolDefinition() != null) {
			KeyValue toolName = KeyValue.of(TOOL_NAME, toolCall.getToolDefinition().name());
			if (this.toolNameLowCardinality) {
				context.addLowCardinalityKeyValue(toolName);
			}
			else {
				context.addHighCardinalityKeyValue(toolName);
			}
		}
		if (toolCall.getToolCallId() != null && !toolCall.getToolCallId().isEmpty()) {
			context.addHighCardinalityKeyValue(KeyValue.of(TOOL_CALL_ID, toolCall.getToolCallId()));
		}
		String conversationId = conversationId(context);
		if (conversationId != null) {
			context.addHighCardinalityKeyValue(KeyValue.of(CONVERSATION_ID, conversationId));
		}
		EnforcementResult result = context.getResult();
		context.addLowCardinalityKeyValue(KeyValue.of(GUARDRAIL_DECISION, (result != null)
				? result.decision().name().toLowerCase(Locale.ROOT) : DefaultEnforcementObservationConvention.NONE));
		if (result != null && result.journalId() != null) {
			context.addHighCardinalityKeyValue(KeyValue.of(GUARDRAIL_JOURNAL_ID, result.journalId()));
		}
	}

	private String conversationId(Observation.Context context) {
		ChatClientObservationContext chatClient = ancestor(context, ChatClientObservationContext.class);
		if (chatClient == null) {
			chatClient = inOpenScopes(ChatClientObservationContext.class);
		}
		ChatClientRequest request = (chatClient != null) ? chatClient.getRequest() : null;
		Object id = (request != null) ? request.context().get(CONVERSATION_ID_PARAM) : null;
		return (id != null) ? id.toString() : null;
	}

	private <C extends Observation.Context> C inOpenScopes(Class<C> type) {
		Observation.Scope scope = (this.registry != null) ? this.registry.getCurrentObservationScope() : null;
		for (int depth = 0; scope != null && depth < 32; depth++) {
			Observation.ContextView view = scope.getCurrentObservation().getContextView();
			if (type.isInstance(view)) {
				return type.cast(view);
			}
			C ancestor = (view instanceof Observation.Context context) ? ancestor(context, type) : null;
			if (ancestor != null) {
				return ancestor;
			}
			scope = scope.getPreviousObservationScope();
		}
		return null;
	}

	private static <C extends Observation.Context> C ancestor(Observation.Context context, Class<C> type) {
		ObservationView parent = context.getParentObservation();
		for (int depth = 0; parent != null && depth < 16; depth++) {
			Observation.ContextView view = parent.getContextView();
			if (type.isInstance(view)) {
				return type.cast(view);
			}
			parent = view.getParentObservation();
		}
		return null;
	}

}
