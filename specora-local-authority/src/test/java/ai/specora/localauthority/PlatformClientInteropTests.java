package ai.specora.localauthority;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.specora.client.BudgetExceededException;
import ai.specora.client.NotFoundException;
import ai.specora.client.SpecoraClient;
import ai.specora.client.SpecoraClientBuilder;
import ai.specora.client.ValidationException;
import ai.specora.client.evidence.BundleVerification;
import ai.specora.client.evidence.EvidenceBundleVerifier;
import ai.specora.client.platform.AssumptionsValidationRequest;
import ai.specora.client.platform.AssumptionsValidationResult;
import ai.specora.client.platform.EnforcementState;
import ai.specora.client.platform.EvidenceBundleRequest;
import ai.specora.client.platform.EvidenceBundleResult;
import ai.specora.client.platform.ExecutionRecordRequest;
import ai.specora.client.platform.ExecutionRecordResult;
import ai.specora.client.platform.InvariantStatus;
import ai.specora.client.platform.PlatformClient;
import ai.specora.client.platform.PolicyCheckRequest;
import ai.specora.client.platform.PolicyCheckResult;
import ai.specora.client.platform.PolicyDecision;
import ai.specora.client.platform.PolicyInvariant;
import ai.specora.client.platform.PreAuthorizationResult;
import ai.specora.client.platform.PreAuthorizeRequest;
import ai.specora.client.platform.PreferenceResolveRequest;
import ai.specora.client.platform.Provider;
import ai.specora.client.platform.ProxyExecuteRequest;
import ai.specora.client.platform.ProxyExecuteResult;
import ai.specora.client.platform.RoutingHints;
import ai.specora.client.platform.Severity;
import ai.specora.client.platform.WorkflowType;
import ai.specora.localauthority.PlatformPolicy.Invariant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The project's own Java client ({@code client.platform()}) against the local authority:
 * every platform call round-trips, so what the two halves speak is the same protocol.
 */
class PlatformClientInteropTests {

	private LocalAuthority authority;

	private SpecoraClient client;

	@BeforeEach
	void start() {
		this.authority = LocalAuthority.start(LocalAuthoritySettings.builder()
			.apiKey("test-key")
			.orgId("6f1e2d3c-4b5a-4978-8c6d-5e4f3a2b1c0d")
			.platformBudget(PlatformBudget.daily("tenant-daily", 20_000))
			.platformPolicy(PlatformPolicy.block("unreviewed", "pr_run", PlatformPolicy.Severity.HIGH,
					Invariant.failed("two-reviewers", "one approval only")))
			.preference(ModelPreference.forWorkflow("codegen", 1, "anthropic", "claude-sonnet-4", "code_generation"))
			.modelAssignment(ModelAssignment.forPurpose("pr-review-pipeline", "summarize", "deepseek",
					"deepseek-chat"))
			.build());
		this.client = client(true);
	}

	@AfterEach
	void stop() {
		this.authority.close();
	}

	private SpecoraClient client(boolean modelB) {
		SpecoraClientBuilder builder = SpecoraClient.builder()
			.baseUrl(this.authority.baseUrl())
			.apiKey("test-key")
			.orgId("6f1e2d3c-4b5a-4978-8c6d-5e4f3a2b1c0d")
			.retries(0)
			.timeout(Duration.ofSeconds(30));
		if (modelB) {
			builder.vendorId(AuthorityClient.VENDOR_ID).tenantId(AuthorityClient.TENANT_ID);
		}
		return builder.build();
	}

