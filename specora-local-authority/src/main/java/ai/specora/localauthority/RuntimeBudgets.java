package ai.specora.localauthority;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The runtime budgets: which ones a request draws on, which one it would exhaust, the
 * {@code budget/validate} answer, and the breach webhook, sent once per budget window.
 * Not thread-safe: guarded by the {@link AuthorityEngine}'s lock.
 */
final class RuntimeBudgets {

	private final List<BudgetAccount> accounts;

	private final RuntimeEvents events;

	RuntimeBudgets(List<BudgetRule> budgets, RuntimeEvents events) {
		this.accounts = budgets.stream().map(BudgetAccount::new).toList();
		this.events = events;
	}

	/** The budgets a request of this action type and scope draws on, rolled to now. */
	List<BudgetAccount> matching(String actionType, Map<String, String> scope, Instant now) {
		List<BudgetAccount> matching = new ArrayList<>();
		for (BudgetAccount account : this.accounts) {
			if (account.rule.matches(actionType, scope)) {
				account.roll(now);
				matching.add(account);
			}
		}
		return matching;
	}

	/** The first of the budgets that cannot hold the cost on top of its use, or {@code null}. */
	static BudgetAccount firstExhausted(List<BudgetAccount> matching, BigDecimal cost) {
		for (BudgetAccount account : matching) {
			if (account.used().add(cost).compareTo(account.rule.limit()) > 0) {
				return account;
			}
		}
		return null;
	}

	/** Why a budget refuses a cost. */
	static String exhaustedReason(BudgetAccount account, BigDecimal cost) {
		return "budget '" + account.rule.name() + "' exhausted: " + usd(account.used()) + " of "
				+ usd(account.rule.limit()) + " USD used or reserved, " + usd(cost) + " requested";
	}

	private static String usd(BigDecimal amount) {
		BigDecimal plain = amount.stripTrailingZeros();
		return plain.setScale(Math.max(2, plain.scale())).toPlainString();
	}

	/**
	 * Adds the breach event of a budget to {@code out}, unless one was already sent in
	 * its current window.
	 */
	void breach(BudgetAccount account, BigDecimal requested, String actionType, String journalId, Instant now,
			List<Wire.WebhookEvent> out) {
		if (account.breachDue()) {
			out.add(this.events.budgetBreach(account, requested, actionType, journalId, now));
		}
	}

	/** The state of the tightest budget that applies to a {@code budget/validate} scope. */
	Wire.BudgetValidation validate(Map<String, String> scope, Instant now) {
		BudgetAccount tightest = null;
		BigDecimal tightestPercent = null;
		for (BudgetAccount account : this.accounts) {
			if (!account.appliesTo(scope)) {
				continue;
			}
			account.roll(now);
			BigDecimal percent = account.usagePercent();
			if (tightest == null || percent.compareTo(tightestPercent) > 0) {
				tightest = account;
				tightestPercent = percent;
			}
		}
		if (tightest == null) {
			return new Wire.BudgetValidation(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, false, "normal", null);
		}
		BigDecimal limit = tightest.rule.limit();
		BigDecimal remaining = limit.subtract(tightest.used()).max(BigDecimal.ZERO);
		String state = (tightestPercent.compareTo(BudgetAccount.HUNDRED) >= 0) ? "blocked"
				: (tightestPercent.compareTo(BigDecimal.valueOf(80)) >= 0) ? "throttled" : "normal";
		return new Wire.BudgetValidation(remaining, limit, tightestPercent, tightest.forecastBreach(now), state,
				tightest.rule.name());
	}

}
