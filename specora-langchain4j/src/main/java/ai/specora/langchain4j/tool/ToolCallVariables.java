package ai.specora.langchain4j.tool;

import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * The variables a tool's {@code scope-expression} and {@code args-expression} see, one
 * set per call:
 * <ul>
 * <li>{@code #input}: the tool's arguments, as a map (the fields of their JSON object,
 * else {@code input} with the raw text);</li>
 * <li>{@code #memoryId}: the chat memory id of the AI service call (the
 * {@code @MemoryId} argument, LangChain4j's {@code "default"} without one), or
 * {@code null} when the AI service gave none;</li>
 * <li>{@code #invocationId}: the id of the AI service call (LangChain4j's
 * {@code InvocationContext.invocationId()}, as text), or {@code null} when the tool was
 * called without an invocation context ({@code execute(request, memoryId)});</li>
 * <li>{@code #toolCallId}: the id the model gave the tool call, or {@code null}.</li>
 * </ul>
 * Map entries read as properties too: {@code #input.orderId}. The expressions are
 * evaluated in a read-only {@code SimpleEvaluationContext}: no bean references, types or
 * constructors.
 *
 * @param input the tool's arguments as a map
 * @param memoryId the chat memory id, or {@code null}
 * @param invocationId the AI service call's id, or {@code null}
 * @param toolCallId the tool call's id, or {@code null}
 */
public record ToolCallVariables(Map<String, Object> input, Object memoryId, String invocationId, String toolCallId) {

	/**
	 * The names of the variables, as expressions write them without {@code #}.
	 */
	public static final Set<String> NAMES = Set.of("input", "memoryId", "invocationId",
			"toolCallId");

	/**
	 * Makes the input unmodifiable.
	 */
	public ToolCallVariables {
		input = (input != null) ? Collections.unmodifiableMap(input) : Map.of();
	}

}
