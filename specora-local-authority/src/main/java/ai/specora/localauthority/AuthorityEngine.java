package ai.specora.localauthority;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.specora.localauthority.Requests.CompleteRequest;
import ai.specora.localauthority.Requests.EnforcePayload;
import ai.specora.localauthority.Requests.EnforceRequest;

/**
 * The state of the local authority: policies, budgets and the journal. Every operation
 * runs under one lock, which makes each budget reservation atomic across all the
 * budgets it touches; the {@link RuntimeJournal}, {@link RuntimeBudgets},
 * {@link RuntimeApprovals} and {@link DecisionCounts} it delegates to are guarded by
 * it. Events are handed to the sink after the lock is released.
 */
final class AuthorityEngine {

	static final String PREAUTHORIZE_ACTION_TYPE = "llm_call";

	private static final Logger logger = LoggerFactory.getLogger(AuthorityEngine.class);

	private final Object lock = new Object();

	private final String orgId;

	private final Clock clock;

	private final Consumer<Wire.WebhookEvent> events;

	private final RuntimePolicies policies;

	private final RuntimeBudgets budgets;

	private final RuntimeJournal journal;

	private final RuntimeApprovals approvals;

	private final DecisionCounts counts = new DecisionCounts();

	AuthorityEngine(LocalAuthoritySettings settings, Consumer<Wire.WebhookEvent> events) {
		this.orgId = settings.orgId();
		this.clock = settings.clock();
		this.events = events;
		RuntimeEvents runtimeEvents = new RuntimeEvents(settings.orgId());
		this.policies = new RuntimePolicies(settings.policies(), settings.defaultEffect());
		this.budgets = new RuntimeBudgets(settings.budgets(), runtimeEvents);
		this.journal = new RuntimeJournal(settings);
		this.approvals = new RuntimeApprovals(this.journal, this.budgets, runtimeEvents);
	}

	Wire.EnforceResponse enforce(EnforceRequest request) {
		List<Wire.WebhookEvent> out = new ArrayList<>();
		try {
			synchronized (this.lock) {
				Instant now = this.clock.instant();
				this.journal.expireReservations(now);
				EnforcePayload payload = withOrg(request.payload());
				JournalEntry existing = this.journal.byRequestId(request.requestId());
				if (existing != null) {
					if (existing.payload.equals(payload)) {
						return existing.enforceResponse();
					}
					throw LocalAuthorityException.conflict("idempotency_conflict",
							"request_id " + request.requestId() + " was already used with a different payload");
				}
				this.journal.makeRoom();
				JournalEntry entry = new JournalEntry(Ids.newId("jrn_"), request.requestId(), payload, now);
				PolicyRule rule = this.policies.firstMatch(payload.actionType(), payload.scope());
				entry.policyId = (rule != null) ? rule.policyId() : null;
				switch (this.policies.effectOf(rule)) {
					case BLOCK -> entry.block(RuntimePolicies.blockedReason(rule), now);
					case SUSPEND -> {
						entry.decision = "suspend";
						entry.approvalSource = RuntimePolicies.approvalSource(rule);
						entry.approvalId = Ids.newId("apr_");
						entry.approvalState = "pending";
					}
					case ALLOW -> {
						List<BudgetAccount> matching = this.budgets.matching(payload.actionType(), payload.scope(),
								now);
						BudgetAccount exhausted = RuntimeBudgets.firstExhausted(matching, payload.estimatedCost());
						if (exhausted != null) {
							entry.block(RuntimeBudgets.exhaustedReason(exhausted, payload.estimatedCost()), now);
							this.budgets.breach(exhausted, payload.estimatedCost(), payload.actionType(),
									entry.journalId, now, out);
						}
						else {
							this.journal.allow(entry, matching, now);
						}
					}
				}
				this.journal.add(entry);
				this.counts.count(entry.decision);
				if (logger.isDebugEnabled()) {
					logger.debug("Decision {} for action type '{}' ({})", entry.decision, payload.actionType(),
							entry.journalId);
				}
				return entry.enforceResponse();
			}
		}
		finally {
			out.forEach(this.events);
		}
	}

	Wire.EnforceResponse simulate(EnforceRequest request) {
		synchronized (this.lock) {
			Instant now = this.clock.instant();
			this.journal.expireReservations(now);
			EnforcePayload payload = withOrg(request.payload());
			PolicyRule rule = this.policies.firstMatch(payload.actionType(), payload.scope());
			String policyId = (rule != null) ? rule.policyId() : null;
			return switch (this.policies.effectOf(rule)) {
				case BLOCK -> simulation("block", request, RuntimePolicies.blockedReason(rule), null, policyId);
				case SUSPEND -> simulation("suspend", request, null, RuntimePolicies.approvalSource(rule), policyId);
				case ALLOW -> {
					BudgetAccount exhausted = RuntimeBudgets.firstExhausted(
							this.budgets.matching(payload.actionType(), payload.scope(), now), payload.estimatedCost());
					yield (exhausted != null)
							? simulation("block", request,
									RuntimeBudgets.exhaustedReason(exhausted, payload.estimatedCost()), null, policyId)
							: simulation("allow", request, null, null, policyId);
				}
			};
		}
	}

