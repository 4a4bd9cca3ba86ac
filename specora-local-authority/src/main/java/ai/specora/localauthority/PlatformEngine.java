package ai.specora.localauthority;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import tools.jackson.databind.json.JsonMapper;

/**
 * The state of the Platform API: platform budgets, executions, authorisations,
 * assumption verdicts and evidence bundles. Every operation runs under one lock; the
 * runtime policies and budgets of action type {@code llm_call} are asked through the
 * {@link AuthorityEngine} (whose lock is always taken second). Events are handed to the
 * sink after the lock is released.
 */
final class PlatformEngine {

	static final int MAX_BUNDLES = 1000;

	private static final String STORAGE_PREFIX = "local://evidence/";

	private final Object lock = new Object();

	private final LocalAuthoritySettings settings;

	private final Clock clock;

	private final AuthorityEngine runtime;

	private final Consumer<Wire.WebhookEvent> events;

	private final ModelRouting routing;

	private final CallRouter router;

	private final PlatformEvents platformEvents;

	private final PolicyChecks policyChecks;

	private final PlatformBudgets budgets;

	private final IdempotentReplies replies;

	private final EvidenceStore evidence;

	private final EvidenceSigner signer;

	private final int capacity;

	private final LinkedHashMap<String, PlatformWire.ExecutionView> executions = new LinkedHashMap<>();

	private final LinkedHashMap<String, PlatformWire.AssumptionsVerdict> verdicts = new LinkedHashMap<>();

	private final PreAuthorizations authorizations;

	PlatformEngine(LocalAuthoritySettings settings, AuthorityEngine runtime, JsonMapper mapper,
			Consumer<Wire.WebhookEvent> events) {
		this.settings = settings;
		this.clock = settings.clock();
		this.runtime = runtime;
		this.events = events;
		this.routing = new ModelRouting(settings);
		this.router = new CallRouter(this.routing, runtime);
		this.platformEvents = new PlatformEvents(settings.orgId());
		this.policyChecks = new PolicyChecks(settings.platformPolicies(), this.platformEvents, events);
		this.budgets = new PlatformBudgets(settings.platformBudgets());
		this.capacity = settings.journalCapacity();
		this.replies = new IdempotentReplies(this.capacity);
		this.signer = (settings.evidenceSigningKey() != null) ? EvidenceSigner.of(settings.evidenceSigningKey())
				: EvidenceSigner.generate();
		this.evidence = new EvidenceStore(mapper, this.signer, MAX_BUNDLES);
		this.authorizations = new PreAuthorizations(settings.reservationTtl(), this.capacity);
	}

	PlatformWire.PolicyCheckResult checkPolicy(PlatformRequests.PolicyCheck check) {
		return this.policyChecks.check(check, this.clock.instant());
	}

	Wire.BudgetValidation validateBudget(Map<String, String> scope) {
		Wire.BudgetValidation runtimeState = this.runtime.validateBudget(scope);
		synchronized (this.lock) {
			Instant now = this.clock.instant();
			PlatformBudgets.Account tightest = this.budgets.tightest(now);
			if (tightest == null || (runtimeState.budgetName() != null
					&& runtimeState.usagePercent().compareTo(tightest.usagePercent()) >= 0)) {
				return runtimeState;
			}
			BigDecimal percent = tightest.usagePercent();
			return new Wire.BudgetValidation(PlatformBudgets.usd(tightest.remaining()),
					PlatformBudgets.usd(tightest.budget.limitMicros()), percent, tightest.forecastBreach(now),
					PlatformBudgets.enforcementState(percent), tightest.budget.name());
		}
	}

