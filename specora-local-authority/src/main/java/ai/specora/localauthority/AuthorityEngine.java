package ai.specora.localauthority;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.specora.localauthority.Requests.CompleteRequest;
import ai.specora.localauthority.Requests.EnforcePayload;
import ai.specora.localauthority.Requests.EnforceRequest;

/**
 * The state of the local authority: policies, budgets and the journal. Every operation
 * runs under one lock, which makes each budget reservation atomic across all the
 * budgets it touches. Events are handed to the sink after the lock is released.
 */
final class AuthorityEngine {

	static final String PREAUTHORIZE_ACTION_TYPE = "llm_call";

	private static final Logger logger = LoggerFactory.getLogger(AuthorityEngine.class);

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final Object lock = new Object();

	private final LocalAuthoritySettings settings;

	private final Clock clock;

	private final Consumer<Wire.WebhookEvent> events;

	private final List<BudgetAccount> accounts;

	private final LinkedHashMap<String, JournalEntry> journal = new LinkedHashMap<>();

	private final Map<String, JournalEntry> byRequestId = new HashMap<>();

	private final Map<String, JournalEntry> byCompletionRequestId = new HashMap<>();

	private final Map<String, JournalEntry> byApprovalId = new HashMap<>();

	private final LinkedHashMap<String, JournalEntry> holding = new LinkedHashMap<>();

	private long decisions;

	private long blocks;

	private long suspensions;

	AuthorityEngine(LocalAuthoritySettings settings, Consumer<Wire.WebhookEvent> events) {
		this.settings = settings;
		this.clock = settings.clock();
		this.events = events;
		this.accounts = settings.budgets().stream().map(BudgetAccount::new).toList();
	}

	Wire.EnforceResponse enforce(EnforceRequest request) {
		List<Wire.WebhookEvent> out = new ArrayList<>();
		try {
			synchronized (this.lock) {
				Instant now = this.clock.instant();
				expireReservations(now);
				EnforcePayload payload = withOrg(request.payload());
				JournalEntry existing = this.byRequestId.get(request.requestId());
				if (existing != null) {
					if (existing.payload.equals(payload)) {
						return existing.response;
					}
					throw LocalAuthorityException.conflict("idempotency_conflict",
							"request_id " + request.requestId() + " was already used with a different payload");
				}
				if (this.journal.size() >= this.settings.journalCapacity()) {
					evictOne();
				}
				JournalEntry entry = new JournalEntry(newId("jrn_"), request.requestId(), payload, now);
				PolicyRule rule = firstMatch(payload.actionType(), payload.scope());
				entry.policyId = (rule != null) ? rule.policyId() : null;
				switch (effectOf(rule)) {
					case BLOCK -> entry.block(blockedReason(rule), now);
					case SUSPEND -> {
						entry.decision = "suspend";
						entry.approvalSource = approvalSource(rule);
						entry.approvalId = newId("apr_");
						entry.approvalState = "pending";
					}
					case ALLOW -> {
						List<BudgetAccount> matching = matchingAccounts(payload.actionType(), payload.scope(), now);
						BudgetAccount exhausted = firstExhausted(matching, payload.estimatedCost());
						if (exhausted != null) {
							entry.block(exhaustedReason(exhausted, payload.estimatedCost()), now);
							breach(exhausted, payload.estimatedCost(), payload.actionType(), entry.journalId, now, out);
						}
						else {
							allow(entry, matching, now);
						}
					}
				}
				this.journal.put(entry.journalId, entry);
				this.byRequestId.put(entry.requestId, entry);
				if (entry.approvalId != null) {
					this.byApprovalId.put(entry.approvalId, entry);
				}
				count(entry.decision);
				entry.response = entry.enforceResponse();
				if (logger.isDebugEnabled()) {
					logger.debug("Decision {} for action type '{}' ({})", entry.decision, payload.actionType(),
							entry.journalId);
				}
				return entry.response;
			}
		}
		finally {
			out.forEach(this.events);
		}
	}

