package ai.specora.spring.enforcement;

import java.lang.reflect.Method;
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
import ai.specora.spring.observation.EnforcementObservationContext;
import ai.specora.spring.observation.EnforcementOutcome;
import io.micrometer.observation.Observation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of one governed call, in one place: builds the request, records the
 * decision, times the method, and completes the enforcement exactly once, telling the
 * {@link EnforcementListener} at every step. The call's {@link Observation} (a no-op
 * one when observation is off) starts with the call and stops once, when the method
 * ended or the call was refused. An observation handler that throws is logged and
 * never changes the call's outcome nor its completion. The evaluation context of its
 * expressions is created only when an expression that is not a constant needs it.
 */
final class GovernedInvocation implements EnforcedCall, EvaluationContextSource {

	private static final Logger logger = LoggerFactory.getLogger(GovernedInvocation.class);

	private static final AtomicIntegerFieldUpdater<GovernedInvocation> OBSERVATION_STOPPED = AtomicIntegerFieldUpdater
		.newUpdater(GovernedInvocation.class, "observationStopped");

	private static final AtomicIntegerFieldUpdater<GovernedInvocation> FINISHED = AtomicIntegerFieldUpdater
		.newUpdater(GovernedInvocation.class, "finished");

	private final EnforcedMethod method;

	private final EnforcementListener listener;

	private final CompletionDispatcher dispatcher;

	private final Object target;

	private final Object[] arguments;

	private final Observation observation;

	private InvocationEvaluationContext evaluation;

	private volatile int finished;

	private volatile int observationStopped;

	private EnforceRequest request;

	private volatile EnforcementResult result;

	private volatile long startNanos;

	private volatile long endNanos;

	private volatile Object value;

	GovernedInvocation(EnforcedMethod method, EnforcementListener listener, CompletionDispatcher dispatcher,
			Observation observation, Object target, Object[] arguments) {
		this.method = method;
		this.listener = listener;
		this.dispatcher = dispatcher;
		this.observation = observation;
		this.target = target;
		this.arguments = arguments;
	}

	/**
	 * The evaluation context of this call's expressions, created on first use. The
	 * request is built before the method runs and the actual cost after it ended, never
	 * both at once; should the second use not see the first's context, it creates an
	 * equivalent one (a context holds nothing but the call's target and arguments).
	 */
	@Override
	public InvocationEvaluationContext evaluationContext() {
		InvocationEvaluationContext context = this.evaluation;
		if (context == null) {
			context = this.method.evaluationContext(this.target, this.arguments);
			this.evaluation = context;
		}
		return context;
	}

	/**
	 * Starts the call and builds its request.
	 * @throws EnforcedExpressionException when an expression gives an unusable value
	 */
	EnforceRequest start() {
		if (!this.observation.isNoop()) {
			Listeners.callSafely(logger, "observation handler (start)", this.observation::start);
		}
		this.listener.onStart(this);
		try {
			this.request = this.method.request(this);
		}
		catch (RuntimeException ex) {
			failed(ex);
			throw ex;
		}
		if (!this.observation.isNoop()
				&& this.observation.getContext() instanceof EnforcementObservationContext context) {
			context.setRequestId(this.request.requestId().toString());
		}
		return this.request;
	}

	/**
	 * The observation of this call, a no-op one when observation is off.
	 */
	Observation observation() {
		return this.observation;
	}

	EnforcedMethod enforcedMethod() {
		return this.method;
	}

	void decided(EnforcementResult decision) {
		this.result = decision;
		if (!this.observation.isNoop()
				&& this.observation.getContext() instanceof EnforcementObservationContext context) {
			context.setResult(decision);
		}
		this.listener.onDecision(this, decision);
	}

	/**
	 * No decision was reached, or the approval waited for was not given: the method
	 * will not run.
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
	 * The decision refused the call (a block, or a suspension not waited for): the
	 * method will not run.
	 */
	void refused(EnforcementOutcome outcome) {
		stopObservation(outcome, null);
	}

	/**
	 * The caller cancelled before the method ran.
	 */
	void cancelledBeforeRunning() {
		if (this.startNanos == 0) {
			stopObservation(EnforcementOutcome.CANCELLED, null);
		}
	}

	/**
	 * The method is about to run.
	 */
	void running() {
		this.startNanos = System.nanoTime();
	}

	void resultValue(Object value) {
		this.value = value;
	}

	/**
	 * Completes the enforcement once; later calls do nothing.
	 * @param status how the method ended
	 * @param error the method's exception, or {@code null}
	 * @return a stage that completes (never exceptionally) when the method may return
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
		try {
			this.listener.onCompletion(this, status, error);
			EnforcementResult decision = this.result;
			if (decision == null || !decision.requiresCompletion()) {
				return CompletableFuture.completedFuture(null);
			}
			BigDecimal cost = (status == CompletionStatus.SUCCESS) ? this.method.costActual(this, this.value)
					: null;
			Completion completion = Completion.builder(status)
				.costActual(cost)
				.duration(duration())
				.error((error != null) ? error.getClass().getName() : null)
				.build();
			return this.dispatcher.dispatch(decision.journalId(), completion);
		}
		catch (RuntimeException ex) {
			logger.error("Specora completion {} of journal entry {} could not be handed over: {}", status,
					(this.result != null) ? this.result.journalId() : null, ex.toString());
			return CompletableFuture.completedFuture(null);
		}
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

	/**
	 * Closes a scope of {@link #openScope()}; a handler that fails is logged.
	 */
	static void closeScope(Observation.Scope scope) {
		if (scope != null) {
			Listeners.callSafely(logger, "observation handler (scope closed)", scope::close);
		}
	}

	@Override
	public String actionType() {
		return this.method.getActionType();
	}

	@Override
	public Method method() {
		return this.method.getMethod();
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
		return "EnforcedCall[" + this.method.getDescription() + ", actionType=" + actionType() + ", requestId="
				+ ((this.request != null) ? this.request.requestId() : null) + "]";
	}

}