	PlatformWire.ExecutionRecorded recordExecution(PlatformRequests.Execution execution, String idempotencyKey) {
		List<Wire.WebhookEvent> out = new ArrayList<>();
		try {
			synchronized (this.lock) {
				return this.replies.answer("executions", idempotencyKey, execution, () -> {
					Instant now = this.clock.instant();
					refuseWhenExhausted(execution.provider(), execution.model(), execution.costMicros(), now, out);
					String executionId = Ids.newId("exe_");
					charge(execution.costMicros(), execution.provider(), execution.model(), executionId, now, out);
					BoundedMaps.put(this.executions, executionId,
							new PlatformWire.ExecutionView(executionId, execution.provider(), execution.model(),
									execution.costMicros(), execution.inputTokens(), execution.outputTokens(),
									execution.durationMs(), execution.success(), execution.externalRunId(),
									Wire.time(now)),
							this.capacity);
					PlatformBudgets.Account tightest = this.budgets.tightest(now);
					if (tightest == null) {
						return new PlatformWire.ExecutionRecorded(executionId, 0, BigDecimal.ZERO, "normal");
					}
					return new PlatformWire.ExecutionRecorded(executionId, tightest.remaining(),
							tightest.usagePercent(), PlatformBudgets.enforcementState(tightest.usagePercent()));
				});
			}
		}
		finally {
			out.forEach(this.events);
		}
	}

	PlatformWire.AssumptionsVerdict validateAssumptions(PlatformRequests.Assumptions request) {
		PlatformWire.AssumptionsVerdict verdict = AssumptionRules.judge(request.assumptions());
		synchronized (this.lock) {
			BoundedMaps.put(this.verdicts, request.runId(), verdict, this.capacity);
		}
		return verdict;
	}

	PlatformWire.EvidenceBundle createEvidenceBundle(PlatformRequests.EvidenceRequest request, String vendorId,
			String tenantId, String idempotencyKey) {
		synchronized (this.lock) {
			return this.replies.answer("evidence", idempotencyKey, Arrays.asList(request, vendorId, tenantId), () -> {
				String bundleId = Ids.newId("evb_");
				Instant now = this.clock.instant();
				List<Wire.JournalView> journal = this.runtime.journalOfRun(request.runId());
				List<PlatformWire.ExecutionView> runExecutions = this.executions.values()
					.stream()
					.filter((execution) -> request.runId().equals(execution.externalRunId()))
					.toList();
				PlatformWire.AssumptionsVerdict verdict = this.verdicts.get(request.runId());
				List<PlatformWire.TraceLine> trace = new ArrayList<>();
				journal.forEach((entry) -> trace.add(new PlatformWire.TraceLine("journal_entry", entry)));
				runExecutions.forEach((execution) -> trace.add(new PlatformWire.TraceLine("execution", execution)));
				if (verdict != null) {
					trace.add(new PlatformWire.TraceLine("assumptions", verdict));
				}
				Map<String, Object> provenance = null;
				if (request.includeProvenance()) {
					provenance = new LinkedHashMap<>();
					provenance.put("generator", "specora-local-authority");
					provenance.put("protocol_version", AuthorityRoutes.PROTOCOL_VERSION);
					provenance.put("bundle_format", "specora-evidence " + EvidenceStore.SCHEMA_VERSION);
					provenance.put("hash_algorithm", "sha256");
					provenance.put("signing_algorithm", "ed25519");
					provenance.put("key_id", this.signer.publicKey().keyId());
					provenance.put("created_at", Wire.time(now));
				}
				PlatformWire.BundleContent content = new PlatformWire.BundleContent(bundleId, request.runId(),
						this.settings.orgId(), vendorId, tenantId, Wire.time(now), request.artifactTypes(), trace,
						ConfidenceReports.of(request.runId(), journal, runExecutions, verdict), provenance);
				String hash = this.evidence.store(content, now);
				return new PlatformWire.EvidenceBundle(bundleId, hash, STORAGE_PREFIX + bundleId + ".zip");
			});
		}
	}

	/** The key that signs evidence manifests. */
	EvidenceSigner signer() {
		return this.signer;
	}

	Optional<byte[]> evidenceBundle(String bundleId) {
		synchronized (this.lock) {
			return this.evidence.content(bundleId);
		}
	}

	PlatformWire.Preauthorization preauthorize(PlatformRequests.Preauthorize request, String idempotencyKey) {
		List<Wire.WebhookEvent> out = new ArrayList<>();
		try {
			synchronized (this.lock) {
				return this.replies.answer("preauthorize", idempotencyKey, request, () -> {
					Instant now = this.clock.instant();
					CallRouter.Route route = this.router.route(request.provider(), request.model(), request.hints(),
							request.estimatedCostMicros());
					if (route.refusal() != null) {
						return new PlatformWire.Preauthorization(false, null, route.provider(), route.model(),
								route.refusal(), null);
					}
					PlatformBudgets.Account exhausted = this.budgets.wouldExceed(request.estimatedCostMicros(), now);
					if (exhausted != null) {
						throw budgetExceeded(exhausted, route.provider(), route.model(), request.estimatedCostMicros(),
								now, out);
					}
					PreAuthorizations.Authorization authorization = this.authorizations.issue(route.provider(),
							route.model(), now);
					return new PlatformWire.Preauthorization(true, authorization.id(), route.provider(), route.model(),
							route.note(), Wire.time(authorization.expiresAt()));
				});
			}
		}
		finally {
			out.forEach(this.events);
		}
	}

