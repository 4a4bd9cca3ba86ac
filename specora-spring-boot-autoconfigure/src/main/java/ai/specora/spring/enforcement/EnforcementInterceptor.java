package ai.specora.spring.enforcement;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;

import ai.specora.client.ReactiveSpecoraClient;
import ai.specora.client.FailClosedException;
import ai.specora.client.SpecoraBlockedException;
import ai.specora.client.SpecoraSuspendedException;
import ai.specora.spring.OnSuspend;
import ai.specora.spring.observation.DefaultEnforcementObservationConvention;
import ai.specora.spring.observation.EnforcementObservationContext;
import ai.specora.spring.observation.EnforcementObservationConvention;
import ai.specora.spring.observation.SpecoraObservationDocumentation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.support.AopUtils;

/**
 * Governs calls of {@link ai.specora.spring.Enforced @Enforced} methods: asks the
 * authority first, runs the method only when allowed, and completes the enforcement
 * with the method's outcome.
 * <p>
 * Plain methods are enforced and completed around the call, on the calling thread.
 * Methods returning a {@code CompletionStage} are enforced on the calling thread before
 * the method is called, and completed when the stage completes. Reactive return types
 * are enforced at subscription with the reactive client (never blocking) and completed
 * on the terminal signal: complete, error or cancel.
 * <p>
 * The method's own exception is rethrown unchanged. A block raises
 * {@link SpecoraBlockedException}, a suspension {@link SpecoraSuspendedException} (or is
 * waited for, see {@link OnSuspend#WAIT}), and no decision under a closed fail mode
 * {@link FailClosedException}; in all three cases the method does not run.
 * <p>
 * What each method asks for comes from the {@link EnforcedMethodRegistry}, resolved
 * once; per call only the expressions are evaluated. This class only looks the method
 * up and switches on its return kind: the decision (fail mode, judging, approval wait)
 * is {@link EnforcementDecisions}', and each return kind has its own class
 * ({@link BlockingGovernance}, {@link CompletionStageGovernance},
 * {@link ReactiveGovernance}, the only one that needs Reactor's operators).
 * <p>
 * With an {@link ObservationRegistry} (see {@link #setObservationRegistry}), each call
 * is a {@code specora.enforcement} observation (see
 * {@link SpecoraObservationDocumentation#ENFORCEMENT}) that is current while the
 * decision is asked for and while the method runs, so that the authority's HTTP call
 * and the method's own observations are its children.
 */
public final class EnforcementInterceptor implements MethodInterceptor {

	private static final EnforcementObservationConvention DEFAULT_CONVENTION = new DefaultEnforcementObservationConvention();

	private final EnforcedMethodRegistry registry;

	private final ReactiveSpecoraClient client;

	private final CompletionDispatcher dispatcher;

	private final EnforcementListener listener;

	private final EnforcementDecisions decisions;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private EnforcementObservationConvention observationConvention;

	/**
	 * Creates an interceptor.
	 * @param registry what each method asks for
	 * @param client the client that asks for decisions
	 * @param dispatcher delivers completions
	 * @param approvalWaiter waits for approvals of {@link OnSuspend#WAIT} methods
	 * @param listeners follow every governed call, in order
	 */
	public EnforcementInterceptor(EnforcedMethodRegistry registry, ReactiveSpecoraClient client,
			CompletionDispatcher dispatcher, ApprovalWaiter approvalWaiter, List<? extends EnforcementListener> listeners) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
		this.client = Objects.requireNonNull(client, "client must not be null");
		this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher must not be null");
		this.decisions = new EnforcementDecisions(client,
				Objects.requireNonNull(approvalWaiter, "approvalWaiter must not be null"));
		this.listener = new CompositeEnforcementListener(listeners);
	}

	/**
	 * Observes every governed call in this registry; by default no call is observed.
	 * @param observationRegistry the registry
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry must not be null");
	}

	/**
	 * The convention that names the observation and its key values, instead of
	 * {@link DefaultEnforcementObservationConvention}.
	 * @param observationConvention the convention, or {@code null} for the default
	 */
	public void setObservationConvention(EnforcementObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	/**
	 * Governs the call when its method is {@code @Enforced}; otherwise proceeds.
	 * <p>
	 * A check that must run before the authority is asked (for example, a call already
	 * governed by an enclosing one) belongs at the top of this method, before the
	 * registry lookup.
	 * @param invocation the intercepted call
	 * @return the method's result (for reactive and {@code CompletionStage} methods, a
	 * governed wrapper of it)
	 * @throws Throwable the method's own exception, unchanged, or
	 * {@link SpecoraBlockedException}, {@link SpecoraSuspendedException},
	 * {@link FailClosedException} when it did not run
	 */
	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		if (GovernedCallScope.claim()) {
			// already governed by the caller's decision: one round trip, one completion
			return invocation.proceed();
		}
		Method method = invocation.getMethod();
		Object target = invocation.getThis();
		Class<?> targetClass = (target != null) ? AopUtils.getTargetClass(target) : null;
		EnforcedMethod enforced = this.registry.getEnforcedMethod(method, targetClass);
		if (enforced == null) {
			return invocation.proceed();
		}
		return switch (enforced.returnKind()) {
			case BLOCKING -> BlockingGovernance.invoke(invocation, newCall(enforced, invocation, null), this.decisions);
			case COMPLETION_STAGE -> CompletionStageGovernance.invoke(invocation, newCall(enforced, invocation, null),
					this.decisions);
			case REACTIVE -> ReactiveGovernance.invoke(invocation, enforced, this.decisions,
					(parent) -> newCall(enforced, invocation, parent));
		};
	}

	private GovernedInvocation newCall(EnforcedMethod enforced, MethodInvocation invocation, Observation parent) {
		Observation observation = Observation.NOOP;
		if (!this.observationRegistry.isNoop()) {
			observation = SpecoraObservationDocumentation.ENFORCEMENT.observation(this.observationConvention,
					DEFAULT_CONVENTION, () -> new EnforcementObservationContext(enforced.getActionType(),
							this.decisions.failMode(enforced)),
					this.observationRegistry);
			if (parent != null) {
				observation.parentObservation(parent);
			}
		}
		return new GovernedInvocation(enforced, this.listener, this.dispatcher, observation, invocation.getThis(),
				invocation.getArguments());
	}

	@Override
	public String toString() {
		return "EnforcementInterceptor[" + this.client + "]";
	}

}
