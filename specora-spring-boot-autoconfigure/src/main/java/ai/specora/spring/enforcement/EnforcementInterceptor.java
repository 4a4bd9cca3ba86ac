package ai.specora.spring.enforcement;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import ai.specora.client.CompletionStatus;
import ai.specora.client.Decision;
import ai.specora.client.DecisionSource;
import ai.specora.client.EnforceRequest;
import ai.specora.client.EnforcementResult;
import ai.specora.client.FailClosedException;
import ai.specora.client.FailMode;
import ai.specora.client.ReactiveSpecoraClient;
import ai.specora.client.SpecoraBlockedException;
import ai.specora.client.SpecoraException;
import ai.specora.client.SpecoraSuspendedException;
import ai.specora.spring.EnforcedFailMode;
import ai.specora.spring.OnSuspend;
import ai.specora.spring.observation.DefaultEnforcementObservationConvention;
import ai.specora.spring.observation.EnforcementObservationContext;
import ai.specora.spring.observation.EnforcementObservationConvention;
import ai.specora.spring.observation.EnforcementOutcome;
import ai.specora.spring.observation.SpecoraObservationDocumentation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.ReactiveAdapter;

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
 * once; per call only the expressions are evaluated.
 * <p>
 * With an {@link ObservationRegistry} (see {@link #setObservationRegistry}), each call
 * is a {@code specora.enforcement} observation (see
 * {@link SpecoraObservationDocumentation#ENFORCEMENT}) that is current while the
 * decision is asked for and while the method runs, so that the authority's HTTP call
 * and the method's own observations are its children.
 */
public final class EnforcementInterceptor implements MethodInterceptor {

	private static final Logger logger = LoggerFactory.getLogger(EnforcementInterceptor.class);

	/**
	 * The Reactor context key of the current observation, as Micrometer's context
	 * propagation names it.
	 */
	private static final String OBSERVATION_KEY = "micrometer.observation";

	private static final EnforcementObservationConvention DEFAULT_CONVENTION = new DefaultEnforcementObservationConvention();

	private final EnforcedMethodRegistry registry;

	private final ReactiveSpecoraClient client;

	private final CompletionDispatcher dispatcher;

	private final ApprovalWaiter approvalWaiter;

	private final EnforcementListener listener;

	private final String clientFailMode;

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
		this.approvalWaiter = Objects.requireNonNull(approvalWaiter, "approvalWaiter must not be null");
		this.listener = new CompositeEnforcementListener(listeners);
		this.clientFailMode = failModeValue(client.settings().failMode() == FailMode.OPEN);
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

	private GovernedInvocation newCall(EnforcedMethod enforced, Object target, Object[] arguments, Observation parent) {
		Observation observation = Observation.NOOP;
		if (!this.observationRegistry.isNoop()) {
			observation = SpecoraObservationDocumentation.ENFORCEMENT.observation(this.observationConvention,
					DEFAULT_CONVENTION, () -> new EnforcementObservationContext(enforced.getActionType(),
							failMode(enforced)),
					this.observationRegistry);
			if (parent != null) {
				observation.parentObservation(parent);
			}
		}
		return new GovernedInvocation(enforced, this.listener, this.dispatcher, observation, target, arguments);
	}

	private String failMode(EnforcedMethod enforced) {
		return switch (enforced.getFailMode()) {
			case OPEN -> failModeValue(true);
			case CLOSED -> failModeValue(false);
			case INHERIT -> this.clientFailMode;
		};
	}

	private static String failModeValue(boolean open) {
		return open ? "open" : "closed";
	}

	/**
	 * Makes the call's observation the current one of a reactive chain.
	 */
	private static <T> Mono<T> observed(GovernedInvocation call, Mono<T> mono) {
		Observation observation = call.observation();
		return observation.isNoop() ? mono : mono.contextWrite(Context.of(OBSERVATION_KEY, observation));
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		Method method = invocation.getMethod();
		Object target = invocation.getThis();
		Class<?> targetClass = (target != null) ? AopUtils.getTargetClass(target) : null;
		EnforcedMethod enforced = this.registry.getEnforcedMethod(method, targetClass);
		if (enforced == null) {
			return invocation.proceed();
		}
		return switch (enforced.returnKind()) {
			case BLOCKING -> invokeBlocking(invocation, enforced, target);
			case COMPLETION_STAGE -> invokeCompletionStage(invocation, enforced, target);
			case REACTIVE -> ReactiveGovernance.invoke(this, invocation, enforced, target);
		};
	}

	private Object invokeBlocking(MethodInvocation invocation, EnforcedMethod enforced, Object target)
			throws Throwable {
		GovernedInvocation call = newCall(enforced, target, invocation.getArguments(), null);
		decideBlocking(call, call.start());
		call.running();
		Object value;
		try {
			value = proceedInScope(invocation, call);
		}
		catch (Throwable ex) {
			await(call.finish(CompletionStatus.FAILURE, ex));
			throw ex;
		}
		call.resultValue(value);
		await(call.finish(CompletionStatus.SUCCESS, null));
		return value;
	}

	private Object invokeCompletionStage(MethodInvocation invocation, EnforcedMethod enforced, Object target)
			throws Throwable {
		GovernedInvocation call = newCall(enforced, target, invocation.getArguments(), null);
		decideBlocking(call, call.start());
		call.running();
		Object returned;
		try {
			returned = proceedInScope(invocation, call);
		}
		catch (Throwable ex) {
			await(call.finish(CompletionStatus.FAILURE, ex));
			throw ex;
		}
		if (returned == null) {
			await(call.finish(CompletionStatus.SUCCESS, null));
			return null;
		}
		CompletionStage<?> stage = (CompletionStage<?>) returned;
		CompletableFuture<Object> governed = new CompletableFuture<>();
		stage.whenComplete((value, ex) -> {
			CompletionStage<Void> finished;
			if (ex == null) {
				call.resultValue(value);
				finished = call.finish(CompletionStatus.SUCCESS, null);
			}
			else {
				Throwable cause = unwrap(ex);
				finished = (cause instanceof CancellationException) ? call.finish(CompletionStatus.CANCELLED, null)
						: call.finish(CompletionStatus.FAILURE, cause);
			}
			finished.whenComplete((ignored, neverRaised) -> {
				if (ex == null) {
					governed.complete(value);
				}
				else {
					governed.completeExceptionally(ex);
				}
			});
		});
		governed.whenComplete((value, ex) -> {
			if (governed.isCancelled()) {
				cancel(stage);
			}
		});
		return governed;
	}

	/**
	 * Runs the method with the call's observation as the current one.
	 */
	private static Object proceedInScope(MethodInvocation invocation, GovernedInvocation call) throws Throwable {
		Observation.Scope scope = call.openScope();
		try {
			return invocation.proceed();
		}
		finally {
			GovernedInvocation.closeScope(scope);
		}
	}

	private static void cancel(CompletionStage<?> stage) {
		try {
			stage.toCompletableFuture().cancel(true);
		}
		catch (UnsupportedOperationException ex) {
			logger.debug("The governed CompletionStage cannot be cancelled", ex);
		}
	}

	private static Throwable unwrap(Throwable ex) {
		Throwable cause = ex;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static void await(CompletionStage<Void> stage) {
		if (stage instanceof CompletableFuture<Void> future && future.isDone()) {
			return;
		}
		stage.toCompletableFuture().join();
	}

	/**
	 * Gets the decision of a call on the calling thread; returns only when the method
	 * may run.
	 */
	private EnforcementResult decideBlocking(GovernedInvocation call, EnforceRequest request) {
		EnforcedMethod enforced = call.enforcedMethod();
		EnforcementResult result;
		try {
			result = observed(call, this.client.enforce(request)).block();
		}
		catch (FailClosedException ex) {
			if (enforced.getFailMode() != EnforcedFailMode.OPEN) {
				call.failed(ex);
				throw ex;
			}
			result = failOpen(enforced, request, ex);
		}
		catch (RuntimeException ex) {
			call.failed(ex);
			throw ex;
		}
		result = judge(call, result);
		if (result.decision() == Decision.SUSPEND) {
			try {
				result = observed(call, this.approvalWaiter.awaitApproval(result, enforced.getApprovalTimeout()))
					.block();
			}
			catch (RuntimeException ex) {
				call.failed(ex);
				throw ex;
			}
			call.decided(result);
		}
		return result;
	}

	/**
	 * Applies the method's fail mode and the decision: returns an allow, or a suspend
	 * to wait for; raises otherwise.
	 */
	private EnforcementResult judge(GovernedInvocation call, EnforcementResult result) {
		EnforcedMethod enforced = call.enforcedMethod();
		if (result.isFailOpen() && enforced.getFailMode() == EnforcedFailMode.CLOSED) {
			FailClosedException ex = new FailClosedException("No Specora decision for action '"
					+ enforced.getActionType() + "' and " + enforced.getDescription()
					+ " is fail-closed: the method was not run",
					null, new SpecoraException.ErrorDetails(0, null, null, 0, true));
			call.failed(ex);
			throw ex;
		}
		call.decided(result);
		if (logger.isDebugEnabled()) {
			logger.debug("Specora decision {} for action '{}' of {} (journal {}, request {})", result.decision(),
					enforced.getActionType(), enforced.getDescription(), result.journalId(), result.requestId());
		}
		return switch (result.decision()) {
			case ALLOW -> result;
			case BLOCK -> {
				call.refused(EnforcementOutcome.BLOCKED);
				throw new SpecoraBlockedException(result);
			}
			case SUSPEND -> {
				if (enforced.getOnSuspend() == OnSuspend.WAIT) {
					yield result;
				}
				call.refused(EnforcementOutcome.SUSPENDED);
				throw new SpecoraSuspendedException(result);
			}
		};
	}

	private static EnforcementResult failOpen(EnforcedMethod enforced, EnforceRequest request,
			FailClosedException ex) {
		logger.warn("No Specora decision for action '{}' (request {}); {} is FAIL-OPEN: running it ungoverned. "
				+ "Cause: {}", enforced.getActionType(), request.requestId(), enforced.getDescription(),
				ex.getMessage());
		return new EnforcementResult(Decision.ALLOW, enforced.getActionType(), null, request.requestId().toString(),
				null, null, null, null, null, DecisionSource.FAIL_OPEN, null);
	}

	@Override
	public String toString() {
		return "EnforcementInterceptor[" + this.client + "]";
	}

	/**
	 * Reactive return types: enforcement at subscription, completion on the terminal
	 * signal. Kept apart so that Reactor types stay out of the blocking paths.
	 */
	private static final class ReactiveGovernance {

		private ReactiveGovernance() {
		}

		static Object invoke(EnforcementInterceptor interceptor, MethodInvocation invocation, EnforcedMethod enforced,
				Object target) {
			ReactiveAdapter adapter = enforced.reactiveAdapter();
			Object[] arguments = invocation.getArguments();
			Mono<GovernedInvocation> allowed = Mono.deferContextual((context) -> interceptor.decideReactively(
					interceptor.newCall(enforced, target, arguments, context.getOrDefault(OBSERVATION_KEY, null))));
			if (adapter.isMultiValue()) {
				Flux<Object> governed = Flux.usingWhen(allowed, (call) -> {
					call.running();
					Flux<Object> values = Flux.from(proceed(invocation, adapter));
					Observation observation = call.observation();
					return observation.isNoop() ? values
							: values.contextWrite(Context.of(OBSERVATION_KEY, observation));
				}, (call) -> finish(call, CompletionStatus.SUCCESS, null),
						(call, ex) -> finish(call, CompletionStatus.FAILURE, ex),
						(call) -> finish(call, CompletionStatus.CANCELLED, null));
				return adapter.fromPublisher(governed);
			}
			Mono<Object> governed = Mono.usingWhen(allowed, (call) -> {
				call.running();
				return observed(call, Mono.from(proceed(invocation, adapter)).doOnNext(call::resultValue));
			}, (call) -> finish(call, CompletionStatus.SUCCESS, null),
					(call, ex) -> finish(call, CompletionStatus.FAILURE, ex),
					(call) -> finish(call, CompletionStatus.CANCELLED, null));
			return adapter.fromPublisher(governed);
		}

		private static Mono<Void> finish(GovernedInvocation call, CompletionStatus status, Throwable error) {
			return Mono.fromCompletionStage(call.finish(status, error));
		}

		private static Publisher<Object> proceed(MethodInvocation invocation, ReactiveAdapter adapter) {
			Object returned;
			try {
				returned = (invocation instanceof ProxyMethodInvocation proxyInvocation)
						? proxyInvocation.invocableClone().proceed() : invocation.proceed();
			}
			catch (Throwable ex) {
				return Mono.error(ex);
			}
			if (returned == null) {
				return Mono.empty();
			}
			Publisher<Object> publisher = adapter.toPublisher(returned);
			return publisher;
		}

	}

	private Mono<GovernedInvocation> decideReactively(GovernedInvocation call) {
		EnforcedMethod enforced = call.enforcedMethod();
		EnforceRequest request = call.start();
		Mono<EnforcementResult> decision = observed(call, this.client.enforce(request));
		if (enforced.getFailMode() == EnforcedFailMode.OPEN) {
			decision = decision.onErrorResume(FailClosedException.class,
					(ex) -> Mono.just(failOpen(enforced, request, ex)));
		}
		return decision.doOnError(call::failed).map((result) -> judge(call, result)).flatMap((result) -> {
			if (result.decision() != Decision.SUSPEND) {
				return Mono.just(call);
			}
			return observed(call, this.approvalWaiter.awaitApproval(result, enforced.getApprovalTimeout()))
				.doOnError(call::failed)
				.map((approved) -> {
					call.decided(approved);
					return call;
				});
		}).doOnCancel(call::cancelledBeforeRunning);
	}

}
