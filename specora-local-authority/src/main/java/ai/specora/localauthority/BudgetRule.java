package ai.specora.localauthority;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A spending limit of the local authority: allowed actions whose type matches
 * {@code actionType} and whose scope matches every entry of {@code scope} reserve their
 * estimated cost against {@code limit} (USD) within fixed windows of {@code period},
 * counted from the Unix epoch on the authority's clock.
 * <p>
 * An action that would take any matching budget over its limit is blocked. Costs count
 * in the window in which the action was allowed.
 *
 * @param name the budget's name, unique among the budgets; appears in blocked reasons
 * @param actionType the action type glob; {@code null} means {@code *}
 * @param scope scope key to value glob, all of which must match; {@code null} means none
 * @param limit the limit in USD, zero or more
 * @param period the window length; {@code null} means one day
 */
public record BudgetRule(String name, String actionType, Map<String, String> scope, BigDecimal limit,
		Duration period) {

	/** The window length used when a budget names none. */
	public static final Duration DEFAULT_PERIOD = Duration.ofDays(1);

	/**
	 * Validates and normalises the budget.
	 * @param name the budget's name
	 * @param actionType the action type glob
	 * @param scope the scope matchers
	 * @param limit the limit in USD
	 * @param period the window length
	 */
	public BudgetRule {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("budget name must not be blank");
		}
		Objects.requireNonNull(limit, () -> "budget '" + name + "' must have a limit");
		if (limit.signum() < 0) {
			throw new IllegalArgumentException("budget '" + name + "' limit must not be negative");
		}
		period = (period != null) ? period : DEFAULT_PERIOD;
		if (period.toMillis() <= 0) {
			throw new IllegalArgumentException("budget '" + name + "' period must be at least one millisecond");
		}
		actionType = (actionType != null) ? actionType : "*";
		scope = (scope != null) ? Map.copyOf(scope) : Map.of();
	}

	/**
	 * A budget without scope matchers.
	 * @param name the budget's name
	 * @param actionType the action type glob
	 * @param limit the limit in USD
	 * @param period the window length
	 * @return the budget
	 */
	public static BudgetRule of(String name, String actionType, BigDecimal limit, Duration period) {
		return new BudgetRule(name, actionType, null, limit, period);
	}

	/**
	 * Returns a copy of this budget with other scope matchers.
	 * @param scope scope key to value glob
	 * @return the new budget
	 */
	public BudgetRule withScope(Map<String, String> scope) {
		return new BudgetRule(this.name, this.actionType, scope, this.limit, this.period);
	}

	boolean matches(String actionType, Map<String, String> scope) {
		return Globs.matches(this.actionType, this.scope, actionType, scope);
	}

}
