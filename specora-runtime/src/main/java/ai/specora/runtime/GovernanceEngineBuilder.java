package ai.specora.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import ai.specora.client.ReactiveSpecoraClient;
import ai.specora.runtime.observation.DefaultEnforcementObservationConvention;
import ai.specora.runtime.observation.EnforcementObservationConvention;
import io.micrometer.observation.ObservationRegistry;

/**
 * Builds a {@link GovernanceEngine}. Obtain it from
 * {@link GovernanceEngine#builder(ReactiveSpecoraClient)}; every setting has a default:
 * completions delivered before the call returns ({@link SyncCompletionDispatcher}),
 * approvals followed by an {@link ApprovalWaiter} on the same client, no listeners, and
 * no observation.
 */
public final class GovernanceEngineBuilder {

	private final ReactiveSpecoraClient client;

	private CompletionDispatcher dispatcher;

	private ApprovalWaiter approvalWaiter;

	private final List<GovernanceListener> listeners = new ArrayList<>();

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private EnforcementObservationConvention observationConvention;

	GovernanceEngineBuilder(ReactiveSpecoraClient client) {
		this.client = client;
	}

	/**
	 * Where completions go (default: delivered before the call returns).
	 * @param dispatcher the dispatcher
	 * @return this builder
	 */
	public GovernanceEngineBuilder dispatcher(CompletionDispatcher dispatcher) {
		this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher must not be null");
		return this;
	}

	/**
	 * Follows the approvals of suspended calls that wait (default: an
	 * {@link ApprovalWaiter} on the engine's client).
	 * @param approvalWaiter the waiter
	 * @return this builder
	 */
	public GovernanceEngineBuilder approvalWaiter(ApprovalWaiter approvalWaiter) {
		this.approvalWaiter = Objects.requireNonNull(approvalWaiter, "approvalWaiter must not be null");
		return this;
	}

	/**
	 * Adds a listener; listeners are told of each call in the order they were added.
	 * @param listener the listener
	 * @return this builder
	 */
	public GovernanceEngineBuilder listener(GovernanceListener listener) {
		this.listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
		return this;
	}

	/**
	 * Adds listeners, in order.
	 * @param listeners the listeners
	 * @return this builder
	 */
	public GovernanceEngineBuilder listeners(List<? extends GovernanceListener> listeners) {
		listeners.forEach(this::listener);
		return this;
	}

	/**
	 * Observes every call as a {@code specora.enforcement} observation in this registry
	 * (default: not observed).
	 * @param observationRegistry the registry
	 * @return this builder
	 */
	public GovernanceEngineBuilder observationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = Objects.requireNonNull(observationRegistry,
				"observationRegistry must not be null");
		return this;
	}

	/**
	 * The convention that names the observation and its key values (default:
	 * {@link DefaultEnforcementObservationConvention}).
	 * @param observationConvention the convention, or {@code null} for the default
	 * @return this builder
	 */
	public GovernanceEngineBuilder observationConvention(EnforcementObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
		return this;
	}

	/**
	 * Builds the engine.
	 * @return the engine
	 */
	public GovernanceEngine build() {
		CompletionDispatcher completions = (this.dispatcher != null) ? this.dispatcher
				: new SyncCompletionDispatcher(this.client);
		ApprovalWaiter waiter = (this.approvalWaiter != null) ? this.approvalWaiter : new ApprovalWaiter(this.client);
		GovernedExecution execution = new GovernedExecution(new DecisionFlow(this.client, waiter), completions,
				new CompositeGovernanceListener(List.copyOf(this.listeners)), this.observationRegistry,
				this.observationConvention);
		return new GovernanceEngine(this.client, execution, completions);
	}

}
