package ai.specora.client.platform;

import java.util.Objects;

/**
 * The completion of an LLM call run through the governed proxy ({@code proxyExecute}).
 *
 * @param id the completion's id
 * @param provider the provider that ran it ({@link Provider#UNKNOWN} for a value this
 * client does not know)
 * @param model the model that ran it
 * @param content the generated text
 * @param finishReason why generation stopped, or {@code null}
 * @param usage the tokens used
 * @param costMicros the cost in micro-USD
 */
public record ProxyExecuteResult(String id, Provider provider, String model, String content, String finishReason,
		TokenUsage usage, long costMicros) {

	/**
	 * Checks the mandatory components.
	 * @param id the id
	 * @param provider the provider
	 * @param model the model
	 * @param content the text
	 * @param finishReason the finish reason, or {@code null}
	 * @param usage the tokens used
	 * @param costMicros the cost in micro-USD
	 */
	public ProxyExecuteResult {
		Objects.requireNonNull(id, "id must not be null");
		Objects.requireNonNull(provider, "provider must not be null");
		Objects.requireNonNull(model, "model must not be null");
		Objects.requireNonNull(content, "content must not be null");
		Objects.requireNonNull(usage, "usage must not be null");
	}

}
