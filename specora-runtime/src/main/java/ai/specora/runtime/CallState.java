package ai.specora.runtime;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import ai.specora.client.Completion;
import ai.specora.client.CompletionStatus;
import ai.specora.client.EnforceRequest;
import ai.specora.client.EnforcementResult;
import ai.specora.client.Listeners;
import ai.specora.client.SpecoraBlockedException;
import ai.specora.client.SpecoraSuspendedException;
import ai.specora.runtime.observation.EnforcementObservationContext;
import ai.specora.runtime.observation.EnforcementOutcome;
import io.micrometer.observation.Observation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * What is known of one governed call, and the steps every call goes through whatever its
 * entry point: started, decided (or failed, or refused), running, finished. Each step
 * tells the listeners and the call's observation (a no-op one when observation is off);
 * a listener or observation handler that throws is logged and never changes the call's
 * outcome. The observation is stopped once, and the call is completed once.
 * <p>
 * Internal to the engine.
 */
final class CallState implements GovernedCall {

	/**
	 * The Reactor context key of the current observation, as Micrometer's context
	 * propagation names it.
	 */
	static final String OBSERVATION_KEY = "micrometer.observation";

	private static final Logger logger = LoggerFactory.getLogger(CallState.class);

	private static final AtomicIntegerFieldUpdater<CallState> OBSERVATION_STOPPED = AtomicIntegerFieldUpdater
		.newUpdater(CallState.class, "observationStopped");

	private static final AtomicIntegerFieldUpdater<CallState> FINISHED = AtomicIntegerFieldUpdater
		.newUpdater(CallState.class, "finished");

	private final GovernancePolicy policy;

	private final GovernedRequest governedRequest;

	private final GovernanceListener listener;

	private final CompletionDispatcher dispatcher;

	private final Observation observation;

	private volatile int finished;

	private volatile int observationStopped;

	private volatile EnforceRequest request;

	private volatile EnforcementResult result;

	private volatile long startNanos;

	private volatile long endNanos;

	private volatile Object value;

	CallState(GovernancePolicy policy, GovernedRequest governedRequest, GovernanceListener listener,
			CompletionDispatcher dispatcher, Observation observation) {
		this.policy = policy;
		this.governedRequest = governedRequest;
		this.listener = listener;
		this.dispatcher = dispatcher;
		this.observation = observation;
	}

	/**
	 * Starts the call and builds its request; a request that cannot be built fails the
	 * call.
	 */
	EnforceRequest start() {
		if (!this.observation.isNoop()) {
			Listeners.callSafely(logger, "observation handler (start)", this.observation::start);
		}
		this.listener.onStart(this);
		EnforceRequest built;
		try {
			built = this.governedRequest.build();
		}
		catch (RuntimeException ex) {
			failed(ex);
			throw ex;
		}
		this.request = built;
		if (this.observation.getContext() instanceof EnforcementObservationContext context) {
			context.setRequestId(built.requestId().toString());
		}
		return built;
	}

	void decided(EnforcementResult decision) {
		this.result = decision;
		if (this.observation.getContext() instanceof EnforcementObservationContext context) {
			context.setResult(decision);
		}
		this.listener.onDecision(this, decision);
	}

	/**
	 * No decision was reached, the approval was not given, or the caller gave up: the
	 * governed code will not run.
	 */
	void failed(Throwable error) {
		this.listener.onError(this, error);
		if (error instanceof SpecoraBlockedException) {
			stopObservation(EnforcementOutcome.BLOCKED, null);
		}
		else if (error instanceof SpecoraSuspendedException) {
			stopObservation(EnforcementOutcome.SUSPENDED, null);
		}
		else {
			stopObservation(EnforcementOutcome.ERROR, error);
		}
	}

	/**
	 * The decision refused the call (a block, or a suspension not waited for).
	 */
	void refused(EnforcementOutcome outcome) {
		stopObservation(outcome, null);
	}

	/**
	 * The governed code is about to run.
	 */
	void running() {
		this.startNanos = System.nanoTime();
	}

	void value(Object value) {
		this.value = value;
	}

