package ai.specora.runtime.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names the {@code specora.platform} observation and its key values. Define a bean of
 * this type to replace {@link DefaultPlatformObservationConvention}; keep
 * low-cardinality values to a fixed set.
 */
public interface PlatformObservationConvention extends ObservationConvention<PlatformObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof PlatformObservationContext;
	}

}
