package ai.specora.client.platform;

import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

import ai.specora.client.evidence.EvidencePublicKey;

/**
 * The Platform API of Specora (the calls of the Node SDK {@code @specora/sdk}),
 * blocking. Obtain it from {@code SpecoraClient#platform()}; it shares the client's
 * settings, connection pool, retries, deadline and callbacks. Each method is the
 * {@link ReactivePlatformClient} call of the same name, awaited: see there for the
 * fail mode, Model B and strict mode rules.
 *
 * <pre class="code">
 * PreAuthorizationResult auth = client.platform().preAuthorize(
 *     PreAuthorizeRequest.builder(Provider.ANTHROPIC, "claude-sonnet-4-20250514")
 *         .estimatedTokens(2000).estimatedCostMicros(500)
 *         .routingHints(RoutingHints.builder().purpose("summarize").build())
 *         .build());
 * </pre>
 */
public final class PlatformClient {

	private final ReactivePlatformClient reactive;

	/**
	 * Creates the blocking view of a platform client; called by the client's builder.
	 * @param reactive the reactive platform client
	 */
	public PlatformClient(ReactivePlatformClient reactive) {
		this.reactive = Objects.requireNonNull(reactive, "reactive must not be null");
	}

	/**
	 * Evaluates the governance policy for a subject (Node: {@code checkPolicy}; Model B).
	 * @param request the subject and inputs
	 * @return the decision (block is returned, not raised)
	 * @throws ai.specora.client.FailClosedException when no decision could be had under
	 * {@link ai.specora.client.FailMode#CLOSED}
	 * @throws ai.specora.client.ValidationException on a Model A client, before any
	 * request
	 */
	public PolicyCheckResult checkPolicy(PolicyCheckRequest request) {
		return this.reactive.checkPolicy(request).block();
	}

	/**
	 * Reports the budget state of the whole tenant (Node: {@code validateBudget()};
	 * Model B).
	 * @return the budget state, in decimal USD
	 */
	public BudgetValidationResult validateBudget() {
		return this.reactive.validateBudget().block();
	}

	/**
	 * Reports the budget state of a scope (Node: {@code validateBudget(request)};
	 * Model B).
	 * @param request the scope
	 * @return the budget state, in decimal USD
	 */
	public BudgetValidationResult validateBudget(BudgetValidationRequest request) {
		return this.reactive.validateBudget(request).block();
	}

	/**
	 * Records an AI execution for budget tracking (Node: {@code recordExecution};
	 * Model B).
	 * @param request the execution, cost in micro-USD
	 * @return the acknowledgement with the remaining budget
	 * @throws ai.specora.client.BudgetExceededException when the budget is exhausted
	 * (HTTP 402)
	 */
	public ExecutionRecordResult recordExecution(ExecutionRecordRequest request) {
		return this.reactive.recordExecution(request).block();
	}

	/**
	 * Records an AI execution under the given idempotency key: the platform records it
	 * once however often it is sent with that key (Model B).
	 * @param request the execution, cost in micro-USD
	 * @param idempotencyKey the {@code Idempotency-Key}: the same for every sending of
	 * this record, different for every other record
	 * @return the acknowledgement with the remaining budget
	 * @throws ai.specora.client.BudgetExceededException when the budget is exhausted
	 * (HTTP 402)
	 */
	public ExecutionRecordResult recordExecution(ExecutionRecordRequest request, UUID idempotencyKey) {
		return this.reactive.recordExecution(request, idempotencyKey).block();
	}

	/**
	 * Validates the assumptions of a change (Node: {@code validateAssumptions}; Model B).
	 * @param request the run and its assumptions
	 * @return the verdict
	 */
	public AssumptionsValidationResult validateAssumptions(AssumptionsValidationRequest request) {
		return this.reactive.validateAssumptions(request).block();
	}

	/**
	 * Generates a signed evidence bundle of a run (Node: {@code generateEvidenceBundle};
	 * Model B).
	 * @param request the run and the artifacts to include
	 * @return the bundle's id, hash and storage path
	 */
	public EvidenceBundleResult generateEvidenceBundle(EvidenceBundleRequest request) {
		return this.reactive.generateEvidenceBundle(request).block();
	}