	Wire.EnforceResponse simulate(EnforceRequest request) {
		synchronized (this.lock) {
			Instant now = this.clock.instant();
			expireReservations(now);
			EnforcePayload payload = withOrg(request.payload());
			PolicyRule rule = firstMatch(payload.actionType(), payload.scope());
			String policyId = (rule != null) ? rule.policyId() : null;
			return switch (effectOf(rule)) {
				case BLOCK -> simulation("block", request, blockedReason(rule), null, policyId);
				case SUSPEND -> simulation("suspend", request, null, approvalSource(rule), policyId);
				case ALLOW -> {
					BudgetAccount exhausted = firstExhausted(
							matchingAccounts(payload.actionType(), payload.scope(), now), payload.estimatedCost());
					yield (exhausted != null)
							? simulation("block", request, exhaustedReason(exhausted, payload.estimatedCost()), null,
									policyId)
							: simulation("allow", request, null, null, policyId);
				}
			};
		}
	}

	Wire.CompleteResponse complete(CompleteRequest completion) {
		synchronized (this.lock) {
			Instant now = this.clock.instant();
			expireReservations(now);
			JournalEntry prior = this.byCompletionRequestId.get(completion.requestId());
			if (prior != null) {
				if (prior.completion.equals(completion)) {
					return prior.completionResponse;
				}
				throw LocalAuthorityException.conflict("idempotency_conflict",
						"request_id " + completion.requestId() + " was already used with a different payload");
			}
			JournalEntry entry = entry(completion.journalId());
			if ("completed".equals(entry.status)) {
				throw LocalAuthorityException.conflict("already_completed", "block".equals(entry.decision)
						? "journal entry " + entry.journalId + " was blocked; there is nothing to complete"
						: "journal entry " + entry.journalId + " is already completed");
			}
			boolean success = "success".equals(completion.status());
			BigDecimal cost = (success && completion.costActual() == null) ? entry.payload.estimatedCost()
					: completion.costActual();
			releaseHolds(entry, now);
			if (cost != null && cost.signum() > 0) {
				for (Hold hold : entry.holds) {
					hold.account.charge(hold.window, cost, now);
				}
			}
			entry.status = "completed";
			entry.completedStatus = completion.status();
			entry.costActual = cost;
			entry.updatedAt = now;
			entry.completion = completion;
			entry.completionResponse = new Wire.CompleteResponse(entry.journalId, completion.status(), true);
			this.byCompletionRequestId.put(completion.requestId(), entry);
			return entry.completionResponse;
		}
	}

	Wire.JournalView journal(String journalId) {
		synchronized (this.lock) {
			expireReservations(this.clock.instant());
			return entry(journalId).view();
		}
	}

	ApprovalOutcome resolve(String approvalId, boolean approve, String resolvedBy) {
		if (resolvedBy == null || resolvedBy.isBlank()) {
			throw LocalAuthorityException.validation("resolved_by", "resolved_by is required");
		}
		List<Wire.WebhookEvent> out = new ArrayList<>();
		try {
			synchronized (this.lock) {
				Instant now = this.clock.instant();
				expireReservations(now);
				JournalEntry entry = this.byApprovalId.get(approvalId);
				if (entry == null) {
					throw LocalAuthorityException.notFound("approval " + approvalId + " not found");
				}
				if (!"pending".equals(entry.approvalState)) {
					throw LocalAuthorityException.conflict("already_resolved",
							"approval " + approvalId + " is already " + entry.approvalState);
				}
				if (!"pending".equals(entry.status)) {
					throw LocalAuthorityException.conflict("already_completed",
							"journal entry " + entry.journalId + " is already completed");
				}
				EnforcePayload payload = entry.payload;
				if (approve) {
					List<BudgetAccount> matching = matchingAccounts(payload.actionType(), payload.scope(), now);
					BudgetAccount exhausted = firstExhausted(matching, payload.estimatedCost());
					if (exhausted != null) {
						breach(exhausted, payload.estimatedCost(), payload.actionType(), entry.journalId, now, out);
						throw new LocalAuthorityException(409, "budget_exhausted",
								"cannot approve: " + exhaustedReason(exhausted, payload.estimatedCost()),
								Map.of("budget", exhausted.rule.name()));
					}
					allow(entry, matching, now);
					entry.approvalState = "approved";
				}
				else {
					entry.block("denied by " + resolvedBy, now);
					entry.approvalState = "denied";
				}
				entry.resolvedBy = resolvedBy;
				entry.updatedAt = now;
				Map<String, Object> data = new LinkedHashMap<>();
				data.put("journal_id", entry.journalId);
				data.put("approval_id", approvalId);
				data.put("approval_state", entry.approvalState);
				data.put("resolved_by", resolvedBy);
				data.put("decision", entry.decision);
				out.add(event("runtime.approval_resolved", data, now));
				return new ApprovalOutcome(approvalId, entry.journalId, approve, resolvedBy, entry.reservationId,
						entry.expiresAt);
			}
		}
		finally {
			out.forEach(this.events);
		}
	}

