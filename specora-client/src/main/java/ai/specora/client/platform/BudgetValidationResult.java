package ai.specora.client.platform;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The budget state of the tenant ({@code validateBudget}). Unlike the rest of the
 * Platform API, this answer is in decimal USD, as the wire contract says.
 *
 * @param budgetRemaining what is left, in USD
 * @param budgetTotal the whole budget, in USD
 * @param usagePercent how much is used, 0 to 100
 * @param forecastBreach whether the budget is forecast to be exceeded
 * @param enforcementState how the budget is enforced now
 * ({@link EnforcementState#UNKNOWN} for a value this client does not know)
 */
public record BudgetValidationResult(BigDecimal budgetRemaining, BigDecimal budgetTotal, double usagePercent,
		boolean forecastBreach, EnforcementState enforcementState) {

	/**
	 * Checks the mandatory components.
	 * @param budgetRemaining what is left, in USD
	 * @param budgetTotal the whole budget, in USD
	 * @param usagePercent how much is used
	 * @param forecastBreach whether a breach is forecast
	 * @param enforcementState the enforcement state
	 */
	public BudgetValidationResult {
		Objects.requireNonNull(budgetRemaining, "budgetRemaining must not be null");
		Objects.requireNonNull(budgetTotal, "budgetTotal must not be null");
		Objects.requireNonNull(enforcementState, "enforcementState must not be null");
	}

}
