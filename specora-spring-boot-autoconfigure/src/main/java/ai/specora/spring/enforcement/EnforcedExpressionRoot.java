package ai.specora.spring.enforcement;

import java.lang.reflect.Method;

/**
 * The root object of {@link ai.specora.spring.Enforced @Enforced} expressions:
 * {@code #root.method}, {@code #root.target}, {@code #root.args}.
 */
public final class EnforcedExpressionRoot {

	private final Method method;

	private final Object target;

	private final Object[] args;

	EnforcedExpressionRoot(Method method, Object target, Object[] args) {
		this.method = method;
		this.target = target;
		this.args = args;
	}

	/**
	 * The invoked method.
	 * @return the method
	 */
	public Method getMethod() {
		return this.method;
	}

	/**
	 * The name of the invoked method.
	 * @return the method name
	 */
	public String getMethodName() {
		return this.method.getName();
	}

	/**
	 * The target bean.
	 * @return the target, or {@code null} when unknown
	 */
	public Object getTarget() {
		return this.target;
	}

	/**
	 * The arguments of the call.
	 * @return the arguments
	 */
	public Object[] getArgs() {
		return this.args;
	}

}
