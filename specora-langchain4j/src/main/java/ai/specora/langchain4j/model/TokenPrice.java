package ai.specora.langchain4j.model;

import java.math.BigDecimal;

/**
 * The price of a model's tokens, in USD per million tokens.
 */
public class TokenPrice {

	/**
	 * USD per million input (prompt) tokens.
	 */
	private BigDecimal input = BigDecimal.ZERO;

	/**
	 * USD per million output (completion) tokens.
	 */
	private BigDecimal output = BigDecimal.ZERO;

	/**
	 * A price of zero, to be set.
	 */
	public TokenPrice() {
	}

	/**
	 * A price.
	 * @param input USD per million input tokens
	 * @param output USD per million output tokens
	 */
	public TokenPrice(BigDecimal input, BigDecimal output) {
		this.input = input;
		this.output = output;
	}

	public BigDecimal getInput() {
		return this.input;
	}

	public void setInput(BigDecimal input) {
		this.input = input;
	}

	public BigDecimal getOutput() {
		return this.output;
	}

	public void setOutput(BigDecimal output) {
		this.output = output;
	}

}
