package ai.specora.spring.enforcement;

import java.util.Objects;
import java.util.function.Supplier;

import org.aopalliance.aop.Advice;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.util.function.SingletonSupplier;

/**
 * The Spring AOP advisor of {@link ai.specora.spring.Enforced @Enforced}: a pointcut
 * matching the methods the {@link EnforcedMethodRegistry} finds governed, with the
 * {@link EnforcementInterceptor}, at an order that puts enforcement outside transaction
 * management by default.
 * <p>
 * The interceptor is obtained on first use, so that declaring the advisor (which auto
 * proxy creators look up very early) does not create the client and its collaborators
 * before the other post-processors are ready.
 */
public final class EnforcementAdvisor extends AbstractPointcutAdvisor {

	private final Pointcut pointcut;

	private final Advice advice;

	/**
	 * Creates an advisor.
	 * @param registry which methods are governed, and what each asks for
	 * @param interceptor supplies the interceptor, once, on first use
	 * @param order the order of the advisor among others
	 */
	public EnforcementAdvisor(EnforcedMethodRegistry registry, Supplier<? extends MethodInterceptor> interceptor,
			int order) {
		this.pointcut = new EnforcementPointcut(Objects.requireNonNull(registry, "registry must not be null"));
		this.advice = new DeferredInterceptor(SingletonSupplier.of(interceptor));
		setOrder(order);
	}

	@Override
	public Pointcut getPointcut() {
		return this.pointcut;
	}

	@Override
	public Advice getAdvice() {
		return this.advice;
	}

	@Override
	public String toString() {
		return "EnforcementAdvisor[order=" + getOrder() + "]";
	}

	private record DeferredInterceptor(SingletonSupplier<? extends MethodInterceptor> interceptor)
			implements MethodInterceptor {

		@Override
		public Object invoke(MethodInvocation invocation) throws Throwable {
			return this.interceptor.obtain().invoke(invocation);
		}

	}

}
