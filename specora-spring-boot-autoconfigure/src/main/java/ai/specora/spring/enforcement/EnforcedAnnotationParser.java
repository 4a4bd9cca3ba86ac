package ai.specora.spring.enforcement;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.BaseStream;

import ai.specora.spring.Enforced;
import ai.specora.spring.EnforcedFailMode;
import ai.specora.spring.EnforcedMode;
import ai.specora.spring.OnSuspend;
import reactor.core.publisher.Mono;

import org.springframework.core.KotlinDetector;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.util.ClassUtils;

/**
 * Parses one {@code @Enforced} declaration, once, into an {@link EnforcedMethod}: the
 * literal attributes into an {@link EnforcedPolicy}, the expressions into
 * {@link EnforcedExpressions} (each checked for unknown variables), and the return type
 * into how it is governed. Every mistake is an {@link EnforcedMethodDefinitionException}
 * naming the class, method and attribute.
 */
final class EnforcedAnnotationParser {

	private final SpelExpressionParser parser = new SpelExpressionParser();

	private final ParameterNameDiscoverer parameterNameDiscoverer;

	private final Supplier<ReactiveAdapterRegistry> reactiveAdapterRegistry;

	private final StandardEvaluationContext sharedContext;

	/**
	 * Creates a parser.
	 * @param parameterNameDiscoverer how parameter names are found
	 * @param reactiveAdapterRegistry the reactive types that can be governed, asked only
	 * for a return type that may be one (obtaining Spring's shared registry loads Reactor)
	 * @param sharedContext the evaluation context the expressions share
	 */
	EnforcedAnnotationParser(ParameterNameDiscoverer parameterNameDiscoverer,
			Supplier<ReactiveAdapterRegistry> reactiveAdapterRegistry, StandardEvaluationContext sharedContext) {
		this.parameterNameDiscoverer = parameterNameDiscoverer;
		this.reactiveAdapterRegistry = reactiveAdapterRegistry;
		this.sharedContext = sharedContext;
	}

	EnforcedMethod parse(MergedAnnotation<Enforced> annotation, Method method, Class<?> type) {
		String[] names = this.parameterNameDiscoverer.getParameterNames(method);
		ParameterBindings bindings = ParameterBindings.of(method.getParameterCount(), names);
		ExpressionParsing parsing = new ExpressionParsing(type, method, bindings);
		String actionType = annotation.getString("actionType");
		if (actionType.isBlank()) {
			throw parsing.error(EnforcedMethodDefinitionException.Problem.EMPTY_ATTRIBUTE, "actionType",
					"set the action type, e.g. actionType = \"db_write\"", null);
		}
		String scopeText = annotation.getString(EnforcedMethod.SCOPE);
		if (scopeText.isBlank()) {
			throw parsing.error(EnforcedMethodDefinitionException.Problem.EMPTY_ATTRIBUTE, EnforcedMethod.SCOPE,
					"the scope is required: the audit trail needs to know what the action touches", null);
		}
		Expression scope = parsing.parse(EnforcedMethod.SCOPE, scopeText, false);
		String argsText = annotation.getString(EnforcedMethod.ARGS);
		Expression args = argsText.isBlank() ? null : parsing.parse(EnforcedMethod.ARGS, argsText, false);
		String costText = annotation.getString(EnforcedMethod.ESTIMATED_COST);
		BigDecimal constantCost = constantDecimal(costText.isBlank() ? "0" : costText);
		if (constantCost != null && constantCost.signum() < 0) {
			throw parsing.error(EnforcedMethodDefinitionException.Problem.INVALID_VALUE, EnforcedMethod.ESTIMATED_COST,
					"the estimated cost must not be negative", null);
		}
		Expression cost = (constantCost != null) ? null
				: parsing.parse(EnforcedMethod.ESTIMATED_COST, costText, false);
		String volumeText = annotation.getString(EnforcedMethod.ESTIMATED_VOLUME);
		Long constantVolume = constantLong(volumeText.isBlank() ? "1" : volumeText);
		if (constantVolume != null && constantVolume < 0) {
			throw parsing.error(EnforcedMethodDefinitionException.Problem.INVALID_VALUE,
					EnforcedMethod.ESTIMATED_VOLUME, "the estimated volume must not be negative", null);
		}
		Expression volume = (constantVolume != null) ? null
				: parsing.parse(EnforcedMethod.ESTIMATED_VOLUME, volumeText, false);
		String costActualText = annotation.getString(EnforcedMethod.COST_ACTUAL);
		Expression costActual = costActualText.isBlank() ? null
				: parsing.parse(EnforcedMethod.COST_ACTUAL, costActualText, true);
		String requestIdText = annotation.getString(EnforcedMethod.REQUEST_ID);
		Expression requestId = requestIdText.isBlank() ? null
				: parsing.parse(EnforcedMethod.REQUEST_ID, requestIdText, false);
		OnSuspend onSuspend = annotation.getEnum("onSuspend", OnSuspend.class);
		Duration approvalTimeout = approvalTimeout(annotation.getString("approvalTimeout"), parsing);
		EnforcedFailMode failMode = annotation.getEnum("failMode", EnforcedFailMode.class);
		EnforcedMethod.ReturnKind kind = returnKind(method, type);
		ReactiveAdapter adapter = (kind != EnforcedMethod.ReturnKind.REACTIVE) ? null
				: this.reactiveAdapterRegistry.get()
					.getAdapter(KotlinDetector.isSuspendingFunction(method) ? Mono.class : method.getReturnType());
		Map<String, Object> constantScope = constantMap(scope, false);
		Map<String, Object> constantArgs = constantMap(args, true);
		if (constantCost == null) {
			constantCost = constantCost(cost);
		}
		if (constantVolume == null) {
			constantVolume = constantVolume(volume);
		}
		EnforcedExpressions expressions = new EnforcedExpressions((constantScope != null) ? null : scope,
				constantScope, (constantArgs != null) ? null : args, constantArgs, constantCost,
				(constantCost != null) ? null : cost, constantVolume, (constantVolume != null) ? null : volume,
				costActual, requestId);
		return new EnforcedMethod(method, type, actionType.trim(), annotation.getBoolean("writeOp"), expressions,
				new EnforcedPolicy(failMode, onSuspend, approvalTimeout, annotation.getEnum("mode", EnforcedMode.class)), kind, adapter, bindings, this.sharedContext);
	}