	List<PendingApproval> pendingApprovals() {
		synchronized (this.lock) {
			expireReservations(this.clock.instant());
			List<PendingApproval> pending = new ArrayList<>();
			for (JournalEntry entry : this.journal.values()) {
				if ("pending".equals(entry.approvalState) && "pending".equals(entry.status)) {
					pending.add(new PendingApproval(entry.approvalId, entry.journalId, entry.payload.actionType(),
							entry.payload.scope(), entry.approvalSource, entry.payload.estimatedCost(),
							entry.createdAt));
				}
			}
			return pending;
		}
	}

	Wire.BudgetValidation validateBudget(Map<String, String> scope) {
		synchronized (this.lock) {
			Instant now = this.clock.instant();
			expireReservations(now);
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
			String state = (tightestPercent.compareTo(HUNDRED) >= 0) ? "blocked"
					: (tightestPercent.compareTo(BigDecimal.valueOf(80)) >= 0) ? "throttled" : "normal";
			return new Wire.BudgetValidation(remaining, limit, tightestPercent, tightest.forecastBreach(now), state,
					tightest.rule.name());
		}
	}

	Wire.RiskScore riskScore() {
		synchronized (this.lock) {
			double blockRatio = (this.decisions > 0) ? (double) this.blocks / this.decisions : 0;
			double suspendRatio = (this.decisions > 0) ? (double) this.suspensions / this.decisions : 0;
			String anomaly = (blockRatio >= 0.5) ? "critical" : (blockRatio >= 0.2) ? "elevated" : "normal";
			return new Wire.RiskScore((int) Math.round(blockRatio * 100), 0.0, Math.round(suspendRatio * 100) / 100.0,
					anomaly);
		}
	}

	/**
	 * Evaluates the policies and budgets of action type {@value #PREAUTHORIZE_ACTION_TYPE}
	 * for a model call; nothing is reserved.
	 * @param scope the call's scope: provider, model and routing hints
	 * @param estimatedCost the estimated cost in USD
	 * @return why the call is refused, or {@code null} when it is allowed
	 * @throws LocalAuthorityException 402 {@code budget_exceeded} when a budget cannot
	 * hold the estimated cost
	 */
	String checkModelCall(Map<String, String> scope, BigDecimal estimatedCost) {
		List<Wire.WebhookEvent> out = new ArrayList<>();
		try {
			synchronized (this.lock) {
				Instant now = this.clock.instant();
				expireReservations(now);
				PolicyRule rule = firstMatch(PREAUTHORIZE_ACTION_TYPE, scope);
				PolicyEffect effect = effectOf(rule);
				if (effect == PolicyEffect.BLOCK) {
					return blockedReason(rule);
				}
				if (effect == PolicyEffect.SUSPEND) {
					return "approval required from " + approvalSource(rule);
				}
				BudgetAccount exhausted = firstExhausted(matchingAccounts(PREAUTHORIZE_ACTION_TYPE, scope, now),
						estimatedCost);
				if (exhausted != null) {
					breach(exhausted, estimatedCost, PREAUTHORIZE_ACTION_TYPE, null, now, out);
					Map<String, Object> details = new LinkedHashMap<>();
					details.put("usage_percent", exhausted.usagePercent());
					details.put("budget", exhausted.rule.name());
					throw new LocalAuthorityException(402, "budget_exceeded",
							exhaustedReason(exhausted, estimatedCost), details);
				}
				return null;
			}
		}
		finally {
			out.forEach(this.events);
		}
	}

	private EnforcePayload withOrg(EnforcePayload payload) {
		String configured = this.settings.orgId();
		if (payload.orgId() == null) {
			return (configured != null) ? new EnforcePayload(configured, payload.projectId(), payload.agentId(),
					payload.actionType(), payload.scope(), payload.args(), payload.estimatedCost(),
					payload.estimatedVolume(), payload.writeOp()) : payload;
		}
		if (configured != null && !configured.equals(payload.orgId())) {
			throw new LocalAuthorityException(403, "forbidden",
					"this key has no access to org_id " + payload.orgId(), Map.of("field", "org_id"));
		}
		return payload;
	}