	/**
	 * Downloads an evidence bundle (Model B): the ZIP in Specora's public evidence
	 * format, to check offline with an
	 * {@link ai.specora.client.evidence.EvidenceBundleVerifier}. Capped at 10 MiB like
	 * every response.
	 * @param bundleId the {@code bundleId} of {@link #generateEvidenceBundle}
	 * @return the ZIP's bytes
	 * @throws ai.specora.client.NotFoundException when the id is unknown
	 */
	public byte[] downloadEvidenceBundle(String bundleId) {
		return this.reactive.downloadEvidenceBundle(bundleId).block();
	}

	/**
	 * Downloads an evidence bundle (Model B) to a file, replacing the file if it exists.
	 * @param bundleId the {@code bundleId} of {@link #generateEvidenceBundle}
	 * @param target the file to write
	 * @return the file
	 * @throws ai.specora.client.NotFoundException when the id is unknown
	 * @throws java.io.UncheckedIOException when the file cannot be written
	 */
	public Path downloadEvidenceBundle(String bundleId, Path target) {
		return this.reactive.downloadEvidenceBundle(bundleId, target).block();
	}

	/**
	 * Reads the public key that signs evidence manifests: pin it in an
	 * {@link ai.specora.client.evidence.EvidenceBundleVerifier}.
	 * @return the Ed25519 key, with its PEM and key id
	 */
	public EvidencePublicKey signingKey() {
		return this.reactive.signingKey().block();
	}

	/**
	 * Reads the risk metrics of the organisation or tenant (Node: {@code getRiskScore}).
	 * @return the risk metrics
	 */
	public RiskScoreResult getRiskScore() {
		return this.reactive.getRiskScore().block();
	}

	/**
	 * Asks for the authorization of an LLM call (Node: {@code preAuthorize}).
	 * @param request the intended call, with routing hints
	 * @return the decision (a refusal is returned, not raised)
	 * @throws ai.specora.client.FailClosedException when no decision could be had under
	 * {@link ai.specora.client.FailMode#CLOSED}
	 * @throws ai.specora.client.BudgetExceededException when the budget is exhausted
	 * (HTTP 402)
	 */
	public PreAuthorizationResult preAuthorize(PreAuthorizeRequest request) {
		return this.reactive.preAuthorize(request).block();
	}

	/**
	 * Runs an LLM call through the governed proxy (Node: {@code proxyExecute}).
	 * @param request the call
	 * @return the completion, with usage and cost in micro-USD
	 * @throws ai.specora.client.ValidationException in strict mode without an
	 * authorization id, before any request
	 */
	public ProxyExecuteResult proxyExecute(ProxyExecuteRequest request) {
		return this.reactive.proxyExecute(request).block();
	}

	/**
	 * Reads the global model preferences (Node: {@code getPreferences()}).
	 * @return the preferences
	 */
	public PreferencesResult getPreferences() {
		return this.reactive.getPreferences().block();
	}

	/**
	 * Reads the model preferences of one workflow type (Node:
	 * {@code getPreferences(workflowType)}).
	 * @param workflowType the workflow type
	 * @return the preferences
	 */
	public PreferencesResult getPreferences(WorkflowType workflowType) {
		return this.reactive.getPreferences(workflowType).block();
	}

	/**
	 * Resolves the preferred model for capabilities and a workflow type (Node:
	 * {@code resolvePreference}).
	 * @param request the capabilities and workflow type
	 * @return the resolved preference
	 */
	public PreferenceResolveResult resolvePreference(PreferenceResolveRequest request) {
		return this.reactive.resolvePreference(request).block();
	}

	/**
	 * The same calls, non-blocking.
	 * @return the reactive platform client
	 */
	public ReactivePlatformClient reactive() {
		return this.reactive;
	}

	/**
	 * The platform settings of this client.
	 * @return the settings
	 */
	public PlatformSettings settings() {
		return this.reactive.settings();
	}

	@Override
	public String toString() {
		return "PlatformClient[workflowId=" + settings().workflowId() + ", strictMode=" + settings().strictMode()
				+ "]";
	}

}
