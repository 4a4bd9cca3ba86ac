package ai.specora.spring.ai.tool;

import ai.specora.client.EnforcementResult;
import ai.specora.spring.observation.DefaultEnforcementObservationConvention;
import ai.specora.spring.observation.EnforcementObservationContext;
import ai.specora.spring.observation.EnforcementObservationConvention;
import ai.specora.spring.observation.EnforcementOutcome;
import ai.specora.spring.observation.SpecoraObservationDocumentation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * The {@code specora.enforcement} observation of one governed tool call, a no-op one
 * when observation is off: what is known of the call at each step, stopped once.
 */
final class ToolCallObservation {

	private static final EnforcementObservationConvention DEFAULT_CONVENTION = new DefaultEnforcementObservationConvention();

	private final Observation observation;

	private final EnforcementObservationContext context;

	private boolean stopped;

	private ToolCallObservation(Observation observation) {
		this.observation = observation;
		this.context = (observation.getContext() instanceof EnforcementObservationContext enforcement) ? enforcement
				: null;
	}

	/**
	 * Starts the observation of a tool call.
	 */
	static ToolCallObservation start(ObservationRegistry registry, EnforcementObservationConvention convention,
			ToolCallSpec spec, boolean failsOpen) {
		if (registry.isNoop()) {
			return new ToolCallObservation(Observation.NOOP);
		}
		Observation observation = SpecoraObservationDocumentation.ENFORCEMENT.observation(convention,
				DEFAULT_CONVENTION,
				() -> new EnforcementObservationContext(spec.observedActionType(), failsOpen ? "open" : "closed"),
				registry);
		return new ToolCallObservation(observation.start());
	}

	/**
	 * Makes the observation the current one until the scope is closed.
	 */
	Observation.Scope openScope() {
		return this.observation.openScope();
	}

	void requestId(String requestId) {
		if (this.context != null) {
			this.context.setRequestId(requestId);
		}
	}

	void decided(EnforcementResult decision) {
		if (this.context != null) {
			this.context.setResult(decision);
		}
	}

	/**
	 * Stops the observation once with how the call ended.
	 */
	void stop(EnforcementOutcome outcome, Throwable error) {
		if (this.context == null || this.stopped) {
			return;
		}
		this.stopped = true;
		this.context.setOutcome(outcome);
		if (error != null) {
			this.observation.error(error);
		}
		this.observation.stop();
	}

}