	private PolicyRule firstMatch(String actionType, Map<String, String> scope) {
		for (PolicyRule rule : this.settings.policies()) {
			if (rule.matches(actionType, scope)) {
				return rule;
			}
		}
		return null;
	}

	private PolicyEffect effectOf(PolicyRule rule) {
		return (rule != null) ? rule.effect() : this.settings.defaultEffect();
	}

	private static String blockedReason(PolicyRule rule) {
		return (rule != null) ? rule.blockedReason() : "blocked by the default policy";
	}

	private static String approvalSource(PolicyRule rule) {
		return (rule != null) ? rule.effectiveApprovalSource() : PolicyRule.DEFAULT_APPROVAL_SOURCE;
	}

	private Wire.EnforceResponse simulation(String decision, EnforceRequest request, String blockedReason,
			String approvalSource, String policyId) {
		return new Wire.EnforceResponse(decision, null, request.requestId(), blockedReason, approvalSource, null,
				policyId, null, "simulation", null);
	}

	private List<BudgetAccount> matchingAccounts(String actionType, Map<String, String> scope, Instant now) {
		List<BudgetAccount> matching = new ArrayList<>();
		for (BudgetAccount account : this.accounts) {
			if (account.rule.matches(actionType, scope)) {
				account.roll(now);
				matching.add(account);
			}
		}
		return matching;
	}

	private static BudgetAccount firstExhausted(List<BudgetAccount> matching, BigDecimal cost) {
		for (BudgetAccount account : matching) {
			if (account.used().add(cost).compareTo(account.rule.limit()) > 0) {
				return account;
			}
		}
		return null;
	}

	private static String exhaustedReason(BudgetAccount account, BigDecimal cost) {
		return "budget '" + account.rule.name() + "' exhausted: " + usd(account.used()) + " of "
				+ usd(account.rule.limit()) + " USD used or reserved, " + usd(cost) + " requested";
	}

	private static String usd(BigDecimal amount) {
		BigDecimal plain = amount.stripTrailingZeros();
		return plain.setScale(Math.max(2, plain.scale())).toPlainString();
	}

	private void allow(JournalEntry entry, List<BudgetAccount> matching, Instant now) {
		BigDecimal cost = entry.payload.estimatedCost();
		for (BudgetAccount account : matching) {
			account.reserved = account.reserved.add(cost);
			entry.holds.add(new Hold(account, account.window));
		}
		entry.decision = "allow";
		entry.reservationId = newId("res_");
		entry.expiresAt = now.plus(this.settings.reservationTtl());
		entry.updatedAt = now;
		this.holding.put(entry.journalId, entry);
	}

	private void releaseHolds(JournalEntry entry, Instant now) {
		if (this.holding.remove(entry.journalId) != null) {
			for (Hold hold : entry.holds) {
				hold.account.release(hold.window, entry.payload.estimatedCost(), now);
			}
		}
	}

	private void breach(BudgetAccount account, BigDecimal requested, String actionType, String journalId,
			Instant now, List<Wire.WebhookEvent> out) {
		if (account.breachNotifiedWindow == account.window) {
			return;
		}
		account.breachNotifiedWindow = account.window;
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
		out.add(event("platform.budget_breach", data, now));
	}

	private Wire.WebhookEvent event(String type, Map<String, Object> data, Instant now) {
		return new Wire.WebhookEvent(newId("evt_"), type, Wire.time(now), this.settings.orgId(), data);
	}

	private void expireReservations(Instant now) {
		Iterator<JournalEntry> entries = this.holding.values().iterator();
		while (entries.hasNext()) {
			JournalEntry entry = entries.next();
			if (!now.isBefore(entry.expiresAt)) {
				entries.remove();
				for (Hold hold : entry.holds) {
					hold.account.release(hold.window, entry.payload.estimatedCost(), now);
				}
				entry.status = "expired";
				entry.updatedAt = entry.expiresAt;
			}
		}
	}

