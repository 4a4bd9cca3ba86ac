package ai.specora.spring.observation;

import java.util.Objects;

import ai.specora.client.DecisionSource;
import ai.specora.client.EnforcementResult;
import ai.specora.runtime.GovernanceListener;
import ai.specora.runtime.GovernedCall;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts governed calls that ran ungoverned because no decision could be had and their
 * fail mode is open, or they are in shadow mode: {@code specora.enforcement.fail.open},
 * tagged with the action type and the mode, whatever the entry point.
 */
public final class FailOpenMetrics implements GovernanceListener {

	private final MeterRegistry registry;

	/**
	 * Creates the meter's listener.
	 * @param registry where the counter is registered
	 */
	public FailOpenMetrics(MeterRegistry registry) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
	}

	@Override
	public void onDecision(GovernedCall call, EnforcementResult result) {
		if (result.source() == DecisionSource.FAIL_OPEN) {
			Counter.builder(SpecoraMeterNames.ENFORCEMENT_FAIL_OPEN)
				.description("Governed calls run without a decision under an open fail mode")
				.tag(SpecoraMeterNames.ACTION_TYPE, call.actionType())
				.tag(SpecoraMeterNames.MODE, call.policy().mode().value())
				.register(this.registry)
				.increment();
		}
	}

}