	@Test
	void everyPlatformCallRoundTrips() {
		PlatformClient platform = this.client.platform();
		PolicyCheckResult policy = platform.checkPolicy(PolicyCheckRequest.of("pr_run", "run-1"));
		assertThat(policy.decision()).isEqualTo(PolicyDecision.BLOCK);
		assertThat(policy.severity()).isEqualTo(Severity.HIGH);
		assertThat(policy.invariants()).extracting(PolicyInvariant::status).containsExactly(InvariantStatus.FAIL);
		PreAuthorizationResult authorization = platform.preAuthorize(
				PreAuthorizeRequest.builder(Provider.ANTHROPIC, "claude-sonnet-4-20250514")
					.estimatedTokens(2000)
					.estimatedCostMicros(500)
					.routingHints(RoutingHints.builder().agentName("pr-review-pipeline").purpose("summarize").build())
					.build());
		assertThat(authorization.authorized()).isTrue();
		assertThat(authorization.selectedProvider()).isEqualTo(Provider.DEEPSEEK);
		ProxyExecuteResult completion = platform.proxyExecute(
				ProxyExecuteRequest.builder(Provider.ANTHROPIC, "claude-sonnet-4-20250514")
					.message("user", "Summarize the PR")
					.authorization(authorization)
					.build());
		assertThat(completion.provider()).isEqualTo(Provider.DEEPSEEK);
		assertThat(completion.costMicros()).isPositive();
		ExecutionRecordResult execution = platform.recordExecution(
				ExecutionRecordRequest.builder(Provider.OPENAI, "gpt-4o")
					.costMicros(5_000)
					.tokens(1000, 500)
					.success(true)
					.externalRunId("run-1")
					.build());
		assertThat(execution.executionId()).startsWith("exe_");
		assertThat(execution.budgetRemainingMicros()).isEqualTo(20_000 - 5_000 - completion.costMicros());
		assertThat(platform.validateBudget().enforcementState()).isEqualTo(EnforcementState.NORMAL);
		AssumptionsValidationResult assumptions = platform.validateAssumptions(AssumptionsValidationRequest
			.builder("run-1")
			.assumption("a1", "No breaking changes", Severity.HIGH)
			.build());
		assertThat(assumptions.verificationRequired()).isTrue();
		EvidenceBundleResult bundle = platform.generateEvidenceBundle(EvidenceBundleRequest.of("run-1", "trace"));
		byte[] zip = platform.downloadEvidenceBundle(bundle.bundleId());
		assertThat(zip).isEqualTo(this.authority.evidenceBundle(bundle.bundleId()).orElseThrow());
		assertThat(platform.signingKey()).isEqualTo(this.authority.evidenceSigningKey());
		BundleVerification verified = EvidenceBundleVerifier.builder()
			.publicKey(platform.signingKey())
			.build()
			.verify(zip);
		assertThat(verified.passed()).as(verified.report()).isTrue();
		assertThat(bundle.bundleHash()).isEqualTo(verified.bundleHash());
		assertThatExceptionOfType(NotFoundException.class)
			.isThrownBy(() -> platform.downloadEvidenceBundle("evb_unknown"));
		assertThat(platform.getRiskScore()).isNotNull();
		assertThat(platform.getPreferences(WorkflowType.CODEGEN).preferences()).hasSize(1);
		assertThat(platform.resolvePreference(PreferenceResolveRequest.of(WorkflowType.CODEGEN, "code_generation"))
			.providerName()).isEqualTo(Provider.ANTHROPIC);
	}

	@Test
	void anExhaustedBudgetIsABudgetExceededExceptionWithTheUsagePercent() {
		PlatformClient platform = this.client.platform();
		platform.recordExecution(ExecutionRecordRequest.builder(Provider.OPENAI, "gpt-4o")
			.costMicros(20_000)
			.tokens(1, 1)
			.success(true)
			.build());
		assertThatExceptionOfType(BudgetExceededException.class)
			.isThrownBy(() -> platform.recordExecution(ExecutionRecordRequest.builder(Provider.OPENAI, "gpt-4o")
				.costMicros(1)
				.tokens(1, 1)
				.success(true)
				.build()))
			.satisfies((ex) -> assertThat(ex.getUsagePercent()).isEqualTo(100.0));
	}

	@Test
	void anUnknownAuthorizationIsAValidationException() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> this.client.platform()
				.proxyExecute(ProxyExecuteRequest.builder(Provider.OPENAI, "gpt-4o")
					.message("user", "Hi")
					.authorizationId("auth_unknown")
					.build()))
			.withMessageContaining("call preauthorize first");
	}

}
