package ai.specora.spring.enforcement;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import ai.specora.client.FailClosedException;
import ai.specora.client.FailMode;
import ai.specora.client.SpecoraBlockedException;
import ai.specora.client.SpecoraSuspendedException;
import ai.specora.runtime.GovernanceEngine;
import ai.specora.runtime.GovernanceMode;
import ai.specora.runtime.GovernancePolicy;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.ReactiveAdapter;

/**
 * Governs calls of {@link ai.specora.spring.Enforced @Enforced} methods through the
 * {@link GovernanceEngine}: an adapter that maps the method and the call to the engine's
 * policy and request, and its return kind to the engine's call of the same kind. Every
 * call is governed with its own decision, whatever encloses it.
 * <p>
 * Plain methods are decided and completed around the call, on the calling thread.
 * Methods returning a {@code CompletionStage} are decided on the calling thread before
 * the method is called, and completed when the stage completes. Reactive return types
 * (anything Spring's {@code ReactiveAdapterRegistry} adapts) are decided at
 * subscription without blocking and completed on the terminal signal.
 * <p>
 * The method's own exception is rethrown unchanged. A block raises
 * {@link SpecoraBlockedException}, a suspension {@link SpecoraSuspendedException} (or is
 * waited for, see {@link ai.specora.spring.OnSuspend#WAIT}), and no decision under a
 * closed fail mode {@link FailClosedException}; in all three cases the method does not
 * run. What each method asks for comes from the {@link EnforcedMethodRegistry}, resolved
 * once; per call only the expressions are evaluated.
 */
public final class EnforcementInterceptor implements MethodInterceptor {

	private final EnforcedMethodRegistry registry;

	private final GovernanceEngine engine;

	private final FailMode failMode;

	private final GovernanceMode mode;

	private final Map<EnforcedMethod, GovernancePolicy> policies = new ConcurrentHashMap<>();

	/**
	 * Creates an interceptor.
	 * @param registry what each method asks for
	 * @param engine governs each call
	 * @param mode the mode of methods that do not set theirs ({@code specora.mode})
	 */
	public EnforcementInterceptor(EnforcedMethodRegistry registry, GovernanceEngine engine, GovernanceMode mode) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
		this.engine = Objects.requireNonNull(engine, "engine must not be null");
		this.mode = Objects.requireNonNull(mode, "mode must not be null");
		this.failMode = engine.client().settings().failMode();
	}

	/**
	 * Governs the call when its method is {@code @Enforced}; otherwise proceeds.
	 * @param invocation the intercepted call
	 * @return the method's result (for reactive and {@code CompletionStage} methods, a
	 * governed wrapper of it)
	 * @throws Throwable the method's own exception, unchanged, or
	 * {@link SpecoraBlockedException}, {@link SpecoraSuspendedException},
	 * {@link FailClosedException} when it did not run
	 */
	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		Method method = invocation.getMethod();
		Object target = invocation.getThis();
		Class<?> targetClass = (target != null) ? AopUtils.getTargetClass(target) : null;
		EnforcedMethod enforced = this.registry.getEnforcedMethod(method, targetClass);
		if (enforced == null) {
			return invocation.proceed();
		}
		GovernancePolicy policy = this.policies.computeIfAbsent(enforced,
				(declared) -> declared.policy(this.failMode, this.mode));
		EnforcedInvocation request = new EnforcedInvocation(enforced, target, invocation.getArguments());
		return switch (enforced.returnKind()) {
			case BLOCKING -> this.engine.call(policy, request, invocation::proceed);
			case COMPLETION_STAGE -> this.engine.callAsync(policy, request, () -> stage(invocation));
			case REACTIVE -> reactive(enforced.reactiveAdapter(), policy, request, invocation);
		};
	}

	private Object reactive(ReactiveAdapter adapter, GovernancePolicy policy, EnforcedInvocation request,
			MethodInvocation invocation) {
		Publisher<Object> governed = adapter.isMultiValue()
				? this.engine.callFlux(policy, request, () -> publisher(invocation, adapter))
				: this.engine.callMono(policy, request, () -> publisher(invocation, adapter));
		return adapter.fromPublisher(governed);
	}

	/**
	 * Calls the method when the engine subscribes: a clone of the invocation, since the
	 * subscription may happen after this interceptor returned, and more than once.
	 */
	private static Publisher<Object> publisher(MethodInvocation invocation, ReactiveAdapter adapter) {
		Object returned;
		try {
			returned = (invocation instanceof ProxyMethodInvocation proxyInvocation)
					? proxyInvocation.invocableClone().proceed() : invocation.proceed();
		}
		catch (Throwable ex) {
			return Mono.error(ex);
		}
		return (returned != null) ? adapter.toPublisher(returned) : Mono.empty();
	}

	@SuppressWarnings("unchecked")
	private static CompletionStage<Object> stage(MethodInvocation invocation) throws Throwable {
		return (CompletionStage<Object>) invocation.proceed();
	}

	@Override
	public String toString() {
		return "EnforcementInterceptor[" + this.engine + "]";
	}

}
