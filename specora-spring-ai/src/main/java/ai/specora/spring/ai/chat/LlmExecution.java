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

}
