package ai.specora.spring.ai.autoconfigure;

import ai.specora.spring.ai.observation.GenAiObservationFilter;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Registers the {@link GenAiObservationFilter} with the application's observation
 * registries once every singleton exists, before any call is made.
 */
final class GenAiObservationRegistrar implements SmartInitializingSingleton {

	private final ObjectProvider<ObservationRegistry> registries;

	private final boolean toolNameLowCardinality;

	GenAiObservationRegistrar(ObjectProvider<ObservationRegistry> registries, boolean toolNameLowCardinality) {
		this.registries = registries;
		this.toolNameLowCardinality = toolNameLowCardinality;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.registries.orderedStream()
			.filter((registry) -> !registry.isNoop())
			.forEach((registry) -> registry.observationConfig()
				.observationFilter(new GenAiObservationFilter(this.toolNameLowCardinality, registry)));
	}

}
