package ai.specora.langchain4j.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import ai.specora.client.platform.Provider;

/**
 * The cost of an LLM call in micro-USD, from its token usage.
 */
@FunctionalInterface
public interface ModelPricing {

	/**
	 * Prices nothing: every call is recorded with cost 0.
	 */
	ModelPricing FREE = (provider, model, inputTokens, outputTokens) -> 0;

	/**
	 * The cost of a call.
	 * @param provider the provider that ran it
	 * @param model the model that ran it
	 * @param inputTokens the input tokens
	 * @param outputTokens the output tokens
	 * @return the cost in micro-USD, not negative
	 */
	long costMicros(Provider provider, String model, long inputTokens, long outputTokens);

	/**
	 * Prices by model name, in USD per million tokens (so micro-USD per token), as
	 * {@code specora.ai.chat.pricing} and {@code specora.langchain4j.chat.pricing}; a
	 * model without a price costs 0.
	 * @param prices the prices by model name
	 * @return the pricing
	 */
	static ModelPricing perMillionTokens(Map<String, TokenPrice> prices) {
		Map<String, TokenPrice> copy = Map.copyOf(prices);
		return (provider, model, inputTokens, outputTokens) -> {
			TokenPrice price = copy.get(model);
			if (price == null) {
				return 0;
			}
			BigDecimal cost = price.getInput()
				.multiply(BigDecimal.valueOf(inputTokens))
				.add(price.getOutput().multiply(BigDecimal.valueOf(outputTokens)));
			return Math.max(0, cost.setScale(0, RoundingMode.HALF_UP).longValueExact());
		};
	}

}
