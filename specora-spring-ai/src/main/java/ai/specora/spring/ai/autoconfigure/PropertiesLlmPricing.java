package ai.specora.spring.ai.autoconfigure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import ai.specora.client.platform.Provider;
import ai.specora.spring.ai.chat.LlmPricing;

/**
 * Prices LLM calls from {@code specora.ai.chat.pricing}: USD per million tokens is
 * micro-USD per token, so the cost in micro-USD is tokens times price.
 */
final class PropertiesLlmPricing implements LlmPricing {

	private final Map<String, SpecoraAiProperties.Price> prices;

	PropertiesLlmPricing(Map<String, SpecoraAiProperties.Price> prices) {
		this.prices = Map.copyOf(prices);
	}

	@Override
	public long costMicros(Provider provider, String model, long inputTokens, long outputTokens) {
		SpecoraAiProperties.Price price = this.prices.get(model);
		if (price == null) {
			return 0;
		}
		BigDecimal cost = price.getInput()
			.multiply(BigDecimal.valueOf(inputTokens))
			.add(price.getOutput().multiply(BigDecimal.valueOf(outputTokens)));
		return cost.setScale(0, RoundingMode.HALF_UP).longValueExact();
	}

}
