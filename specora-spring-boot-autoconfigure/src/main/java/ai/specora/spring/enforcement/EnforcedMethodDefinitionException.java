package ai.specora.spring.enforcement;

import java.lang.reflect.Method;
import java.util.Objects;

import org.springframework.util.ClassUtils;

/**
 * An {@link ai.specora.spring.Enforced @Enforced} method is declared in a way that
 * cannot work: raised at start-up, when the bean is proxied, naming the class, the
 * method and the attribute at fault.
 */
public class EnforcedMethodDefinitionException extends IllegalStateException {

	private final Class<?> targetClass;

	private final Method method;

	private final String attribute;

	private final Problem problem;

	/**
	 * Creates the exception.
	 * @param problem what is wrong
	 * @param targetClass the class of the bean
	 * @param method the method
	 * @param attribute the annotation attribute at fault, or {@code null}
	 * @param detail what exactly is wrong, e.g. the parser's message
	 * @param cause the underlying cause, or {@code null}
	 */
	public EnforcedMethodDefinitionException(Problem problem, Class<?> targetClass, Method method, String attribute,
			String detail, Throwable cause) {
		super(message(problem, targetClass, method, attribute, detail), cause);
		this.problem = Objects.requireNonNull(problem, "problem must not be null");
		this.targetClass = targetClass;
		this.method = method;
		this.attribute = attribute;
	}

	private static String message(Problem problem, Class<?> targetClass, Method method, String attribute,
			String detail) {
		StringBuilder message = new StringBuilder("@Enforced method ").append(describe(targetClass, method));
		if (attribute != null) {
			message.append(", attribute '").append(attribute).append("'");
		}
		return message.append(": ").append(problem.summary).append(": ").append(detail).toString();
	}

	static String describe(Class<?> targetClass, Method method) {
		Class<?> type = (targetClass != null) ? targetClass : method.getDeclaringClass();
		StringBuilder parameters = new StringBuilder();
		for (Class<?> parameterType : method.getParameterTypes()) {
			if (!parameters.isEmpty()) {
				parameters.append(", ");
			}
			parameters.append(parameterType.getSimpleName());
		}
		return ClassUtils.getQualifiedName(type) + "." + method.getName() + "(" + parameters + ")";
	}

	/**
	 * What is wrong.
	 * @return the problem
	 */
	public Problem getProblem() {
		return this.problem;
	}

	/**
	 * The class of the bean whose method is at fault.
	 * @return the class
	 */
	public Class<?> getTargetClass() {
		return this.targetClass;
	}

	/**
	 * The method at fault.
	 * @return the method
	 */
	public Method getMethod() {
		return this.method;
	}

	/**
	 * The annotation attribute at fault.
	 * @return the attribute name, or {@code null} when the problem is not one attribute's
	 */
	public String getAttribute() {
		return this.attribute;
	}

	/**
	 * The kinds of mistake in an {@code @Enforced} declaration.
	 */
	public enum Problem {

		/** A required attribute is empty (e.g. {@code scope}). */
		EMPTY_ATTRIBUTE("required attribute is empty"),

		/** An expression does not parse. */
		INVALID_EXPRESSION("invalid SpEL expression"),

		/** An expression refers to a variable that is not a parameter of the method. */
		UNKNOWN_VARIABLE("unknown variable"),

		/** Parameter names are not available and an expression refers to one. */
		MISSING_PARAMETER_NAMES("parameter names are not available"),

		/** A literal attribute has an invalid value (e.g. {@code approvalTimeout}). */
		INVALID_VALUE("invalid value"),

		/** Two {@code @Enforced} annotations compete on one method or class. */
		COMPETING_ANNOTATIONS("competing @Enforced annotations"),

		/** The method's return type cannot be governed. */
		UNSUPPORTED_RETURN_TYPE("unsupported return type"),

		/** The method cannot be intercepted by a proxy (private, static or final). */
		NOT_INTERCEPTABLE("method cannot be intercepted");

		private final String summary;

		Problem(String summary) {
			this.summary = summary;
		}

		/**
		 * A short description of the problem.
		 * @return the description
		 */
		public String summary() {
			return this.summary;
		}

	}

}
