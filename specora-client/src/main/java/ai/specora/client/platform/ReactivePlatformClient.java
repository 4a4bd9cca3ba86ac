package ai.specora.client.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import ai.specora.client.internal.PlatformChannel;
import ai.specora.client.evidence.EvidenceBundleVerifier;
import ai.specora.client.evidence.EvidencePublicKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The Platform API of Specora (the calls of the Node SDK {@code @specora/sdk}), reactive:
 * every call returns a {@link Mono} that does nothing until subscribed and never blocks.
 * Obtain it from {@code ReactiveSpecoraClient#platform()}; it shares the client's
 * settings, connection pool, retries, deadline and callbacks.
 * <p>
 * {@link #checkPolicy} and {@link #preAuthorize} are decisions: with no answer after
 * retries, {@link ai.specora.client.FailMode#CLOSED} raises
 * {@link ai.specora.client.FailClosedException} and {@link ai.specora.client.FailMode#OPEN}
 * returns an allow / authorized result marked fail-open. The other calls raise
 * {@link ai.specora.client.SpecoraUnavailableException}. 4xx answers raise the typed
 * {@link ai.specora.client.SpecoraClientException}s whatever the fail mode (402:
 * {@link ai.specora.client.BudgetExceededException}).
 * <p>
 * {@link #checkPolicy}, {@link #validateBudget}, {@link #recordExecution},
 * {@link #validateAssumptions}, {@link #generateEvidenceBundle} and
 * {@link #downloadEvidenceBundle} are Model B
 * (vendor-reseller) calls: on a client without {@code vendorId} and {@code tenantId}
 * they fail with a {@link ai.specora.client.ValidationException} before any request.
 * <p>
 * This package does not depend on {@code ai.specora.client}: the client hands each
 * platform client the channel to its transport (an internal type), and the exceptions
 * named here are the client's, raised through it.
 */
public final class ReactivePlatformClient {

	private static final Logger logger = LoggerFactory.getLogger(ReactivePlatformClient.class);

	private final PlatformChannel channel;

	private final PlatformSettings settings;

	private final PlatformCallInterceptor interceptor;

	private final PlatformCodec codec;

	/**
	 * Creates the platform view of a client; called by the client's builder, not by
	 * applications, which obtain it from {@code ReactiveSpecoraClient#platform()}.
	 * @param channel the client's transport (an internal type)
	 * @param settings the platform settings
	 * @param interceptor wraps every call, or {@code null} for none
	 */
	public ReactivePlatformClient(PlatformChannel channel, PlatformSettings settings,
			PlatformCallInterceptor interceptor) {
		this.channel = Objects.requireNonNull(channel, "channel must not be null");
		this.settings = Objects.requireNonNull(settings, "settings must not be null");
		this.interceptor = (interceptor != null) ? interceptor : PlatformCallInterceptor.none();
		this.codec = new PlatformCodec(channel::jsonMapper, settings.workflowId());
	}

	/**
	 * Evaluates the governance policy for a subject (Node: {@code checkPolicy}; Model B).
	 * @param request the subject and inputs
	 * @return the decision; a {@link PolicyDecision#BLOCK} is returned, not raised;
	 * under {@link ai.specora.client.FailMode#OPEN} an allow marked
	 * {@link PolicyCheckResult#isFailOpen()}
	 * when no decision could be had
	 */
	public Mono<PolicyCheckResult> checkPolicy(PolicyCheckRequest request) {
		Objects.requireNonNull(request, "request must not be null");
		return run(PlatformOperation.CHECK_POLICY, null,
				() -> this.channel.decide("/v1/platform/policy/check", this.codec.policyCheck(request), "checkPolicy",
						"policy of " + request.subject().type() + " '" + request.subject().id() + "'", logger,
						this.codec::policyResult, PolicyCheckResult::failOpenAllow));
	}

	/**
	 * Reports the budget state of the whole tenant (Node: {@code validateBudget()};
	 * Model B).
	 * @return the budget state, in decimal USD
	 */
	public Mono<BudgetValidationResult> validateBudget() {
		return validateBudget(BudgetValidationRequest.tenant());
	}

	/**
	 * Reports the budget state of a scope (Node: {@code validateBudget(request)};
	 * Model B).
	 * @param request the scope
	 * @return the budget state, in decimal USD
	 */
	public Mono<BudgetValidationResult> validateBudget(BudgetValidationRequest request) {
		Objects.requireNonNull(request, "request must not be null");
		return run(PlatformOperation.VALIDATE_BUDGET, null, () -> this.channel.post("/v1/platform/budget/validate",
				this.codec.budgetValidate(request), "validateBudget", this.codec::budgetResult));
	}

	/**
	 * Records an AI execution for budget tracking (Node: {@code recordExecution};
	 * Model B). A 402 answer raises {@code BudgetExceededException}.
	 * @param request the execution, cost in micro-USD
	 * @return the acknowledgement with the remaining budget
	 */
	public Mono<ExecutionRecordResult> recordExecution(ExecutionRecordRequest request) {
		Objects.requireNonNull(request, "request must not be null");
		return run(PlatformOperation.RECORD_EXECUTION, request.provider(), () -> this.channel.post(
				"/v1/platform/executions", this.codec.execution(request), "recordExecution",
				this.codec::executionResult));
	}

	/**
	 * Records an AI execution under the given idempotency key: the platform records it
	 * once however often it is sent with that key, from this process or another (a
	 * record kept in a durable queue and sent again after a restart, say). The key of
	 * {@link #recordExecution(ExecutionRecordRequest)} is drawn per call instead, and
	 * reused only by the retries and re-subscriptions of that call.
	 * @param request the execution, cost in micro-USD
	 * @param idempotencyKey the {@code Idempotency-Key}: the same for every sending of
	 * this record, different for every other record
	 * @return the acknowledgement with the remaining budget
	 */
	public Mono<ExecutionRecordResult> recordExecution(ExecutionRecordRequest request, UUID idempotencyKey) {
		Objects.requireNonNull(request, "request must not be null");
		Objects.requireNonNull(idempotencyKey, "idempotencyKey must not be null");
		return run(PlatformOperation.RECORD_EXECUTION, request.provider(), () -> this.channel.post(
				"/v1/platform/executions", this.codec.execution(request), "recordExecution",
				this.codec::executionResult, idempotencyKey));
	}

	/**
	 * Validates the assumptions of a change (Node: {@code validateAssumptions}; Model B).
	 * @param request the run and its assumptions
	 * @return the verdict
	 */
	public Mono<AssumptionsValidationResult> validateAssumptions(AssumptionsValidationRequest request) {
		Objects.requireNonNull(request, "request must not be null");
		return run(PlatformOperation.VALIDATE_ASSUMPTIONS, null,
				() -> this.channel.post("/v1/platform/assumptions/validate", this.codec.assumptions(request),
						"validateAssumptions", this.codec::assumptionsResult));
	}

	/**
	 * Generates a signed evidence bundle of a run (Node: {@code generateEvidenceBundle};
	 * Model B).
	 * @param request the run and the artifacts to include
	 * @return the bundle's id, hash and storage path
	 */
	public Mono<EvidenceBundleResult> generateEvidenceBundle(EvidenceBundleRequest request) {
		Objects.requireNonNull(request, "request must not be null");
		return run(PlatformOperation.GENERATE_EVIDENCE_BUNDLE, null,
				() -> this.channel.post("/v1/platform/evidence/bundles", this.codec.evidence(request),
						"generateEvidenceBundle", this.codec::evidenceResult));
	}

	/**
	 * Downloads an evidence bundle (Model B): the ZIP in Specora's public evidence
	 * format, to check offline with an {@link EvidenceBundleVerifier}. Capped at 10 MiB
	 * like every response; retried like every call.
	 * @param bundleId the {@code bundleId} of {@link #generateEvidenceBundle}
	 * @return the ZIP's bytes; an unknown id raises {@code NotFoundException}
	 */
	public Mono<byte[]> downloadEvidenceBundle(String bundleId) {
		Requests.requireText(bundleId, "bundleId");
		return run(PlatformOperation.DOWNLOAD_EVIDENCE_BUNDLE, null,
				() -> this.channel.getBinary("/v1/platform/evidence/bundles/{bundleId}", new Object[] { bundleId },
						"application/zip", "downloadEvidenceBundle", (bytes) -> bytes));
	}

	/**
	 * Downloads an evidence bundle (Model B) to a file, replacing the file if it exists.
	 * The file is written on a {@code boundedElastic} thread, never on the event loop.
	 * @param bundleId the {@code bundleId} of {@link #generateEvidenceBundle}
	 * @param target the file to write
	 * @return the file; an unknown id raises {@code NotFoundException}
	 */
	public Mono<Path> downloadEvidenceBundle(String bundleId, Path target) {
		Objects.requireNonNull(target, "target must not be null");
		return downloadEvidenceBundle(bundleId).publishOn(Schedulers.boundedElastic())
			.map((bytes) -> write(target, bytes));
	}

	/**
	 * Reads the public key that signs evidence manifests: pin it in an
	 * {@link EvidenceBundleVerifier}. The key id is computed from the key itself.
	 * @return the Ed25519 key, with its PEM ({@link EvidencePublicKey#toPem()}) and key id
	 * ({@link EvidencePublicKey#keyId()})
	 */
	public Mono<EvidencePublicKey> signingKey() {
		return run(PlatformOperation.GET_SIGNING_KEY, null,
				() -> this.channel.getBinary("/v1/platform/evidence/signing-key", new Object[0],
						"application/x-pem-file", "signingKey",
						(bytes) -> EvidencePublicKey.fromPem(new String(bytes, StandardCharsets.US_ASCII))));
	}

	/**
	 * Reads the risk metrics of the organisation or tenant (Node: {@code getRiskScore}).
	 * @return the risk metrics
	 */
	public Mono<RiskScoreResult> getRiskScore() {
		return run(PlatformOperation.GET_RISK_SCORE, null, () -> this.channel.get("/v1/platform/risk-score",
				new Object[0], "getRiskScore", this.codec::riskResult));
	}

	/**
	 * Asks for the authorization of an LLM call (Node: {@code preAuthorize}). The
	 * platform may select another provider or model; use
	 * {@link ProxyExecuteRequest.Builder#authorization(PreAuthorizationResult)} to carry
	 * the answer into {@link #proxyExecute}. A 402 answer raises
	 * {@code BudgetExceededException}.
	 * @param request the intended call, with routing hints
	 * @return the decision; a refusal ({@code authorized == false}) is returned, not
	 * raised; under {@link ai.specora.client.FailMode#OPEN} an authorization marked
	 * {@link PreAuthorizationResult#isFailOpen()} (with no authorization id) when no
	 * decision could be had
	 */
	public Mono<PreAuthorizationResult> preAuthorize(PreAuthorizeRequest request) {
		Objects.requireNonNull(request, "request must not be null");
		return run(PlatformOperation.PRE_AUTHORIZE, request.provider(),
				() -> this.channel.decide("/v1/platform/preauthorize", this.codec.preAuthorize(request),
						"preAuthorize", "LLM call to " + request.provider().wireName() + " '" + request.model() + "'",
						logger, this.codec::preAuthorizationResult, () -> PreAuthorizationResult.failOpen(request)));
	}

	/**
	 * Runs an LLM call through the governed proxy (Node: {@code proxyExecute}). In strict
	 * mode a request without an authorization id is refused with a
	 * {@link ai.specora.client.ValidationException} before any request.
	 * @param request the call
	 * @return the completion, with usage and cost in micro-USD
	 */
	public Mono<ProxyExecuteResult> proxyExecute(ProxyExecuteRequest request) {
		Objects.requireNonNull(request, "request must not be null");
		return run(PlatformOperation.PROXY_EXECUTE, request.provider(), () -> {
			if (this.settings.strictMode() && request.authorizationId() == null) {
				return Mono.error(this.channel.invalidRequest("Specora strict mode: proxyExecute needs the "
						+ "authorizationId of a prior preAuthorize; call preAuthorize first and pass its result "
						+ "(ProxyExecuteRequest.Builder#authorization)"));
			}
			return this.channel.post("/v1/platform/proxy/execute", this.codec.proxyExecute(request), "proxyExecute",
					this.codec::proxyResult);
		});
	}

	/**
	 * Reads the global model preferences (Node: {@code getPreferences()}).
	 * @return the preferences
	 */
	public Mono<PreferencesResult> getPreferences() {
		return run(PlatformOperation.GET_PREFERENCES, null, () -> this.channel.get("/v1/platform/preferences",
				new Object[0], "getPreferences", this.codec::preferencesResult));
	}

	/**
	 * Reads the model preferences of one workflow type (Node:
	 * {@code getPreferences(workflowType)}).
	 * @param workflowType the workflow type
	 * @return the preferences
	 */
	public Mono<PreferencesResult> getPreferences(WorkflowType workflowType) {
		Requests.requireKnown(workflowType, "workflowType");
		return run(PlatformOperation.GET_PREFERENCES, null,
				() -> this.channel.get("/v1/platform/preferences?workflow_type={workflowType}",
						new Object[] { workflowType.wireName() }, "getPreferences", this.codec::preferencesResult));
	}

	/**
	 * Resolves the preferred model for capabilities and a workflow type (Node:
	 * {@code resolvePreference}).
	 * @param request the capabilities and workflow type
	 * @return the resolved preference; {@link PreferenceResolveResult#isResolved()} is
	 * {@code false} when nothing matched
	 */
	public Mono<PreferenceResolveResult> resolvePreference(PreferenceResolveRequest request) {
		Objects.requireNonNull(request, "request must not be null");
		return run(PlatformOperation.RESOLVE_PREFERENCE, null,
				() -> this.channel.post("/v1/platform/preferences/resolve", this.codec.preferenceResolve(request),
						"resolvePreference", this.codec::resolvedResult));
	}

	/**
	 * The platform settings of this client.
	 * @return the settings
	 */
	public PlatformSettings settings() {
		return this.settings;
	}

	private <T> Mono<T> run(PlatformOperation operation, Provider provider, Supplier<Mono<T>> call) {
		Mono<T> execution = operation.isVendorModelOnly() && !this.channel.isVendorModel()
				? Mono.error(this.channel.invalidRequest(modelBOnly(operation))) : call.get();
		return this.interceptor.intercept(new PlatformCall(operation, provider), execution);
	}

	private static Path write(Path target, byte[] bytes) {
		try {
			return Files.write(target, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not write the evidence bundle to " + target, ex);
		}
	}

	private static String modelBOnly(PlatformOperation operation) {
		return "Specora " + operation.callName() + " is a vendor-reseller (Model B) call, "
				+ "but this client is org-scoped (Model A): vendorId and tenantId are not set (properties "
				+ "specora.vendor-id and specora.tenant-id). Set both, or use preAuthorize / proxyExecute, which "
				+ "Model A may call.";
	}

	@Override
	public String toString() {
		return "ReactivePlatformClient[workflowId=" + this.settings.workflowId() + ", strictMode="
				+ this.settings.strictMode() + "]";
	}

}