	private static Duration approvalTimeout(String text, ExpressionParsing parsing) {
		String value = text.trim();
		Duration timeout;
		try {
			timeout = (value.startsWith("P") || value.startsWith("p")) ? Duration.parse(value)
					: Duration.ofSeconds(Long.parseLong(value));
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			throw parsing.error(EnforcedMethodDefinitionException.Problem.INVALID_VALUE, "approvalTimeout",
					"'" + text + "' is neither an ISO-8601 duration (PT5M) nor a number of seconds", ex);
		}
		if (timeout.isZero() || timeout.isNegative()) {
			throw parsing.error(EnforcedMethodDefinitionException.Problem.INVALID_VALUE, "approvalTimeout",
					"the approval timeout must be positive, but was '" + text + "'", null);
		}
		return timeout;
	}

	private EnforcedMethod.ReturnKind returnKind(Method method, Class<?> type) {
		Class<?> returnType = method.getReturnType();
		if (KotlinDetector.isSuspendingFunction(method)) {
			// Spring's AOP runs a suspending function as a Mono (kotlinx-coroutines-reactor)
			ClassLoader classLoader = method.getDeclaringClass().getClassLoader();
			if (!ClassUtils.isPresent("kotlinx.coroutines.reactor.MonoKt", classLoader)) {
				throw unsupported(type, method, "a Kotlin suspending function is governed as a reactive method, which "
						+ "needs kotlinx-coroutines-reactor and Reactor on the class path");
			}
			return EnforcedMethod.ReturnKind.REACTIVE;
		}
		if (CompletionStage.class.isAssignableFrom(returnType)) {
			if (!returnType.isAssignableFrom(CompletableFuture.class)) {
				throw unsupported(type, method, returnType.getName() + " cannot be returned in its place; declare "
						+ "CompletionStage or CompletableFuture");
			}
			return EnforcedMethod.ReturnKind.COMPLETION_STAGE;
		}
		if (returnType.isPrimitive() || returnType.getPackageName().equals("java.lang")) {
			// void, a primitive or a java.lang type is never reactive
			return EnforcedMethod.ReturnKind.BLOCKING;
		}
		ReactiveAdapter adapter = this.reactiveAdapterRegistry.get().getAdapter(returnType);
		if (adapter != null) {
			return EnforcedMethod.ReturnKind.REACTIVE;
		}
		if (Future.class.isAssignableFrom(returnType) || BaseStream.class.isAssignableFrom(returnType)) {
			throw unsupported(type, method, returnType.getName() + " gives no completion signal without blocking; "
					+ "return a CompletionStage, a reactive type or a plain value");
		}
		if (returnType.getName().startsWith("kotlinx.coroutines.")) {
			throw unsupported(type, method,
					returnType.getName() + " is not a reactive type known to Spring's ReactiveAdapterRegistry");
		}
		return EnforcedMethod.ReturnKind.BLOCKING;
	}

