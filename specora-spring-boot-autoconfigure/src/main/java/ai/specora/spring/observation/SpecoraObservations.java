package ai.specora.spring.observation;

import java.util.Objects;

import ai.specora.runtime.observation.DefaultEnforcementObservationConvention;
import ai.specora.runtime.observation.EnforcementObservationConvention;
import io.micrometer.observation.ObservationRegistry;

/**
 * Where Specora governance is observed: the registry, and the convention that names the
 * {@code specora.enforcement} observation. Present as a bean only when observation is
 * on ({@code specora.metrics.enabled}, the default, with a {@code MeterRegistry} or an
 * {@code ObservationRegistry}); without it, governed calls are not observed at all.
 *
 * @param registry the registry governed calls are observed in
 * @param enforcementConvention the convention of {@code specora.enforcement}, or
 * {@code null} for {@link DefaultEnforcementObservationConvention}
 */
public record SpecoraObservations(ObservationRegistry registry, EnforcementObservationConvention enforcementConvention) {

	/**
	 * Checks the registry.
	 * @param registry the registry governed calls are observed in
	 * @param enforcementConvention the convention, or {@code null}
	 */
	public SpecoraObservations {
		Objects.requireNonNull(registry, "registry must not be null");
	}

}
