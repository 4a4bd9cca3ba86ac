package ai.specora.runtime.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names the {@code specora.enforcement} observation and its key values. Define a bean
 * of this type to replace {@link DefaultEnforcementObservationConvention}; keep
 * low-cardinality values to a fixed set.
 */
public interface EnforcementObservationConvention extends ObservationConvention<EnforcementObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof EnforcementObservationContext;
	}

}
