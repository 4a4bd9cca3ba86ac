package ai.specora.spring.autoconfigure;

import ai.specora.client.SpecoraClient;
import ai.specora.client.SpecoraClientBuilder;

/**
 * Callback to customize the {@link SpecoraClientBuilder} of the auto-configured
 * {@link SpecoraClient}, e.g. to add {@code onDecision} or {@code onError} callbacks.
 * <p>
 * Every bean of this type is applied, in {@link org.springframework.core.Ordered order},
 * after the builder has been set up from the {@code specora.*} properties and before
 * the client is built, so a customizer can override any property. The settings are
 * checked when the client is built, whoever set them.
 */
@FunctionalInterface
public interface SpecoraClientBuilderCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder of the auto-configured client
	 */
	void customize(SpecoraClientBuilder builder);

}
