package ai.specora.localauthority;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the webhook events of the runtime API: {@code platform.budget_breach} of a
 * runtime budget and {@code runtime.approval_resolved}. Immutable.
 */
final class RuntimeEvents {

	private final String orgId;

	RuntimeEvents(String orgId) {
		this.orgId = orgId;
	}

	/** The breach of a runtime budget by a request it cannot hold. */
	Wire.WebhookEvent budgetBreach(BudgetAccount account, BigDecimal requested, String actionType, String journalId,
			Instant now) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("budget_name", account.rule.name());
		data.put("budget_total", account.rule.limit());
		data.put("budget_used", account.used());
		data.put("requested", requested);
		data.put("usage_percent", account.usagePercent());
		data.put("action_type", actionType);
		data.put("journal_id", journalId);
		data.put("period_start", Wire.time(account.windowStart()));
		data.put("period_end", Wire.time(account.windowStart().plus(account.rule.period())));
		return event("platform.budget_breach", data, now);
	}

	/** The resolution of a pending approval. */
	Wire.WebhookEvent approvalResolved(JournalEntry entry, String approvalId, String resolvedBy, Instant now) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("journal_id", entry.journalId);
		data.put("approval_id", approvalId);
		data.put("approval_state", entry.approvalState);
		data.put("resolved_by", resolvedBy);
		data.put("decision", entry.decision);
		return event("runtime.approval_resolved", data, now);
	}

	private Wire.WebhookEvent event(String type, Map<String, Object> data, Instant now) {
		return new Wire.WebhookEvent(Ids.newId("evt_"), type, Wire.time(now), this.orgId, data);
	}

}
