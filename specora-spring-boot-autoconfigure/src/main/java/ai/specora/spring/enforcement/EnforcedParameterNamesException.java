package ai.specora.spring.enforcement;

import java.lang.reflect.Method;

/**
 * An {@link ai.specora.spring.Enforced @Enforced} expression refers to a parameter by
 * name, but the class was compiled without parameter names: compile with
 * {@code -parameters}, or use {@code #p0}/{@code #a0}.
 */
public class EnforcedParameterNamesException extends EnforcedMethodDefinitionException {

	private final String variable;

	/**
	 * Creates the exception.
	 * @param targetClass the class of the bean
	 * @param method the method
	 * @param attribute the annotation attribute whose expression names the parameter
	 * @param variable the variable the expression refers to
	 */
	public EnforcedParameterNamesException(Class<?> targetClass, Method method, String attribute, String variable) {
		super(Problem.MISSING_PARAMETER_NAMES, targetClass, method, attribute, "the expression refers to #" + variable
				+ " but the class was compiled without parameter names; compile with '-parameters' or use #p0/#a0",
				null);
		this.variable = variable;
	}

	/**
	 * The variable the expression refers to.
	 * @return the variable name, without {@code #}
	 */
	public String getVariable() {
		return this.variable;
	}

}
