package ai.specora.spring.ai.tool;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.expression.EvaluationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.support.DataBindingPropertyAccessor;
import org.springframework.expression.spel.support.MapAccessor;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * The variables a tool's {@code scope-expression} and {@code args-expression} see, one
 * set per call:
 * <ul>
 * <li>{@code #input}: the tool's input, as a map (the fields of its JSON object, else
 * {@code input} with the raw text);</li>
 * <li>{@code #context}: the {@code ToolContext} map (empty when there is none);</li>
 * <li>{@code #conversationId}: the conversation id, from the tool context entry
 * {@value #CONVERSATION_ID_KEY} (Spring AI's {@code ChatMemory.CONVERSATION_ID}), or
 * {@code null};</li>
 * <li>{@code #toolCallId}: the id the model gave the tool call, or {@code null} when the
 * tool was not called through a governed {@code ToolCallingManager};</li>
 * <li>{@code #principal}: the name of the authenticated user when Spring Security is on
 * the class path and the tool runs on the caller's thread, or {@code null}.</li>
 * </ul>
 * Map entries read as properties too: {@code #input.customerId}. The context is a
 * read-only {@link SimpleEvaluationContext}: no bean references, types or constructors.
 *
 * @param input the tool's input as a map
 * @param context the tool context map
 * @param conversationId the conversation id, or {@code null}
 * @param toolCallId the tool call's id, or {@code null}
 * @param principal the authenticated user's name, or {@code null}
 */
public record ToolCallVariables(Map<String, Object> input, Map<String, Object> context, String conversationId,
		String toolCallId, String principal) {

	/**
	 * The tool context entry that carries the conversation id, the key of Spring AI's
	 * {@code ChatMemory.CONVERSATION_ID}.
	 */
	public static final String CONVERSATION_ID_KEY = "chat_memory_conversation_id";

	/**
	 * Makes the maps unmodifiable.
	 */
	public ToolCallVariables {
		input = (input != null) ? Collections.unmodifiableMap(input) : Map.of();
		context = (context != null) ? Collections.unmodifiableMap(context) : Map.of();
	}

	/**
	 * Evaluates an expression that must give a map.
	 * @param expression the expression
	 * @param property the property that holds it, for error messages
	 * @return the map, with string keys; empty when the expression gives {@code null}
	 * @throws IllegalStateException when it gives no map or cannot be evaluated
	 */
	Map<String, Object> evaluateMap(Expression expression, String property) {
		Object value;
		try {
			value = expression.getValue(evaluationContext());
		}
		catch (EvaluationException ex) {
			throw new IllegalStateException(property + " could not be evaluated: " + ex.getMessage(), ex);
		}
		if (value == null) {
			return Map.of();
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw new IllegalStateException(property + " must give a map, not " + value.getClass().getName());
		}
		Map<String, Object> entries = new LinkedHashMap<>();
		map.forEach((key, entry) -> entries.put(String.valueOf(key), entry));
		return entries;
	}

	private EvaluationContext evaluationContext() {
		SimpleEvaluationContext context = SimpleEvaluationContext
			.forPropertyAccessors(new MapAccessor(false), DataBindingPropertyAccessor.forReadOnlyAccess())
			.withInstanceMethods()
			.build();
		context.setVariable("input", this.input);
		context.setVariable("context", this.context);
		context.setVariable("conversationId", this.conversationId);
		context.setVariable("toolCallId", this.toolCallId);
		context.setVariable("principal", this.principal);
		return context;
	}

}
