package ai.specora.localauthority;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A runtime budget's use within its current window: settled charges and live
 * reservations. Not thread-safe: guarded by the {@link AuthorityEngine}'s lock.
 */
final class BudgetAccount {

	static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	final BudgetRule rule;

	private final long periodMillis;

	private long window = Long.MIN_VALUE;

	private long breachNotifiedWindow = Long.MIN_VALUE;

	private BigDecimal settled = BigDecimal.ZERO;

	private BigDecimal reserved = BigDecimal.ZERO;

	BudgetAccount(BudgetRule rule) {
		this.rule = rule;
		this.periodMillis = rule.period().toMillis();
	}

	/** Starts a new window, with nothing used, when {@code now} is past the current one. */
	void roll(Instant now) {
		long current = Math.floorDiv(now.toEpochMilli(), this.periodMillis);
		if (current != this.window) {
			this.window = current;
			this.settled = BigDecimal.ZERO;
			this.reserved = BigDecimal.ZERO;
		}
	}

	/** What is settled and reserved in the current window. */
	BigDecimal used() {
		return this.settled.add(this.reserved);
	}

	/** Reserves an amount in the current window. */
	Hold reserve(BigDecimal amount) {
		this.reserved = this.reserved.add(amount);
		return new Hold(this, this.window);
	}

	/** Gives back a reserved amount, if the window it was reserved in is still current. */
	void release(long holdWindow, BigDecimal amount, Instant now) {
		roll(now);
		if (holdWindow == this.window) {
			this.reserved = this.reserved.subtract(amount);
		}
	}

	/** Settles an amount, if the window it was reserved in is still current. */
	void charge(long holdWindow, BigDecimal amount, Instant now) {
		roll(now);
		if (holdWindow == this.window) {
			this.settled = this.settled.add(amount);
		}
	}

	/** Whether a breach webhook is still due in this window; marks it sent. */
	boolean breachDue() {
		if (this.breachNotifiedWindow == this.window) {
			return false;
		}
		this.breachNotifiedWindow = this.window;
		return true;
	}

	/** Where the current window starts. */
	Instant windowStart() {
		return Instant.ofEpochMilli(this.window * this.periodMillis);
	}

	/** The use as a percentage of the limit, at most 100, with two decimals. */
	BigDecimal usagePercent() {
		BigDecimal limit = this.rule.limit();
		if (limit.signum() == 0) {
			return HUNDRED.setScale(2);
		}
		return used().multiply(HUNDRED).divide(limit, 2, RoundingMode.HALF_UP).min(HUNDRED.setScale(2));
	}

	/**
	 * Projects the use at the window's end from the pace so far, counting at least
	 * a tenth of the window as elapsed so that an early spike does not alarm.
	 */
	boolean forecastBreach(Instant now) {
		if (used().signum() == 0) {
			return false;
		}
		long elapsed = Duration.between(windowStart(), now).toMillis();
		double fraction = Math.max(0.1, Math.min(1.0, (double) elapsed / this.periodMillis));
		return used().doubleValue() / fraction > this.rule.limit().doubleValue();
	}

	/**
	 * Whether the budget applies to a {@code budget/validate} scope: each key the scope
	 * names must match; a key it does not name matches anything.
	 */
	boolean appliesTo(Map<String, String> scope) {
		String actionType = scope.get("action_type");
		if (actionType != null && !Globs.matches(this.rule.actionType(), actionType)) {
			return false;
		}
		for (Map.Entry<String, String> matcher : this.rule.scope().entrySet()) {
			String value = scope.get(matcher.getKey());
			if (value != null && !Globs.matches(matcher.getValue(), value)) {
				return false;
			}
		}
		return true;
	}

	/** A reservation against one budget, in the window it was made in. */
	record Hold(BudgetAccount account, long window) {

		/** Gives the reserved amount back, if its window is still current. */
		void release(BigDecimal amount, Instant now) {
			this.account.release(this.window, amount, now);
		}

		/** Settles an amount, if the hold's window is still current. */
		void charge(BigDecimal amount, Instant now) {
			this.account.charge(this.window, amount, now);
		}

	}

}
