package ai.specora.localauthority;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The use of the {@link PlatformBudget platform budgets} within their current windows.
 * Not thread-safe: guarded by the {@link PlatformEngine}'s lock.
 */
final class PlatformBudgets {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final BigDecimal MAX_PERCENT = HUNDRED.setScale(2);

	private static final BigDecimal THROTTLED_PERCENT = BigDecimal.valueOf(80);

	private final List<Account> accounts;

	PlatformBudgets(List<PlatformBudget> budgets) {
		this.accounts = budgets.stream().map(Account::new).toList();
	}

	/**
	 * The account with the highest usage, or {@code null} without budgets.
	 */
	Account tightest(Instant now) {
		Account tightest = null;
		for (Account account : this.accounts) {
			account.roll(now);
			if (tightest == null || account.usagePercent().compareTo(tightest.usagePercent()) > 0) {
				tightest = account;
			}
		}
		return tightest;
	}

	/**
	 * The first account whose use has reached its limit, or {@code null}.
	 */
	Account exhausted(Instant now) {
		for (Account account : this.accounts) {
			account.roll(now);
			if (account.used >= account.budget.limitMicros()) {
				return account;
			}
		}
		return null;
	}

	/**
	 * The first account that cannot hold another {@code costMicros}, or {@code null}.
	 */
	Account wouldExceed(long costMicros, Instant now) {
		for (Account account : this.accounts) {
			account.roll(now);
			if (account.used + costMicros > account.budget.limitMicros()) {
				return account;
			}
		}
		return null;
	}

	/**
	 * Charges every account and returns those this charge exhausted.
	 */
	List<Account> charge(long costMicros, Instant now) {
		List<Account> crossed = new ArrayList<>();
		for (Account account : this.accounts) {
			account.roll(now);
			boolean before = account.used >= account.budget.limitMicros();
			account.used = saturatedAdd(account.used, costMicros);
			if (!before && account.used >= account.budget.limitMicros()) {
				crossed.add(account);
			}
		}
		return crossed;
	}

	static String enforcementState(BigDecimal usagePercent) {
		return (usagePercent.compareTo(HUNDRED) >= 0) ? "blocked"
				: (usagePercent.compareTo(THROTTLED_PERCENT) >= 0) ? "throttled" : "normal";
	}

	static BigDecimal usd(long micros) {
		return BigDecimal.valueOf(micros, 6).stripTrailingZeros();
	}

	private static long saturatedAdd(long a, long b) {
		long sum = a + b;
		return (((a ^ sum) & (b ^ sum)) < 0) ? Long.MAX_VALUE : sum;
	}

	/**
	 * One budget's use in its current window.
	 */
	static final class Account {

		final PlatformBudget budget;

		private final long periodMillis;

		private long window = Long.MIN_VALUE;

		private long breachNotifiedWindow = Long.MIN_VALUE;

		private long used;

		Account(PlatformBudget budget) {
			this.budget = budget;
			this.periodMillis = budget.period().toMillis();
		}

		void roll(Instant now) {
			long current = Math.floorDiv(now.toEpochMilli(), this.periodMillis);
			if (current != this.window) {
				this.window = current;
				this.used = 0;
			}
		}

		long used() {
			return this.used;
		}

		long remaining() {
			return Math.max(0, this.budget.limitMicros() - this.used);
		}

		BigDecimal usagePercent() {
			long limit = this.budget.limitMicros();
			if (limit == 0) {
				return MAX_PERCENT;
			}
			return BigDecimal.valueOf(this.used)
				.multiply(HUNDRED)
				.divide(BigDecimal.valueOf(limit), 2, RoundingMode.HALF_UP)
				.min(MAX_PERCENT);
		}

		/**
		 * Whether a breach webhook is still due in this window; marks it sent.
		 */
		boolean breachDue() {
			if (this.breachNotifiedWindow == this.window) {
				return false;
			}
			this.breachNotifiedWindow = this.window;
			return true;
		}

		Instant windowStart() {
			return Instant.ofEpochMilli(this.window * this.periodMillis);
		}

		Instant windowEnd() {
			return windowStart().plus(this.budget.period());
		}

		/**
		 * Projects the use at the window's end from the pace so far, counting at least a
		 * tenth of the window as elapsed so that an early spike does not alarm.
		 */
		boolean forecastBreach(Instant now) {
			if (this.used == 0) {
				return false;
			}
			long elapsed = Duration.between(windowStart(), now).toMillis();
			double fraction = Math.max(0.1, Math.min(1.0, (double) elapsed / this.periodMillis));
			return this.used / fraction > this.budget.limitMicros();
		}

	}

}