	private void evictOne() {
		JournalEntry victim = null;
		for (JournalEntry entry : this.journal.values()) {
			if (!"pending".equals(entry.status)) {
				victim = entry;
				break;
			}
		}
		if (victim == null) {
			victim = this.journal.values().iterator().next();
			releaseHolds(victim, this.clock.instant());
			logger.warn("Journal full ({} entries) with every entry pending: evicting the oldest, {}",
					this.journal.size(), victim.journalId);
		}
		this.journal.remove(victim.journalId);
		this.byRequestId.remove(victim.requestId);
		if (victim.completion != null) {
			this.byCompletionRequestId.remove(victim.completion.requestId());
		}
		if (victim.approvalId != null) {
			this.byApprovalId.remove(victim.approvalId);
		}
	}

	private JournalEntry entry(String journalId) {
		JournalEntry entry = this.journal.get(journalId);
		if (entry == null) {
			throw LocalAuthorityException.notFound("journal entry " + journalId + " not found");
		}
		return entry;
	}

	private void count(String decision) {
		this.decisions++;
		if ("block".equals(decision)) {
			this.blocks++;
		}
		else if ("suspend".equals(decision)) {
			this.suspensions++;
		}
	}

	private static String newId(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "");
	}

	/**
	 * A budget's use within its current window. Guarded by the engine's lock.
	 */
	private static final class BudgetAccount {

		final BudgetRule rule;

		private final long periodMillis;

		long window = Long.MIN_VALUE;

		long breachNotifiedWindow = Long.MIN_VALUE;

		BigDecimal settled = BigDecimal.ZERO;

		BigDecimal reserved = BigDecimal.ZERO;

		BudgetAccount(BudgetRule rule) {
			this.rule = rule;
			this.periodMillis = rule.period().toMillis();
		}

		void roll(Instant now) {
			long current = Math.floorDiv(now.toEpochMilli(), this.periodMillis);
			if (current != this.window) {
				this.window = current;
				this.settled = BigDecimal.ZERO;
				this.reserved = BigDecimal.ZERO;
			}
		}

		BigDecimal used() {
			return this.settled.add(this.reserved);
		}

		void release(long holdWindow, BigDecimal amount, Instant now) {
			roll(now);
			if (holdWindow == this.window) {
				this.reserved = this.reserved.subtract(amount);
			}
		}

		void charge(long holdWindow, BigDecimal amount, Instant now) {
			roll(now);
			if (holdWindow == this.window) {
				this.settled = this.settled.add(amount);
			}
		}

		Instant windowStart() {
			return Instant.ofEpochMilli(this.window * this.periodMillis);
		}

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

	}

	/** A reservation against one budget, in the window it was made in. */
	private record Hold(BudgetAccount account, long window) {
	}

	/** One journal entry. Guarded by the engine's lock. */
	private static final class JournalEntry {

		final String journalId;

		final String requestId;

		final EnforcePayload payload;

		final Instant createdAt;

		final List<Hold> holds = new ArrayList<>();

		Wire.EnforceResponse response;

		String decision;

		String status = "pending";

		String approvalState = "none";

		String approvalId;

		String approvalSource;

		String policyId;

		String blockedReason;

		String reservationId;

		Instant expiresAt;

		String resolvedBy;

		String completedStatus;

		BigDecimal costActual;

		Instant updatedAt;

		CompleteRequest completion;

		Wire.CompleteResponse completionResponse;

		JournalEntry(String journalId, String requestId, EnforcePayload payload, Instant now) {
			this.journalId = journalId;
			this.requestId = requestId;
			this.payload = payload;
			this.createdAt = now;
			this.updatedAt = now;
		}

		void block(String reason, Instant now) {
			this.decision = "block";
			this.blockedReason = reason;
			this.status = "completed";
			this.updatedAt = now;
		}

		Wire.EnforceResponse enforceResponse() {
			return new Wire.EnforceResponse(this.decision, this.journalId, this.requestId, this.blockedReason,
					this.approvalSource, this.approvalId, this.policyId, this.reservationId, "authority",
					Wire.time(this.expiresAt));
		}

		Wire.JournalView view() {
			return new Wire.JournalView(this.journalId, this.requestId, this.payload.actionType(), this.decision,
					this.status, this.approvalState, this.approvalId, this.completedStatus, this.costActual,
					this.blockedReason, this.reservationId, Wire.time(this.expiresAt), Wire.time(this.createdAt),
					Wire.time(this.updatedAt));
		}

	}

}