	private static EnforcedMethodDefinitionException unsupported(Class<?> type, Method method, String detail) {
		return new EnforcedMethodDefinitionException(EnforcedMethodDefinitionException.Problem.UNSUPPORTED_RETURN_TYPE,
				type, method, null, detail, null);
	}

	/**
	 * The value of a constant expression, evaluated once; {@code null} when the
	 * expression is not a constant, or when its value is not one a request can use, so
	 * that each call evaluates it and raises the same error as any other expression.
	 */
	private Object constantValue(Expression expression) {
		if (expression == null || !ConstantExpressions.isConstant(expression)) {
			return null;
		}
		try {
			return expression.getValue(this.sharedContext);
		}
		catch (RuntimeException ex) {
			// an EvaluationException, or an ArithmeticException such as "1 / 0": left to
			// be evaluated per call, where the failure is raised as for any expression
			return null;
		}
	}

	private Map<String, Object> constantMap(Expression expression, boolean emptyAllowed) {
		if (constantValue(expression) instanceof Map<?, ?> map && (emptyAllowed || !map.isEmpty())) {
			return ConstantExpressions.immutableMap(map);
		}
		return null;
	}

	private BigDecimal constantCost(Expression expression) {
		Object value = constantValue(expression);
		if (value == null) {
			return null;
		}
		try {
			BigDecimal cost = EnforcedMethod.toDecimal(value);
			return (cost.signum() >= 0) ? cost : null;
		}
		catch (NumberFormatException ex) {
			// left to be evaluated per call, where the failure is raised with the method
			return null;
		}
	}

	private Long constantVolume(Expression expression) {
		BigDecimal volume = constantCost(expression);
		if (volume == null) {
			return null;
		}
		try {
			return volume.longValueExact();
		}
		catch (ArithmeticException ex) {
			// left to be evaluated per call, where the failure is raised with the method
			return null;
		}
	}

	private static BigDecimal constantDecimal(String text) {
		try {
			return new BigDecimal(text.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Long constantLong(String text) {
		try {
			return Long.valueOf(text.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * Parses and checks the expressions of one method.
	 */
	private final class ExpressionParsing {

		private final Class<?> type;

		private final Method method;

		private final ParameterBindings bindings;

		ExpressionParsing(Class<?> type, Method method, ParameterBindings bindings) {
			this.type = type;
			this.method = method;
			this.bindings = bindings;
		}

		Expression parse(String attribute, String text, boolean resultAvailable) {
			Expression expression;
			try {
				expression = EnforcedAnnotationParser.this.parser.parseExpression(text);
			}
			catch (ParseException ex) {
				throw error(EnforcedMethodDefinitionException.Problem.INVALID_EXPRESSION, attribute,
						"'" + text + "': " + ex.getMessage(), ex);
			}
			if (expression instanceof SpelExpression spel) {
				checkVariables(attribute, spel.getAST(), resultAvailable);
			}
			return expression;
		}

		private void checkVariables(String attribute, SpelNode node, boolean resultAvailable) {
			if (node instanceof VariableReference) {
				String name = node.toStringAST().substring(1);
				if (!isKnown(name, resultAvailable)) {
					if (!this.bindings.namesAvailable() && this.method.getParameterCount() > 0) {
						throw new EnforcedParameterNamesException(this.type, this.method, attribute, name);
					}
					throw error(EnforcedMethodDefinitionException.Problem.UNKNOWN_VARIABLE, attribute,
							"the expression refers to #" + name + ", which is not a parameter of the method "
									+ parameterList() + "; refer to parameters by name or as #p0/#a0",
							null);
				}
			}
			for (int i = 0; i < node.getChildCount(); i++) {
				checkVariables(attribute, node.getChild(i), resultAvailable);
			}
		}

		private boolean isKnown(String name, boolean resultAvailable) {
			return "root".equals(name) || "this".equals(name) || (resultAvailable && "result".equals(name))
					|| this.bindings.contains(name);
		}

		private String parameterList() {
			String[] names = EnforcedAnnotationParser.this.parameterNameDiscoverer.getParameterNames(this.method);
			return (names != null) ? Arrays.toString(names) : "(" + this.method.getParameterCount() + " parameters)";
		}

		EnforcedMethodDefinitionException error(EnforcedMethodDefinitionException.Problem problem, String attribute,
				String detail, Throwable cause) {
			return new EnforcedMethodDefinitionException(problem, this.type, this.method, attribute, detail, cause);
		}

	}

}
