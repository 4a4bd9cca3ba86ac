package ai.specora.runtime;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import ai.specora.client.FailClosedException;
import ai.specora.client.ReactiveSpecoraClient;
import ai.specora.client.SpecoraBlockedException;
import ai.specora.client.SpecoraSuspendedException;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one engine of every governed call, whatever its entry point: an
 * {@code @Enforced} method, a Spring AI tool call, or the application's own code. Each
 * call asks the authority first, applies the {@linkplain GovernancePolicy policy}'s fail
 * mode, judges the decision (allow, block, suspend), waits for an approval when the
 * policy says so, runs the governed code only when allowed, and completes the journal
 * entry with how the code ended ({@code success}, {@code failure}, or
 * {@code cancelled}: a call cancelled or interrupted after an allow releases its
 * reservation). Listeners and the {@code specora.enforcement} observation follow every
 * call alike.
 * <p>
 * A decision governs only the call it was asked for: governed code that reaches other
 * governed code (a tool calling an {@code @Enforced} service) is governed again, with
 * its own request, decision and completion.
 * <p>
 * The governed code's own result and exception are returned unchanged. When it does not
 * run, the call raises {@link SpecoraBlockedException} (blocked, or an approval denied),
 * {@link SpecoraSuspendedException} (an approval needed and not waited for, or not given
 * in time), or {@link FailClosedException} (no decision under a closed fail mode, an
 * open circuit breaker included); a request the authority refused raises its
 * {@link ai.specora.client.SpecoraClientException}. In {@link GovernanceMode#SHADOW} the
 * code runs whatever the decision.
 * <p>
 * Build one per client with {@link #builder(ReactiveSpecoraClient)} and share it: it is
 * thread-safe and holds nothing per call.
 * <pre class="code">
 * GovernanceEngine engine = GovernanceEngine.builder(client.reactive()).build();
 * GovernancePolicy policy = GovernancePolicy.builder("payment_refund").description("refunds").build();
 * Refund refund = engine.call(policy, GovernedRequest.of(EnforceRequest.builder("payment_refund").build()),
 *         () -&gt; payments.refund(order));
 * </pre>
 */
public final class GovernanceEngine {

	private final GovernedExecution execution;

	private final ReactiveSpecoraClient client;

	private final CompletionDispatcher dispatcher;

	GovernanceEngine(ReactiveSpecoraClient client, GovernedExecution execution, CompletionDispatcher dispatcher) {
		this.client = client;
		this.execution = execution;
		this.dispatcher = dispatcher;
	}

	/**
	 * A builder of an engine on a client.
	 * @param client asks for decisions and delivers completions
	 * @return the builder
	 */
	public static GovernanceEngineBuilder builder(ReactiveSpecoraClient client) {
		return new GovernanceEngineBuilder(Objects.requireNonNull(client, "client must not be null"));
	}

	/**
	 * Governs blocking code, run on the calling thread once allowed. The decision is
	 * waited for on the calling thread.
	 * @param policy how the call is governed
	 * @param request what the call asks
	 * @param body the governed code
	 * @param <T> what the code returns
	 * @param <E> the exception it may throw
	 * @return what the code returned
	 * @throws E the code's own exception, unchanged
	 * @throws java.util.concurrent.CancellationException when the calling thread was
	 * interrupted while waiting for the decision (its interrupt status is kept)
	 */
	public <T, E extends Throwable> T call(GovernancePolicy policy, GovernedRequest request, GovernedBody<T, E> body)
			throws E {
		return this.execution.call(policy, request, body);
	}

	/**
	 * Governs code that returns a {@link CompletionStage}: the decision is waited for on
	 * the calling thread before the code is called, and the call is completed when the
	 * stage completes. Cancelling the returned future cancels the code's stage and
	 * completes the call as {@code cancelled}.
	 * @param policy how the call is governed
	 * @param request what the call asks
	 * @param body the governed code
	 * @param <T> what the stage gives
	 * @param <E> the exception the code may throw before it returns its stage
	 * @return a future that completes as the code's stage did, once the completion was
	 * handed over
	 * @throws E the code's own exception, unchanged, when it threw instead of returning
	 * a stage
	 */
	public <T, E extends Throwable> CompletableFuture<T> callAsync(GovernancePolicy policy, GovernedRequest request,
			GovernedBody<? extends CompletionStage<T>, E> body) throws E {
		return this.execution.callAsync(policy, request, body);
	}

	/**
	 * Governs reactive code with at most one value: decided at subscription without
	 * blocking, the code subscribed only when allowed, completed on its terminal signal
	 * (complete, error, or cancel).
	 * @param policy how the call is governed
	 * @param request what the call asks
	 * @param body gives the governed publisher; called once allowed
	 * @param <T> the value type
	 * @return the governed publisher
	 */
	public <T> Mono<T> callMono(GovernancePolicy policy, GovernedRequest request,
			Supplier<? extends Publisher<T>> body) {
		return this.execution.callMono(policy, request, body);
	}

	/**
	 * Governs reactive code with any number of values, like
	 * {@link #callMono(GovernancePolicy, GovernedRequest, Supplier)}.
	 * @param policy how the call is governed
	 * @param request what the call asks
	 * @param body gives the governed publisher; called once allowed
	 * @param <T> the value type
	 * @return the governed publisher
	 */
	public <T> Flux<T> callFlux(GovernancePolicy policy, GovernedRequest request,
			Supplier<? extends Publisher<T>> body) {
		return this.execution.callFlux(policy, request, body);
	}

	/**
	 * The client this engine asks.
	 * @return the client
	 */
	public ReactiveSpecoraClient client() {
		return this.client;
	}

	/**
	 * The dispatcher that delivers the completions of this engine's calls; adapters of
	 * LLM calls hand their execution records to it, so that records take the same path
	 * (queue, retries, store, shutdown drain) as completions.
	 * @return the dispatcher
	 */
	public CompletionDispatcher completionDispatcher() {
		return this.dispatcher;
	}

	@Override
	public String toString() {
		return "GovernanceEngine[" + this.client + "]";
	}

}
