package ai.specora.langchain4j.tool;

import java.util.Map;

/**
 * A tool's {@code scope-expression} or {@code args-expression}: SpEL giving a map,
 * parsed and checked once, evaluated on each call with the {@link ToolCallVariables}.
 * SpEL is Spring's {@code spring-expression}, an optional dependency: an application
 * without it cannot configure expressions (start-up says so, naming the property).
 */
public interface ToolCallExpression {

	/**
	 * Evaluates the expression for one call.
	 * @param variables the call's variables
	 * @return the map it gives, with string keys; empty when it gives {@code null}
	 * @throws IllegalStateException naming the property when it gives no map or cannot
	 * be evaluated
	 */
	Map<String, Object> evaluate(ToolCallVariables variables);

	/**
	 * Parses and checks an expression.
	 * @param property the property that holds it, for error messages
	 * @param expression the SpEL expression
	 * @return the parsed expression
	 * @throws ToolSettingsException naming the property when spring-expression is not on
	 * the class path, the expression is no valid SpEL or refers to an unknown variable
	 */
	static ToolCallExpression parse(String property, String expression) {
		return parse(property, expression, ToolCallExpression.class.getClassLoader());
	}

	/**
	 * Parses and checks an expression, looking for SpEL in a class loader.
	 */
	static ToolCallExpression parse(String property, String expression, ClassLoader classLoader) {
		try {
			Class.forName("org.springframework.expression.spel.standard.SpelExpressionParser", false, classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new ToolSettingsException(property,
					property + " is set, but SpEL is not on the class path: tool expressions need "
							+ "org.springframework:spring-expression",
					"Add the dependency org.springframework:spring-expression (Spring Boot applications have it), or "
							+ "remove " + property + " and use static scope entries");
		}
		return SpelToolCallExpression.parse(property, expression);
	}

}