	PlatformWire.ProxyCompletion proxyExecute(PlatformRequests.ProxyExecute request, String idempotencyKey) {
		List<Wire.WebhookEvent> out = new ArrayList<>();
		try {
			synchronized (this.lock) {
				return this.replies.answer("proxy", idempotencyKey, request, () -> {
					Instant now = this.clock.instant();
					String provider;
					String model;
					if (request.authorizationId() != null) {
						PreAuthorizations.Authorization authorization = this.authorizations
							.require(request.authorizationId(), now);
						provider = authorization.provider();
						model = authorization.model();
					}
					else {
						CallRouter.Route route = this.router.route(request.provider(), request.model(), request.hints(),
								0);
						if (route.refusal() != null) {
							throw new LocalAuthorityException(403, "policy_blocked", route.refusal(),
									Map.of("provider", route.provider(), "model", route.model()));
						}
						provider = route.provider();
						model = route.model();
					}
					refuseWhenExhausted(provider, model, 0, now, out);
					CannedCompletion completion = CannedCompletion.of(provider, model, request.messages(),
							request.maxTokens());
					String id = Ids.newId("cmpl_");
					charge(completion.costMicros(), provider, model, id, now, out);
					BoundedMaps.put(this.executions, id,
							new PlatformWire.ExecutionView(id, provider, model, completion.costMicros(),
									completion.inputTokens(), completion.outputTokens(), 0L, true, null, Wire.time(now)),
							this.capacity);
					return new PlatformWire.ProxyCompletion(id, provider, model, completion.content(),
							completion.finishReason(),
							new PlatformWire.Usage(completion.inputTokens(), completion.outputTokens()),
							completion.costMicros());
				});
			}
		}
		finally {
			out.forEach(this.events);
		}
	}

	PlatformWire.Preferences preferences(String workflowType) {
		return new PlatformWire.Preferences(this.routing.preferences(workflowType)
			.stream()
			.map((preference) -> new PlatformWire.PreferenceView(preference.slot(), preference.provider(),
					preference.model(), preference.capabilities()))
			.toList());
	}

	PlatformWire.ResolvedPreference resolvePreference(PlatformRequests.Resolve request) {
		return this.routing.resolve(request);
	}

	private void refuseWhenExhausted(String provider, String model, long requestedMicros, Instant now,
			List<Wire.WebhookEvent> out) {
		PlatformBudgets.Account exhausted = this.budgets.exhausted(now);
		if (exhausted != null) {
			throw budgetExceeded(exhausted, provider, model, requestedMicros, now, out);
		}
	}

	private void charge(long costMicros, String provider, String model, String executionId, Instant now,
			List<Wire.WebhookEvent> out) {
		for (PlatformBudgets.Account crossed : this.budgets.charge(costMicros, now)) {
			if (crossed.breachDue()) {
				out.add(this.platformEvents.breach(crossed, costMicros, provider, model, executionId, now));
			}
		}
	}

	private LocalAuthorityException budgetExceeded(PlatformBudgets.Account account, String provider, String model,
			long requestedMicros, Instant now, List<Wire.WebhookEvent> out) {
		if (account.breachDue()) {
			out.add(this.platformEvents.breach(account, requestedMicros, provider, model, null, now));
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("usage_percent", account.usagePercent());
		details.put("budget", account.budget.name());
		details.put("budget_remaining_micros", account.remaining());
		return new LocalAuthorityException(402, "budget_exceeded",
				"platform budget '" + account.budget.name() + "' exhausted: " + account.used() + " of "
						+ account.budget.limitMicros() + " micro-USD used, " + requestedMicros + " requested",
				details);
	}

}
