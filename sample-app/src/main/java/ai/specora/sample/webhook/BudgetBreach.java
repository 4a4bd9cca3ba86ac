package ai.specora.sample.webhook;

import java.math.BigDecimal;

/**
 * The payload of a {@code platform.budget_breach} webhook, as far as this application
 * reads it.
 *
 * @param budgetName the budget that was exceeded
 * @param budgetTotal its limit in USD
 * @param budgetUsed what was used or reserved when the breach happened, in USD
 * @param requested the cost that did not fit, in USD
 * @param usagePercent the usage in percent
 * @param actionType the action that did not fit
 * @param journalId the journal entry of that action
 */
public record BudgetBreach(String budgetName, BigDecimal budgetTotal, BigDecimal budgetUsed, BigDecimal requested,
		BigDecimal usagePercent, String actionType, String journalId) {

}
