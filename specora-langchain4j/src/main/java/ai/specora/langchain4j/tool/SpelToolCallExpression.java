package ai.specora.langchain4j.tool;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.expression.EvaluationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.DataBindingPropertyAccessor;
import org.springframework.expression.spel.support.MapAccessor;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * A {@link ToolCallExpression} in SpEL. Loaded only when a tool has an expression, so
 * that the module works without spring-expression.
 */
final class SpelToolCallExpression implements ToolCallExpression {

	private static final SpelExpressionParser parser = new SpelExpressionParser();

	private static final String EXAMPLE = "{'order': #input.orderId, 'conversation': #memoryId}";

	private final String property;

	private final Expression expression;

	private SpelToolCallExpression(String property, Expression expression) {
		this.property = property;
		this.expression = expression;
	}

	static SpelToolCallExpression parse(String property, String expression) {
		Expression parsed;
		try {
			parsed = parser.parseExpression(expression);
		}
		catch (ParseException ex) {
			throw new ToolSettingsException(property,
					"The expression of " + property + " is no valid SpEL: " + ex.getMessage(),
					"Fix " + property + ": a SpEL expression giving a map, e.g. " + EXAMPLE);
		}
		Set<String> unknown = new TreeSet<>();
		if (parsed instanceof SpelExpression spel) {
			collectUnknownVariables(spel.getAST(), unknown);
		}
		if (!unknown.isEmpty()) {
			throw new ToolSettingsException(property,
					"The expression of " + property + " refers to " + unknown + ", which "
							+ ((unknown.size() == 1) ? "is no variable" : "are no variables") + " of a tool call "
							+ new TreeSet<>(ToolCallVariables.NAMES),
					"In " + property + ", use #input, #memoryId, #invocationId and #toolCallId, e.g. " + EXAMPLE);
		}
		return new SpelToolCallExpression(property, parsed);
	}

	private static void collectUnknownVariables(SpelNode node, Set<String> unknown) {
		if (node instanceof VariableReference) {
			String name = node.toStringAST().substring(1);
			if (!ToolCallVariables.NAMES.contains(name) && !"root".equals(name) && !"this".equals(name)) {
				unknown.add("#" + name);
			}
		}
		for (int i = 0; i < node.getChildCount(); i++) {
			collectUnknownVariables(node.getChild(i), unknown);
		}
	}

	@Override
	public Map<String, Object> evaluate(ToolCallVariables variables) {
		Object value;
		try {
			value = this.expression.getValue(evaluationContext(variables));
		}
		catch (EvaluationException ex) {
			throw new IllegalStateException(this.property + " could not be evaluated: " + ex.getMessage(), ex);
		}
		if (value == null) {
			return Map.of();
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw new IllegalStateException(this.property + " must give a map, not " + value.getClass().getName());
		}
		Map<String, Object> entries = new LinkedHashMap<>();
		map.forEach((key, entry) -> entries.put(String.valueOf(key), entry));
		return entries;
	}

	private static EvaluationContext evaluationContext(ToolCallVariables variables) {
		SimpleEvaluationContext context = SimpleEvaluationContext
			.forPropertyAccessors(new MapAccessor(false), DataBindingPropertyAccessor.forReadOnlyAccess())
			.withInstanceMethods()
			.build();
		context.setVariable("input", variables.input());
		context.setVariable("memoryId", variables.memoryId());
		context.setVariable("invocationId", variables.invocationId());
		context.setVariable("toolCallId", variables.toolCallId());
		return context;
	}

	@Override
	public String toString() {
		return this.property + ": " + this.expression.getExpressionString();
	}

}
