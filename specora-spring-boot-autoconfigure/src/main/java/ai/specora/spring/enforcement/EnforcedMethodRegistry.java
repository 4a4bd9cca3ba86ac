package ai.specora.spring.enforcement;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import ai.specora.spring.Enforced;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodClassKey;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
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

	private final Map<MethodClassKey, Resolution> methods = new ConcurrentHashMap<>(64);

	private final Map<Class<?>, Boolean> classes = new ConcurrentHashMap<>(64);

	private final Map<Class<?>, List<MergedAnnotation<Enforced>>> classDeclarations = new ConcurrentHashMap<>(64);

	private final EnforcedAnnotationParser parser;

	/**
	 * Creates a registry whose expressions resolve {@code @beanName} against a bean
	 * factory.
	 * @param beanFactory the bean factory, or {@code null} for no bean references
	 */
	public EnforcedMethodRegistry(BeanFactory beanFactory) {
		this(beanFactory, new DefaultParameterNameDiscoverer(), ReactiveAdapterRegistry::getSharedInstance);
	}

	/**
	 * Creates a registry.
	 * @param beanFactory the bean factory, or {@code null} for no bean references
	 * @param parameterNameDiscoverer how parameter names are found
	 * @param reactiveAdapterRegistry the reactive types that can be governed
	 */
	public EnforcedMethodRegistry(BeanFactory beanFactory, ParameterNameDiscoverer parameterNameDiscoverer,
			ReactiveAdapterRegistry reactiveAdapterRegistry) {
		this(beanFactory, parameterNameDiscoverer, () -> reactiveAdapterRegistry);
	}

	private EnforcedMethodRegistry(BeanFactory beanFactory, ParameterNameDiscoverer parameterNameDiscoverer,
			Supplier<ReactiveAdapterRegistry> reactiveAdapterRegistry) {
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
		this.parser = new EnforcedAnnotationParser(parameterNameDiscoverer, reactiveAdapterRegistry, context);
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
		String name = targetClass.getName();
		return !name.startsWith("java.") && !name.startsWith("org.springframework.");
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
		Resolution cached = this.methods.get(key);
		if (cached == null) {
			cached = Resolution.of(resolve(method, targetClass));
			this.methods.put(key, cached);
		}
		return cached.method();
	}

	/**
	 * The cached outcome of resolving one method for one class: governed (with what it
	 * asks for) or not.
	 *
	 * @param method what the method asks for, or {@code null} when it is not governed
	 */
	private record Resolution(EnforcedMethod method) {

		private static final Resolution NOT_ENFORCED = new Resolution(null);

		static Resolution of(EnforcedMethod method) {
			return (method != null) ? new Resolution(method) : NOT_ENFORCED;
		}

	}

	private EnforcedMethod resolve(Method method, Class<?> targetClass) {
		Method specific = (targetClass != null) ? AopUtils.getMostSpecificMethod(method, targetClass) : method;
		if (specific.getDeclaringClass() == Object.class || specific.isBridge() || specific.isSynthetic()) {
			return null;
		}
		Class<?> type = (targetClass != null) ? targetClass : specific.getDeclaringClass();
		MergedAnnotation<Enforced> annotation = closest(
				declarations(MergedAnnotations.from(specific, SearchStrategy.TYPE_HIERARCHY)), type, specific,
				"the method");
		if (annotation != null) {
			int modifiers = specific.getModifiers();
			if (Modifier.isPrivate(modifiers) || Modifier.isStatic(modifiers)) {
				throw notInterceptable(type, specific, "a proxy cannot intercept a private or static method; make "
						+ "it public, or govern the work inside it with SpecoraClient.enforced(...)");
			}
			requireNotFinal(type, specific, "the method");
		}
		else if (isClassLevelCandidate(specific)) {
			annotation = closest(classDeclarations(type), type, specific, "the class");
			if (annotation != null) {
				requireNotFinal(type, specific, "the class");
			}
		}
		return (annotation != null) ? this.parser.parse(annotation, specific, type) : null;
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

	/**
	 * The {@code @Enforced} declarations on a class and its hierarchy, looked up once per
	 * class rather than once for each of its public methods.
	 */
	private List<MergedAnnotation<Enforced>> classDeclarations(Class<?> type) {
		return this.classDeclarations.computeIfAbsent(type,
				(key) -> declarations(MergedAnnotations.from(key, SearchStrategy.TYPE_HIERARCHY)));
	}

	private static List<MergedAnnotation<Enforced>> declarations(MergedAnnotations annotations) {
		return annotations.stream(Enforced.class).toList();
	}

	private static MergedAnnotation<Enforced> closest(List<MergedAnnotation<Enforced>> found, Class<?> type,
			Method method, String where) {
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

}