	/**
	 * Ends the call once (later calls do nothing): stops the observation, tells the
	 * listeners and hands the completion of an allowed entry over.
	 * @param status how the call ended
	 * @param error its exception, or {@code null}
	 * @return a stage that completes, never exceptionally, when the caller may go on
	 */
	CompletionStage<Void> finish(CompletionStatus status, Throwable error) {
		if (!FINISHED.compareAndSet(this, 0, 1)) {
			return CompletableFuture.completedFuture(null);
		}
		this.endNanos = System.nanoTime();
		stopObservation(switch (status) {
			case SUCCESS -> EnforcementOutcome.SUCCESS;
			case FAILURE -> EnforcementOutcome.FAILURE;
			case CANCELLED -> EnforcementOutcome.CANCELLED;
		}, error);
		EnforcementResult decision = this.result;
		try {
			this.listener.onCompletion(this, status, error);
			if (decision == null || !decision.requiresCompletion()) {
				return CompletableFuture.completedFuture(null);
			}
			BigDecimal cost = (status == CompletionStatus.SUCCESS) ? this.governedRequest.actualCost(this.value)
					: null;
			Completion completion = Completion.builder(status)
				.costActual(cost)
				.duration(duration())
				.error((error != null) ? this.governedRequest.errorName(error) : null)
				.build();
			return this.dispatcher.dispatch(decision.journalId(), completion);
		}
		catch (RuntimeException ex) {
			logger.error("Specora completion {} of journal entry {} could not be handed over: {}", status,
					(decision != null) ? decision.journalId() : null, ex.toString());
			return CompletableFuture.completedFuture(null);
		}
	}

	/**
	 * Ends a reactive call whose code completed.
	 */
	Mono<Void> succeeded() {
		return Mono.fromCompletionStage(finish(CompletionStatus.SUCCESS, null));
	}

	/**
	 * Ends a reactive call whose code failed.
	 */
	Mono<Void> failedWith(Throwable error) {
		return Mono.fromCompletionStage(finish(CompletionStatus.FAILURE, error));
	}

	/**
	 * Ends a reactive call that its subscriber cancelled.
	 */
	Mono<Void> cancelled() {
		return Mono.fromCompletionStage(finish(CompletionStatus.CANCELLED, null));
	}

	private void stopObservation(EnforcementOutcome outcome, Throwable error) {
		if (this.observation.isNoop() || !OBSERVATION_STOPPED.compareAndSet(this, 0, 1)) {
			return;
		}
		if (this.observation.getContext() instanceof EnforcementObservationContext context) {
			context.setOutcome(outcome);
		}
		if (error != null) {
			Listeners.callSafely(logger, "observation handler (error)", () -> this.observation.error(error));
		}
		Listeners.callSafely(logger, "observation handler (stop)", this.observation::stop);
	}

	/**
	 * Makes the call's observation the current one of a reactive chain.
	 */
	<T> Mono<T> observed(Mono<T> mono) {
		return this.observation.isNoop() ? mono : mono.contextWrite(Context.of(OBSERVATION_KEY, this.observation));
	}

	Observation observation() {
		return this.observation;
	}

	/**
	 * Opens the observation's scope on this thread; a handler that fails is logged and
	 * the call goes on without the scope.
	 */
	Observation.Scope openScope() {
		if (this.observation.isNoop()) {
			return null;
		}
		Observation.Scope[] scope = { null };
		Listeners.callSafely(logger, "observation handler (scope opened)",
				() -> scope[0] = this.observation.openScope());
		return scope[0];
	}

	static void closeScope(Observation.Scope scope) {
		if (scope != null) {
			Listeners.callSafely(logger, "observation handler (scope closed)", scope::close);
		}
	}

	@Override
	public GovernancePolicy policy() {
		return this.policy;
	}

	@Override
	public EnforceRequest request() {
		return this.request;
	}

	@Override
	public EnforcementResult result() {
		return this.result;
	}

	@Override
	public Duration duration() {
		long start = this.startNanos;
		if (start == 0) {
			return Duration.ZERO;
		}
		long end = this.endNanos;
		return Duration.ofNanos(((end != 0) ? end : System.nanoTime()) - start);
	}

	@Override
	public String toString() {
		EnforceRequest built = this.request;
		return "GovernedCall[" + this.policy.description() + ", actionType=" + this.policy.actionType() + ", mode="
				+ this.policy.mode().value() + ", requestId=" + ((built != null) ? built.requestId() : null) + "]";
	}

}
