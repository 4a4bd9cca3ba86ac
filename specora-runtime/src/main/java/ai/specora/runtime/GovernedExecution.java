package ai.specora.runtime;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

import ai.specora.client.CompletionStatus;
import ai.specora.client.FailMode;
import ai.specora.runtime.observation.DefaultEnforcementObservationConvention;
import ai.specora.runtime.observation.EnforcementObservationContext;
import ai.specora.runtime.observation.EnforcementObservationConvention;
import ai.specora.runtime.observation.SpecoraObservationDocumentation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Runs governed code of each kind (blocking, {@code CompletionStage}, reactive) once its
 * {@link DecisionFlow} allowed it, and ends the call with how the code ended. The
 * implementation of {@link ai.specora.runtime.GovernanceEngine}.
 * <p>
 * Internal to the engine.
 */
final class GovernedExecution {

	private static final Logger logger = LoggerFactory.getLogger(GovernedExecution.class);

	private static final EnforcementObservationConvention DEFAULT_CONVENTION = new DefaultEnforcementObservationConvention();

	private final DecisionFlow decisions;

	private final CompletionDispatcher dispatcher;

	private final GovernanceListener listener;

	private final ObservationRegistry observationRegistry;

	private final EnforcementObservationConvention observationConvention;

	/**
	 * Creates the execution.
	 * @param decisions decides each call
	 * @param dispatcher hands completions over
	 * @param listener told of every step of every call
	 * @param observationRegistry where calls are observed
	 * @param observationConvention names the observations, or {@code null}
	 */
	GovernedExecution(DecisionFlow decisions, CompletionDispatcher dispatcher, GovernanceListener listener,
			ObservationRegistry observationRegistry, EnforcementObservationConvention observationConvention) {
		this.decisions = decisions;
		this.dispatcher = dispatcher;
		this.listener = listener;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
	}

	/**
	 * See {@link ai.specora.runtime.GovernanceEngine#call}.
	 */
	<T, E extends Throwable> T call(GovernancePolicy policy, GovernedRequest request, GovernedBody<T, E> body)
			throws E {
		CallState call = newCall(policy, request, null);
		this.decisions.await(call);
		call.running();
		T value;
		Observation.Scope scope = call.openScope();
		try {
			value = body.run();
		}
		catch (Throwable ex) {
			CallState.closeScope(scope);
			await(call.finish(statusOf(ex), ex));
			throw ex;
		}
		CallState.closeScope(scope);
		call.value(value);
		await(call.finish(CompletionStatus.SUCCESS, null));
		return value;
	}

	/**
	 * See {@link ai.specora.runtime.GovernanceEngine#callAsync}.
	 */
	<T, E extends Throwable> CompletableFuture<T> callAsync(GovernancePolicy policy, GovernedRequest request,
			GovernedBody<? extends CompletionStage<T>, E> body) throws E {
		CallState call = newCall(policy, request, null);
		this.decisions.await(call);
		call.running();
		CompletionStage<T> stage;
		Observation.Scope scope = call.openScope();
		try {
			stage = body.run();
		}
		catch (Throwable ex) {
			CallState.closeScope(scope);
			await(call.finish(statusOf(ex), ex));
			throw ex;
		}
		CallState.closeScope(scope);
		if (stage == null) {
			await(call.finish(CompletionStatus.SUCCESS, null));
			return CompletableFuture.completedFuture(null);
		}
		CompletableFuture<T> governed = new CompletableFuture<>();
		stage.whenComplete((value, ex) -> {
			call.value(value);
			CompletionStage<Void> finished = (ex == null) ? call.finish(CompletionStatus.SUCCESS, null)
					: call.finish(statusOf(ex), unwrap(ex));
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
	 * See {@link ai.specora.runtime.GovernanceEngine#callMono}.
	 */
	<T> Mono<T> callMono(GovernancePolicy policy, GovernedRequest request,
			Supplier<? extends Publisher<T>> body) {
		return Mono.usingWhen(allowed(policy, request),
				(call) -> call.observed(Mono.from(run(call, body)).doOnNext(call::value)), CallState::succeeded,
				CallState::failedWith, CallState::cancelled);
	}

	/**
	 * See {@link ai.specora.runtime.GovernanceEngine#callFlux}.
	 */
	<T> Flux<T> callFlux(GovernancePolicy policy, GovernedRequest request,
			Supplier<? extends Publisher<T>> body) {
		return Flux.usingWhen(allowed(policy, request), (call) -> {
			Flux<T> values = Flux.from(run(call, body));
			Observation observation = call.observation();
			return observation.isNoop() ? values
					: values.contextWrite(Context.of(CallState.OBSERVATION_KEY, observation));
		}, CallState::succeeded, CallState::failedWith, CallState::cancelled);
	}

	private Mono<CallState> allowed(GovernancePolicy policy, GovernedRequest request) {
		return Mono.deferContextual((context) -> {
			CallState call = newCall(policy, request, context.getOrDefault(CallState.OBSERVATION_KEY, null));
			return this.decisions.decide(call).map((decision) -> call);
		});
	}

	private static <T> Publisher<T> run(CallState call, Supplier<? extends Publisher<T>> body) {
		call.running();
		try {
			Publisher<T> publisher = body.get();
			return (publisher != null) ? publisher : Mono.empty();
		}
		catch (RuntimeException | Error ex) {
			return Mono.error(ex);
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

	private CallState newCall(GovernancePolicy policy, GovernedRequest request, Observation parent) {
		Observation observation = Observation.NOOP;
		if (!this.observationRegistry.isNoop()) {
			observation = SpecoraObservationDocumentation.ENFORCEMENT.observation(this.observationConvention,
					DEFAULT_CONVENTION,
					() -> new EnforcementObservationContext(policy.actionType(), failModeValue(policy.failMode()),
							policy.mode().value()),
					this.observationRegistry);
			if (parent != null) {
				observation.parentObservation(parent);
			}
		}
		return new CallState(policy, request, this.listener, this.dispatcher, observation);
	}

	private static String failModeValue(FailMode failMode) {
		return (failMode == FailMode.OPEN) ? "open" : "closed";
	}

	/**
	 * How blocking code that threw ended: {@code cancelled} when it was interrupted or
	 * cancelled, else {@code failure}.
	 */
	private static CompletionStatus statusOf(Throwable ex) {
		Throwable cause = unwrap(ex);
		return (cause instanceof InterruptedException || cause instanceof CancellationException)
				? CompletionStatus.CANCELLED : CompletionStatus.FAILURE;
	}

	static Throwable unwrap(Throwable ex) {
		Throwable cause = ex;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	/**
	 * Waits for a completion hand-over; the stage never completes exceptionally.
	 */
	private static void await(CompletionStage<Void> stage) {
		if (stage instanceof CompletableFuture<Void> future && future.isDone()) {
			return;
		}
		stage.toCompletableFuture().join();
	}

}
