package ai.specora.localauthority;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the webhook events of the Platform API: {@code platform.budget_breach} and
 * {@code platform.invariant_failed}. Immutable.
 */
final class PlatformEvents {

	private final String orgId;

	PlatformEvents(String orgId) {
		this.orgId = orgId;
	}

	/** The breach of a platform budget by a charge or a refused request. */
	Wire.WebhookEvent breach(PlatformBudgets.Account account, long requestedMicros, String provider,
			String model, String executionId, Instant now) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("budget_name", account.budget.name());
		data.put("budget_total", PlatformBudgets.usd(account.budget.limitMicros()));
		data.put("budget_used", PlatformBudgets.usd(account.used()));
		data.put("requested", PlatformBudgets.usd(requestedMicros));
		data.put("usage_percent", account.usagePercent());
		data.put("action_type", AuthorityEngine.PREAUTHORIZE_ACTION_TYPE);
		data.put("journal_id", null);
		data.put("budget_total_micros", account.budget.limitMicros());
		data.put("budget_used_micros", account.used());
		data.put("requested_micros", requestedMicros);
		data.put("provider", provider);
		data.put("model", model);
		data.put("execution_id", executionId);
		data.put("period_start", Wire.time(account.windowStart()));
		data.put("period_end", Wire.time(account.windowEnd()));
		return event("platform.budget_breach", data, now);
	}

	/** A failed invariant of a policy check. */
	Wire.WebhookEvent invariantFailed(PlatformPolicy policy, PlatformPolicy.Invariant invariant,
			PlatformRequests.PolicyCheck check, Instant now) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("policy", policy.name());
		data.put("subject_type", check.subjectType());
		data.put("subject_id", check.subjectId());
		data.put("invariant_id", invariant.id());
		data.put("reason", invariant.reason());
		data.put("decision", policy.decision().wire());
		data.put("severity", policy.severity().wire());
		return event("platform.invariant_failed", data, now);
	}

	private Wire.WebhookEvent event(String type, Map<String, Object> data, Instant now) {
		return new Wire.WebhookEvent(Ids.newId("evt_"), type, Wire.time(now), this.orgId, data);
	}

}
