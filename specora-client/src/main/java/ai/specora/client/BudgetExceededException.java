package ai.specora.client;

/**
 * The budget of the organisation or tenant is exhausted (HTTP 402).
 */
public class BudgetExceededException extends SpecoraClientException {

	private final Double usagePercent;

	/**
	 * Creates the exception.
	 * @param message the message
	 * @param details the details of the failed call
	 * @param usagePercent the {@code usage_percent} from the error details, or {@code null}
	 */
	public BudgetExceededException(String message, ErrorDetails details, Double usagePercent) {
		super(message, details);
		this.usagePercent = usagePercent;
	}

	/**
	 * How much of the budget is used, from 0 to 100 (or above when overspent).
	 * @return the usage percentage, or {@code null} when the server did not say
	 */
	public Double getUsagePercent() {
		return this.usagePercent;
	}

}
