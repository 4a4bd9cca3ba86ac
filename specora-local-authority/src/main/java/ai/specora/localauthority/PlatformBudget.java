package ai.specora.localauthority;

import java.time.Duration;

/**
 * A spending limit of the Platform API, in integer micro-USD: the cost of every
 * recorded execution ({@code POST /v1/platform/executions}) and proxied call
 * ({@code POST /v1/platform/proxy/execute}) is charged against it, within fixed windows
 * of {@code period} counted from the Unix epoch on the authority's clock.
 * <p>
 * Once the use reaches the limit the budget is exhausted: a {@code platform.budget_breach}
 * webhook is sent (once per window) and the spending calls answer 402 until the next
 * window. A pre-authorisation whose estimated cost does not fit answers 402 too.
 *
 * @param name the budget's name, unique among the platform budgets
 * @param limitMicros the limit in micro-USD (1,000,000 = 1 USD), zero or more
 * @param period the window length; {@code null} means one day
 */
public record PlatformBudget(String name, long limitMicros, Duration period) {

	/** The window length used when a budget names none. */
	public static final Duration DEFAULT_PERIOD = Duration.ofDays(1);

	/**
	 * Validates and normalises the budget.
	 * @param name the budget's name
	 * @param limitMicros the limit in micro-USD
	 * @param period the window length
	 */
	public PlatformBudget {
		PlatformVocabulary.requireText(name, "platform budget name");
		if (limitMicros < 0) {
			throw new IllegalArgumentException("platform budget '" + name + "' limit must not be negative");
		}
		period = (period != null) ? period : DEFAULT_PERIOD;
		if (period.toMillis() <= 0) {
			throw new IllegalArgumentException(
					"platform budget '" + name + "' period must be at least one millisecond");
		}
	}

	/**
	 * A budget over one day.
	 * @param name the budget's name
	 * @param limitMicros the limit in micro-USD
	 * @return the budget
	 */
	public static PlatformBudget daily(String name, long limitMicros) {
		return new PlatformBudget(name, limitMicros, DEFAULT_PERIOD);
	}

}
