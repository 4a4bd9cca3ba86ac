package ai.specora.spring.enforcement;

import java.util.function.Function;

import ai.specora.client.CompletionStatus;
import io.micrometer.observation.Observation;
import org.aopalliance.intercept.MethodInvocation;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.core.ReactiveAdapter;

/**
 * Reactive return types (anything Spring's {@code ReactiveAdapterRegistry} adapts):
 * decided at subscription without blocking, completed on the terminal signal
 * (complete, error or cancel). Only this class and {@link EnforcementDecisions} touch
 * Reactor types, and this one is loaded only when a reactive method is called.
 */
final class ReactiveGovernance {

	private ReactiveGovernance() {
	}

	/**
	 * Governs one reactive call.
	 * @param newCall creates the call, given the parent observation of the subscriber
	 * (or {@code null})
	 */
	static Object invoke(MethodInvocation invocation, EnforcedMethod enforced, EnforcementDecisions decisions,
			Function<Observation, GovernedInvocation> newCall) {
		ReactiveAdapter adapter = enforced.reactiveAdapter();
		Mono<GovernedInvocation> allowed = Mono.deferContextual((context) -> decisions
			.decideReactively(newCall.apply(context.getOrDefault(EnforcementDecisions.OBSERVATION_KEY, null))));
		if (adapter.isMultiValue()) {
			Flux<Object> governed = Flux.usingWhen(allowed, (call) -> {
				call.running();
				Flux<Object> values = Flux.from(proceed(invocation, adapter));
				Observation observation = call.observation();
				return observation.isNoop() ? values
						: values.contextWrite(Context.of(EnforcementDecisions.OBSERVATION_KEY, observation));
			}, (call) -> finish(call, CompletionStatus.SUCCESS, null),
					(call, ex) -> finish(call, CompletionStatus.FAILURE, ex),
					(call) -> finish(call, CompletionStatus.CANCELLED, null));
			return adapter.fromPublisher(governed);
		}
		Mono<Object> governed = Mono.usingWhen(allowed, (call) -> {
			call.running();
			return EnforcementDecisions.observed(call,
					Mono.from(proceed(invocation, adapter)).doOnNext(call::resultValue));
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
		return adapter.toPublisher(returned);
	}

}
