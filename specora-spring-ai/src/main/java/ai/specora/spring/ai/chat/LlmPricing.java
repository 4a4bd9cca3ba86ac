package ai.specora.spring.ai.chat;

import ai.specora.client.platform.Provider;

/**
 * The cost of an LLM call in micro-USD, from its token usage.
 */
@FunctionalInterface
public interface LlmPricing {

	/**
	 * Prices nothing: every call is recorded with cost 0.
	 */
	LlmPricing FREE = (provider, model, inputTokens, outputTokens) -> 0;

	/**
	 * The cost of a call.
	 * @param provider the provider that ran it
	 * @param model the model that ran it
	 * @param inputTokens the input tokens
	 * @param outputTokens the output tokens
	 * @return the cost in micro-USD, not negative
	 */
	long costMicros(Provider provider, String model, long inputTokens, long outputTokens);

}
