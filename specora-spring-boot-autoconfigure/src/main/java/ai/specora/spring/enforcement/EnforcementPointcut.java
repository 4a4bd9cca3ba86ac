package ai.specora.spring.enforcement;

import java.lang.reflect.Method;
import java.util.Objects;

import org.springframework.aop.ClassFilter;
import org.springframework.aop.support.StaticMethodMatcherPointcut;

/**
 * Matches the methods governed by {@link ai.specora.spring.Enforced @Enforced}, declared
 * on the method, the class, an interface or a superclass, directly or through a composed
 * annotation, as the {@link EnforcedMethodRegistry} resolves them.
 * <p>
 * The class filter resolves every method of a candidate class at once, so that a wrong
 * declaration fails start-up when the bean is proxied rather than at its first call.
 */
final class EnforcementPointcut extends StaticMethodMatcherPointcut {

	private final EnforcedMethodRegistry registry;

	/**
	 * Creates a pointcut.
	 * @param registry what each method asks for
	 */
	EnforcementPointcut(EnforcedMethodRegistry registry) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
		setClassFilter(new EnforcedClassFilter(registry));
	}

	@Override
	public boolean matches(Method method, Class<?> targetClass) {
		return this.registry.getEnforcedMethod(method, targetClass) != null;
	}

	@Override
	public boolean equals(Object other) {
		return (this == other) || (other instanceof EnforcementPointcut that && this.registry == that.registry);
	}

	@Override
	public int hashCode() {
		return EnforcementPointcut.class.hashCode() * 31 + System.identityHashCode(this.registry);
	}

	@Override
	public String toString() {
		return "EnforcementPointcut[@Enforced]";
	}

	private record EnforcedClassFilter(EnforcedMethodRegistry registry) implements ClassFilter {

		@Override
		public boolean matches(Class<?> clazz) {
			return this.registry.hasEnforcedMethods(clazz);
		}

	}

}
