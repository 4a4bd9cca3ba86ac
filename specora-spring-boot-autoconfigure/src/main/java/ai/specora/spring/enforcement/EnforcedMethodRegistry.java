package ai.specora.spring.enforcement;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.stream.BaseStream;

import ai.specora.spring.Enforced;
import ai.specora.spring.EnforcedFailMode;
import ai.specora.spring.OnSuspend;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.KotlinDetector;
import org.springframework.core.MethodClassKey;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;
import org.springframework.util.ReflectionUtils;

/**
 * What each {@link Enforced @Enforced} method asks for: finds the annotation (on the
 * method, on an interface or superclass declaration of it, on the class or its
 * hierarchy, directly or through a composed annotation), parses and checks every
 * expression, and caches the result per method and target class.
 * <p>
 * {@link #hasEnforcedMethods(Class)} resolves every method of a class at once, so that
 * every mistake surfaces at start-up, when the bean is proxied, as an
 * {@link EnforcedMethodDefinitionException} naming the class, method and attribute.
 * The per-call {@link #getEnforcedMethod(Method, Class)} is a map lookup.
 */
public final class EnforcedMethodRegistry {

	private static final Object NOT_ENFORCED = new Object();

	private final Map<MethodClassKey, Object> methods = new ConcurrentHashMap<>(64);

	private final Map<Class<?>, Boolean> classes = new ConcurrentHashMap<>(64);

	private final SpelExpressionParser parser = new SpelExpressionParser();

	private final StandardEvaluationContext sharedContext;

	private final ParameterNameDiscoverer parameterNameDiscoverer;

	private final ReactiveAdapterRegistry reactiveAdapterRegistry;

	/**
	 * Creates a registry whose expressions resolve {@code @beanName} against a bean
	 * factory.
	 * @param beanFactory the bean factory, or {@code null} for no bean references
	 */
	public EnforcedMethodRegistry(BeanFactory beanFactory) {
		this(beanFactory, new DefaultParameterNameDiscoverer(), ReactiveAdapterRegistry.getSharedInstance());
	}

	/**
	 * Creates a registry.
	 * @param beanFactory the bean factory, or {@code null} for no bean references
	 * @param parameterNameDiscoverer how parameter names are found
	 * @param reactiveAdapterRegistry the reactive types that can be governed
	 */
	public EnforcedMethodRegistry(BeanFactory beanFactory, ParameterNameDiscoverer parameterNameDiscoverer,
			ReactiveAdapterRegistry reactiveAdapterRegistry) {
		this.parameterNameDiscoverer = parameterNameDiscoverer;
		this.reactiveAdapterRegistry = reactiveAdapterRegistry;
		StandardEvaluationContext context = new StandardEvaluationContext();
		if (beanFactory != null) {
			context.setBeanResolver(new BeanFactoryResolver(beanFactory));
		}
		// resolve the lazily created defaults now, once, so the template is only read later
		context.getPropertyAccessors();
		context.getIndexAccessors();
		context.getConstructorResolvers();
		context.getMethodResolvers();
		context.getTypeLocator();
		context.getTypeConverter();
		context.getTypeComparator();
		context.getOperatorOverloader();
		this.sharedContext = context;
	}

	/**
	 * Whether a class has {@code @Enforced} methods; resolves and checks all of them.
	 * @param targetClass the class of a bean
	 * @return {@code true} when at least one method is governed
	 * @throws EnforcedMethodDefinitionException when a declaration is wrong
	 */
	public boolean hasEnforcedMethods(Class<?> targetClass) {
		Boolean known = this.classes.get(targetClass);
		if (known != null) {
			return known;
		}
		boolean found = false;
		if (mayHaveAnnotations(targetClass)) {
			for (Method method : ReflectionUtils.getUniqueDeclaredMethods(targetClass, ReflectionUtils.USER_DECLARED_METHODS)) {
				if (getEnforcedMethod(method, targetClass) != null) {
					found = true;
				}
			}
		}
		this.classes.put(targetClass, found);
		return found;
	}

	private static boolean mayHaveAnnotations(Class<?> targetClass) {
		return !targetClass.getName().startsWith("java.");
	}

	/**
	 * What a method asks for when called on a bean of the given class.
	 * @param method the invoked method (possibly an interface method)
	 * @param targetClass the class of the bean, or {@code null} when unknown
	 * @return the resolved method, or {@code null} when the method is not governed
	 * @throws EnforcedMethodDefinitionException when the declaration is wrong
	 */
	public EnforcedMethod getEnforcedMethod(Method method, Class<?> targetClass) {
		MethodClassKey key = new MethodClassKey(method, targetClass);
		Object cached = this.methods.get(key);
		if (cached == null) {
			EnforcedMethod resolved = resolve(method, targetClass);
			cached = (resolved != null) ? resolved : NOT_ENFORCED;
			this.methods.put(key, cached);
		}
		return (cached != NOT_ENFORCED) ? (EnforcedMethod) cached : null;
	}

