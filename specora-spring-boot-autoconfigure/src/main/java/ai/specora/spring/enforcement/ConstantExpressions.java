package ai.specora.spring.enforcement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.expression.Expression;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.InlineList;
import org.springframework.expression.spel.ast.InlineMap;
import org.springframework.expression.spel.ast.Literal;
import org.springframework.expression.spel.ast.OpDivide;
import org.springframework.expression.spel.ast.OpMinus;
import org.springframework.expression.spel.ast.OpMultiply;
import org.springframework.expression.spel.ast.OpPlus;
import org.springframework.expression.spel.standard.SpelExpression;

/**
 * Decides, once at start-up, whether an {@code @Enforced} expression is a constant: made
 * only of literals, inline lists and maps and arithmetic on them, so that it refers to
 * no parameter, variable, bean, type, property or method and gives the same value on
 * every call. Such an expression is evaluated once and its value reused.
 */
final class ConstantExpressions {

	private ConstantExpressions() {
	}

	/**
	 * Whether the expression gives the same value on every call.
	 * @param expression a parsed expression
	 * @return {@code true} for a SpEL expression of literals only
	 */
	static boolean isConstant(Expression expression) {
		return expression instanceof SpelExpression spel && isConstant(spel.getAST());
	}

	private static boolean isConstant(SpelNode node) {
		if (!(node instanceof Literal || node instanceof InlineList || node instanceof InlineMap
				|| node instanceof OpPlus || node instanceof OpMinus || node instanceof OpMultiply
				|| node instanceof OpDivide)) {
			return false;
		}
		for (int i = 0; i < node.getChildCount(); i++) {
			if (!isConstant(node.getChild(i))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * An immutable copy of a map given by a constant expression, its keys as strings,
	 * nested lists and maps copied too, so that no call can change what the next one
	 * sends.
	 * @param map the value of the expression
	 * @return the copy
	 */
	static Map<String, Object> immutableMap(Map<?, ?> map) {
		Map<String, Object> copy = new LinkedHashMap<>(map.size() * 2);
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			copy.put(String.valueOf(entry.getKey()), immutable(entry.getValue()));
		}
		return Collections.unmodifiableMap(copy);
	}

	private static Object immutable(Object value) {
		if (value instanceof Map<?, ?> map) {
			return immutableMap(map);
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			for (Object element : list) {
				copy.add(immutable(element));
			}
			return Collections.unmodifiableList(copy);
		}
		return value;
	}

}
