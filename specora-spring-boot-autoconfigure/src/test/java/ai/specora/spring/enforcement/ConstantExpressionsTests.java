package ai.specora.spring.enforcement;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import ai.specora.client.EnforceRequest;
import ai.specora.spring.Enforced;
import org.junit.jupiter.api.Test;

import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Constant {@code @Enforced} expressions: recognised once at start-up, evaluated once,
 * their value reused without an evaluation context; every other expression evaluated on
 * each call.
 */
class ConstantExpressionsTests {

	private final SpelExpressionParser parser = new SpelExpressionParser();

	private final EnforcedMethodRegistry registry = new EnforcedMethodRegistry(null);

	@Test
	void literalsInlineCollectionsAndArithmeticAreConstant() {
		for (String text : List.of("{'table': 'users'}", "{'n': 1, 'tags': {'a', 'b'}, 'nested': {'k': null}}",
				"'text'", "0.01 * 2", "2 + 3", "-1", "{:}")) {
			assertThat(ConstantExpressions.isConstant(this.parser.parseExpression(text))).as(text).isTrue();
		}
	}

	@Test
	void parametersVariablesTypesBeansPropertiesAndMethodsAreNotConstant() {
		for (String text : List.of("{'table': #table}", "{'k': #p0}", "{'k': #root.args[0]}", "{'k': args}",
				"{'k': T(java.lang.System).nanoTime()}", "{'k': 'a'.length()}", "{'k': @bean}",
				"{'k': new java.util.ArrayList()}", "{'k': {1, 2}.![#this]}", "1 + #p0")) {
			assertThat(ConstantExpressions.isConstant(this.parser.parseExpression(text))).as(text).isFalse();
		}
	}

	@Test
	void constantAttributesAreEvaluatedOnceAndNeedNoEvaluationContext() {
		EnforcedMethod enforced = enforced(Constant.class);
		AtomicInteger contexts = new AtomicInteger();
		EvaluationContextSource source = () -> {
			contexts.incrementAndGet();
			return enforced.evaluationContext(null, new Object[] { "ignored" });
		};
		EnforceRequest first = enforced.request(source);
		EnforceRequest second = enforced.request(source);
		assertThat(contexts).hasValue(0);
		assertThat(first.scope()).containsExactly(Map.entry("table", "users"), Map.entry("tags", List.of("a", "b")));
		assertThat(first.args()).containsExactly(Map.entry("mode", "fast"));
		assertThat(first.estimatedCost()).isEqualByComparingTo(new BigDecimal("0.02"));
		assertThat(first.estimatedVolume()).isEqualTo(5);
		assertThat(second.scope()).isEqualTo(first.scope());
		assertThat(second.requestId()).isNotEqualTo(first.requestId());
	}

	@Test
	void aConstantValueCannotBeChangedByOneCallForTheNext() {
		EnforcedMethod enforced = enforced(Constant.class);
		EnforceRequest first = enforced.request(() -> enforced.evaluationContext(null, new Object[] { "x" }));
		@SuppressWarnings("unchecked")
		List<Object> tags = (List<Object>) first.scope().get("tags");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> tags.add("c"));
		EnforceRequest second = enforced.request(() -> enforced.evaluationContext(null, new Object[] { "x" }));
		assertThat(second.scope().get("tags")).isEqualTo(List.of("a", "b"));
	}

	@Test
	void parameterBasedAttributesAreEvaluatedOnEachCall() {
		EnforcedMethod enforced = enforced(ParameterBased.class);
		AtomicInteger contexts = new AtomicInteger();
		EnforceRequest users = enforced.request(() -> {
			contexts.incrementAndGet();
			return enforced.evaluationContext(null, new Object[] { "users" });
		});
		EnforceRequest orders = enforced.request(() -> {
			contexts.incrementAndGet();
			return enforced.evaluationContext(null, new Object[] { "orders" });
		});
		assertThat(contexts).hasValue(2);
		assertThat(users.scope()).containsExactly(Map.entry("table", "users"));
		assertThat(orders.scope()).containsExactly(Map.entry("table", "orders"));
		assertThat(orders.args()).containsExactly(Map.entry("mode", "fast"));
	}

	@Test
	void aMethodCallIsEvaluatedOnEachCall() {
		EnforcedMethod enforced = enforced(MethodCall.class);
		AtomicInteger contexts = new AtomicInteger();
		EvaluationContextSource source = () -> {
			contexts.incrementAndGet();
			return enforced.evaluationContext(null, new Object[0]);
		};
		enforced.request(source);
		enforced.request(source);
		assertThat(contexts).hasValue(2);
	}

	@Test
	void aConstantThatCannotBeUsedStillFailsEachCall() {
		EnforcedMethod enforced = enforced(EmptyConstantScope.class);
		assertThatExceptionOfType(EnforcedExpressionException.class)
			.isThrownBy(() -> enforced.request(() -> enforced.evaluationContext(null, new Object[0])))
			.withMessageContaining("an empty map");
		assertThatExceptionOfType(EnforcedExpressionException.class)
			.isThrownBy(() -> enforced.request(() -> enforced.evaluationContext(null, new Object[0])))
			.withMessageContaining("an empty map");
	}

	@Test
	void aConstantThatFailsToEvaluateDoesNotFailStartUpButEachCall() {
		EnforcedMethod enforced = enforced(DividedByZero.class);
		assertThat(enforced).isNotNull();
		assertThatExceptionOfType(ArithmeticException.class)
			.isThrownBy(() -> enforced.request(() -> enforced.evaluationContext(null, new Object[0])));
	}

	private EnforcedMethod enforced(Class<?> type) {
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type)) {
			if (method.getName().equals("run")) {
				return this.registry.getEnforcedMethod(method, type);
			}
		}
		throw new IllegalArgumentException(type.getName());
	}

	public static class Constant {

		@Enforced(actionType = "x", scope = "{'table': 'users', 'tags': {'a', 'b'}}", args = "{'mode': 'fast'}",
				estimatedCost = "0.01 * 2", estimatedVolume = "2 + 3")
		public void run(String ignored) {
		}

	}

	public static class ParameterBased {

		@Enforced(actionType = "x", scope = "{'table': #table}", args = "{'mode': 'fast'}")
		public void run(String table) {
		}

	}

	public static class MethodCall {

		@Enforced(actionType = "x", scope = "{'at': T(java.lang.System).nanoTime()}")
		public void run() {
		}

	}

	public static class DividedByZero {

		@Enforced(actionType = "x", scope = "{'k': 'v'}", estimatedCost = "1 / 0")
		public void run() {
		}

	}

	public static class EmptyConstantScope {

		@Enforced(actionType = "x", scope = "{:}")
		public void run() {
		}

	}

}