	private EnforcedMethod resolve(Method method, Class<?> targetClass) {
		Method specific = (targetClass != null) ? AopUtils.getMostSpecificMethod(method, targetClass) : method;
		if (specific.getDeclaringClass() == Object.class || specific.isBridge() || specific.isSynthetic()) {
			return null;
		}
		Class<?> type = (targetClass != null) ? targetClass : specific.getDeclaringClass();
		MergedAnnotation<Enforced> annotation = closest(
				MergedAnnotations.from(specific, SearchStrategy.TYPE_HIERARCHY), type, specific, "the method");
		if (annotation != null) {
			int modifiers = specific.getModifiers();
			if (Modifier.isPrivate(modifiers) || Modifier.isStatic(modifiers)) {
				throw notInterceptable(type, specific, "a proxy cannot intercept a private or static method; make "
						+ "it public, or govern the work inside it with SpecoraClient.enforced(...)");
			}
			requireNotFinal(type, specific, "the method");
		}
		else if (isClassLevelCandidate(specific)) {
			annotation = closest(MergedAnnotations.from(type, SearchStrategy.TYPE_HIERARCHY), type, specific,
					"the class");
			if (annotation != null) {
				requireNotFinal(type, specific, "the class");
			}
		}
		return (annotation != null) ? parse(annotation, specific, type) : null;
	}

	/**
	 * A proxy cannot override a final method: called on the proxy, it would run with no
	 * governance at all.
	 */
	private static void requireNotFinal(Class<?> type, Method method, String annotated) {
		if (Modifier.isFinal(method.getModifiers())) {
			throw notInterceptable(type, method, "the method is final and " + annotated + " carries @Enforced: a "
					+ "proxy cannot override a final method, so it would run ungoverned; remove 'final'"
					+ ((method.getDeclaringClass() != type) ? " in " + method.getDeclaringClass().getName() : "")
					+ ", or govern the work inside it with SpecoraClient.enforced(...)");
		}
	}

	private static EnforcedMethodDefinitionException notInterceptable(Class<?> type, Method method, String detail) {
		return new EnforcedMethodDefinitionException(EnforcedMethodDefinitionException.Problem.NOT_INTERCEPTABLE,
				type, method, null, detail, null);
	}

	private static boolean isClassLevelCandidate(Method method) {
		int modifiers = method.getModifiers();
		return Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers) && !isObjectMethod(method);
	}

	private static boolean isObjectMethod(Method method) {
		return ReflectionUtils.isEqualsMethod(method) || ReflectionUtils.isHashCodeMethod(method)
				|| ReflectionUtils.isToStringMethod(method);
	}

	private static MergedAnnotation<Enforced> closest(MergedAnnotations annotations, Class<?> type, Method method,
			String where) {
		List<MergedAnnotation<Enforced>> found = annotations.stream(Enforced.class).toList();
		if (found.isEmpty()) {
			return null;
		}
		int nearest = found.stream().mapToInt(MergedAnnotation::getAggregateIndex).min().getAsInt();
		List<MergedAnnotation<Enforced>> candidates = new ArrayList<>();
		for (MergedAnnotation<Enforced> annotation : found) {
			if (annotation.getAggregateIndex() == nearest) {
				candidates.add(annotation);
			}
		}
		if (candidates.size() > 1) {
			List<String> names = candidates.stream()
				.map((annotation) -> "@" + annotation.getRoot().getType().getSimpleName()
						+ ((annotation.getDistance() > 0) ? " (composed)" : ""))
				.toList();
			throw new EnforcedMethodDefinitionException(EnforcedMethodDefinitionException.Problem.COMPETING_ANNOTATIONS,
					type, method, null, where + " carries " + candidates.size() + " @Enforced declarations " + names
							+ " and it is not clear which one applies",
					null);
		}
		return candidates.get(0);
	}

	private EnforcedMethod parse(MergedAnnotation<Enforced> annotation, Method method, Class<?> type) {
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
		OnSuspend onSuspend = annotation.getEnum("onSuspend", OnSuspend.class);
		Duration approvalTimeout = approvalTimeout(annotation.getString("approvalTimeout"), parsing);
		EnforcedFailMode failMode = annotation.getEnum("failMode", EnforcedFailMode.class);
		EnforcedMethod.ReturnKind kind = returnKind(method, type);
		ReactiveAdapter adapter = (kind == EnforcedMethod.ReturnKind.REACTIVE)
				? this.reactiveAdapterRegistry.getAdapter(method.getReturnType()) : null;
		return new EnforcedMethod(method, type, actionType.trim(), scope, args, constantCost, cost, constantVolume,
				volume, annotation.getBoolean("writeOp"), costActual, failMode, onSuspend, approvalTimeout, kind,
				adapter, bindings, this.sharedContext);
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
			throw unsupported(type, method, "Kotlin suspending functions cannot be governed by a proxy; call "
					+ "the reactive Specora client from the function instead");
		}
		if (CompletionStage.class.isAssignableFrom(returnType)) {
			if (!returnType.isAssignableFrom(CompletableFuture.class)) {
				throw unsupported(type, method, returnType.getName() + " cannot be returned in its place; declare "
						+ "CompletionStage or CompletableFuture");
			}
			return EnforcedMethod.ReturnKind.COMPLETION_STAGE;
		}
		ReactiveAdapter adapter = this.reactiveAdapterRegistry.getAdapter(returnType);
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
				expression = EnforcedMethodRegistry.this.parser.parseExpression(text);
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
			String[] names = EnforcedMethodRegistry.this.parameterNameDiscoverer.getParameterNames(this.method);
			return (names != null) ? Arrays.toString(names) : "(" + this.method.getParameterCount() + " parameters)";
		}

		EnforcedMethodDefinitionException error(EnforcedMethodDefinitionException.Problem problem, String attribute,
				String detail, Throwable cause) {
			return new EnforcedMethodDefinitionException(problem, this.type, this.method, attribute, detail, cause);
		}

	}

}
