package ai.specora.spring.ai.chat;

import java.util.Objects;

import ai.specora.client.platform.PreAuthorizationResult;
import ai.specora.client.platform.Provider;

/**
 * An authorized LLM call: the provider and model it was dispatched to, and the
 * platform's authorization.
 *
 * @param provider the provider the call went to
 * @param model the model asked for
 * @param authorization the platform's authorization
 */
public record LlmExecution(Provider provider, String model, PreAuthorizationResult authorization) {

	/**
	 * Validates the components.
	 */
	public LlmExecution {
		Objects.requireNonNull(provider, "provider must not be null");
		Objects.requireNonNull(model, "model must not be null");
		Objects.requireNonNull(authorization, "authorization must not be null");
	}

	/**
	 * Whether the platform routed the call elsewhere than it was asked for.
	 * @param requestedProvider the provider asked for
	 * @param requestedModel the model asked for
	 * @return {@code true} when provider or model differ
	 */
	public boolean isRerouted(Provider requestedProvider, String requestedModel) {
		return this.provider != requestedProvider || !this.model.equals(requestedModel);
	}

}