	Wire.CompleteResponse complete(CompleteRequest completion) {
		synchronized (this.lock) {
			Instant now = this.clock.instant();
			this.journal.expireReservations(now);
			JournalEntry prior = this.journal.byCompletionRequestId(completion.requestId());
			if (prior != null) {
				if (prior.completion.equals(completion)) {
					return prior.completionResponse;
				}
				throw LocalAuthorityException.conflict("idempotency_conflict",
						"request_id " + completion.requestId() + " was already used with a different payload");
			}
			JournalEntry entry = this.journal.entry(completion.journalId());
			if ("completed".equals(entry.status)) {
				throw LocalAuthorityException.conflict("already_completed", "block".equals(entry.decision)
						? "journal entry " + entry.journalId + " was blocked; there is nothing to complete"
						: "journal entry " + entry.journalId + " is already completed");
			}
			boolean success = "success".equals(completion.status());
			BigDecimal cost = (success && completion.costActual() == null) ? entry.payload.estimatedCost()
					: completion.costActual();
			this.journal.releaseHolds(entry, now);
			if (cost != null && cost.signum() > 0) {
				for (BudgetAccount.Hold hold : entry.holds) {
					hold.charge(cost, now);
				}
			}
			entry.status = "completed";
			entry.completedStatus = completion.status();
			entry.costActual = cost;
			entry.updatedAt = now;
			entry.completion = completion;
			entry.completionResponse = new Wire.CompleteResponse(entry.journalId, completion.status(), true);
			this.journal.completed(entry, completion.requestId());
			return entry.completionResponse;
		}
	}

	/**
	 * The journal entries of a run: those whose enforce request has the run id as its
	 * {@code run_id} scope value, oldest first.
	 */
	List<Wire.JournalView> journalOfRun(String runId) {
		synchronized (this.lock) {
			this.journal.expireReservations(this.clock.instant());
			return this.journal.entries()
				.stream()
				.filter((entry) -> entry.payload.scope() != null && runId.equals(entry.payload.scope().get("run_id")))
				.map(JournalEntry::view)
				.toList();
		}
	}

	Wire.JournalView journal(String journalId) {
		synchronized (this.lock) {
			this.journal.expireReservations(this.clock.instant());
			return this.journal.entry(journalId).view();
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
				this.journal.expireReservations(now);
				return this.approvals.resolve(approvalId, approve, resolvedBy, now, out);
			}
		}
		finally {
			out.forEach(this.events);
		}
	}

	List<PendingApproval> pendingApprovals() {
		synchronized (this.lock) {
			this.journal.expireReservations(this.clock.instant());
			return this.journal.pendingApprovals();
		}
	}

	Wire.BudgetValidation validateBudget(Map<String, String> scope) {
		synchronized (this.lock) {
			Instant now = this.clock.instant();
			this.journal.expireReservations(now);
			return this.budgets.validate(scope, now);
		}
	}

	Wire.RiskScore riskScore() {
		synchronized (this.lock) {
			return this.counts.riskScore();
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
				this.journal.expireReservations(now);
				PolicyRule rule = this.policies.firstMatch(PREAUTHORIZE_ACTION_TYPE, scope);
				PolicyEffect effect = this.policies.effectOf(rule);
				if (effect == PolicyEffect.BLOCK) {
					return RuntimePolicies.blockedReason(rule);
				}
				if (effect == PolicyEffect.SUSPEND) {
					return "approval required from " + RuntimePolicies.approvalSource(rule);
				}
				BudgetAccount exhausted = RuntimeBudgets
					.firstExhausted(this.budgets.matching(PREAUTHORIZE_ACTION_TYPE, scope, now), estimatedCost);
				if (exhausted != null) {
					this.budgets.breach(exhausted, estimatedCost, PREAUTHORIZE_ACTION_TYPE, null, now, out);
					Map<String, Object> details = new LinkedHashMap<>();
					details.put("usage_percent", exhausted.usagePercent());
					details.put("budget", exhausted.rule.name());
					throw new LocalAuthorityException(402, "budget_exceeded",
							RuntimeBudgets.exhaustedReason(exhausted, estimatedCost), details);
				}
				return null;
			}
		}
		finally {
			out.forEach(this.events);
		}
	}

	private EnforcePayload withOrg(EnforcePayload payload) {
		if (payload.orgId() == null) {
			return (this.orgId != null) ? new EnforcePayload(this.orgId, payload.projectId(), payload.agentId(),
					payload.actionType(), payload.scope(), payload.args(), payload.estimatedCost(),
					payload.estimatedVolume(), payload.writeOp()) : payload;
		}
		if (this.orgId != null && !this.orgId.equals(payload.orgId())) {
			throw new LocalAuthorityException(403, "forbidden",
					"this key has no access to org_id " + payload.orgId(), Map.of("field", "org_id"));
		}
		return payload;
	}

	private Wire.EnforceResponse simulation(String decision, EnforceRequest request, String blockedReason,
			String approvalSource, String policyId) {
		return new Wire.EnforceResponse(decision, null, request.requestId(), blockedReason, approvalSource, null,
				policyId, null, "simulation", null);
	}

}
