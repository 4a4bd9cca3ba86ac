package ai.specora.spring.autoconfigure.localauthority;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

import ai.specora.client.Decision;
import ai.specora.client.EnforceRequest;
import ai.specora.client.EnforcementResult;
import ai.specora.client.SpecoraClient;
import ai.specora.client.evidence.EvidencePublicKey;
import ai.specora.client.platform.ExecutionRecordRequest;
import ai.specora.client.platform.PlatformClient;
import ai.specora.client.platform.PolicyCheckRequest;
import ai.specora.client.platform.PolicyCheckResult;
import ai.specora.client.platform.PolicyDecision;
import ai.specora.client.platform.PreAuthorizeRequest;
import ai.specora.client.platform.PreferenceResolveRequest;
import ai.specora.client.platform.Provider;
import ai.specora.client.platform.RoutingHints;
import ai.specora.client.platform.Severity;
import ai.specora.client.platform.WorkflowType;
import ai.specora.localauthority.LocalAuthority;
import ai.specora.localauthority.LocalAuthoritySettings;
import ai.specora.localauthority.PlatformBudget;
import ai.specora.localauthority.PlatformPolicy;
import ai.specora.spring.autoconfigure.FailureAnalyses;
import ai.specora.spring.autoconfigure.SpecoraClientAutoConfiguration;
import ai.specora.spring.autoconfigure.SpecoraConfigurationException;
import ai.specora.spring.autoconfigure.SpecoraConnectionDetails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SpecoraLocalAuthorityAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpecoraLocalAuthorityAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(SpecoraLocalAuthorityAutoConfiguration.class, SpecoraClientAutoConfiguration.class));

	private final ApplicationContextRunner enabled = this.runner.withPropertyValues(
			"specora.local-authority.enabled=true",
			"specora.local-authority.policies[0].action-type=db_drop*",
			"specora.local-authority.policies[0].effect=block",
			"specora.local-authority.policies[0].reason=dropping tables is never allowed",
			"specora.local-authority.policies[1].name=prod-config",
			"specora.local-authority.policies[1].action-type=config_change",
			"specora.local-authority.policies[1].scope.env=prod",
			"specora.local-authority.policies[1].effect=suspend",
			"specora.local-authority.policies[1].approval-source=slack:#ops",
			"specora.local-authority.budgets[0].name=refunds",
			"specora.local-authority.budgets[0].action-type=refund",
			"specora.local-authority.budgets[0].limit=100");

	@Test
	void offByDefault() {
		this.runner.withPropertyValues("specora.base-url=https://api.specora.ai", "specora.api-key=sk_live_x",
				"specora.org-id=org-1")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(LocalAuthority.class);
				assertThat(context.getBean(SpecoraConnectionDetails.class).baseUrl())
					.isEqualTo("https://api.specora.ai");
			});
	}

	@Test
	void clientIsPointedAtTheLocalAuthorityWithoutBaseUrl() {
		this.enabled.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(LocalAuthority.class);
			LocalAuthority authority = context.getBean(LocalAuthority.class);
			SpecoraConnectionDetails details = context.getBean(SpecoraConnectionDetails.class);
			assertThat(details.baseUrl()).isEqualTo(authority.baseUrl()).startsWith("http://127.0.0.1:");
			assertThat(details.apiKey()).startsWith("sk_local_");
			assertThat(details.orgId()).isEqualTo(LocalAuthoritySettingsMapper.DEFAULT_ORG_ID);
			assertThat(details.toString()).doesNotContain(details.apiKey());
			SpecoraClient client = context.getBean(SpecoraClient.class);
			assertThat(client.enforce(request("db_read", "table", "users")).decision()).isEqualTo(Decision.ALLOW);
			EnforcementResult blocked = client.enforce(request("db_drop_table", "table", "users"));
			assertThat(blocked.decision()).isEqualTo(Decision.BLOCK);
			assertThat(blocked.blockedReason()).isEqualTo("dropping tables is never allowed");
			EnforcementResult suspended = client.enforce(request("config_change", "env", "prod"));
			assertThat(suspended.decision()).isEqualTo(Decision.SUSPEND);
			assertThat(suspended.approvalSource()).isEqualTo("slack:#ops");
			assertThat(suspended.policyId()).isEqualTo("pol_prod-config");
			assertThat(client.enforce(request("config_change", "env", "staging")).decision())
				.isEqualTo(Decision.ALLOW);
			EnforcementResult overBudget = client
				.enforce(EnforceRequest.builder("refund").scope("payment", "p-1").estimatedCost(150).build());
			assertThat(overBudget.decision()).isEqualTo(Decision.BLOCK);
			assertThat(overBudget.blockedReason()).contains("refunds");
		});
	}

	@Test
	void configuredKeyAndOrganisationAreUsed() {
		this.enabled.withPropertyValues("specora.api-key=sk_test_mine", "specora.org-id=org-42",
				"specora.local-authority.default-effect=block")
			.run((context) -> {
				LocalAuthority authority = context.getBean(LocalAuthority.class);
				assertThat(authority.settings().apiKey()).isEqualTo("sk_test_mine");
				assertThat(authority.settings().orgId()).isEqualTo("org-42");
				assertThat(context.getBean(SpecoraClient.class).enforce(request("db_read", "table", "users"))
					.decision()).isEqualTo(Decision.BLOCK);
			});
	}

	@Test
	void baseUrlIsIgnoredWithAWarning(CapturedOutput output) {
		this.enabled.withPropertyValues("specora.base-url=https://api.specora.ai").run((context) -> {
			assertThat(context.getBean(SpecoraConnectionDetails.class).baseUrl()).startsWith("http://127.0.0.1:");
			assertThat(output).contains("specora.base-url is ignored while specora.local-authority.enabled=true");
		});
	}

	@Test
	void stopsWithTheContext() {
		int[] port = new int[1];
		this.enabled.run((context) -> port[0] = context.getBean(LocalAuthority.class).port());
		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port[0]), 2000);
			}
		});
	}

	@Test
	void refusesAProductionProfile() {
		for (String profile : new String[] { "prod", "production", "PROD" }) {
			this.enabled.withPropertyValues("spring.profiles.active=dev," + profile).run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(SpecoraConfigurationException.class)
					.hasMessageContaining("refuses to start while the '" + profile + "' profile is active");
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("specora.local-authority.enabled");
				assertThat(analysis.getAction()).contains("specora.local-authority.enabled=false");
			});
		}
	}

	@Test
	void invalidBudgetNamesTheProperty() {
		this.enabled.withPropertyValues("specora.local-authority.budgets[1].action-type=search").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.contains("Property 'specora.local-authority.budgets[1].limit' must be an amount in USD");
			assertThat(analysis.getAction()).contains("limit: 100.00");
		});
	}

	@Test
	void duplicatePolicyNamesAreRefused() {
		this.enabled.withPropertyValues("specora.local-authority.policies[0].name=prod-config").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(analyze(context.getStartupFailure()).getDescription())
				.contains("duplicate policy name 'prod-config'");
		});
	}

	@Test
	void webhookUrlNeedsASecret() {
		this.enabled.withPropertyValues("specora.local-authority.webhook-url=http://127.0.0.1:9/hooks")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(analyze(context.getStartupFailure()).getDescription())
					.contains("'specora.local-authority.webhook-secret' is needed to sign the webhooks");
			});
	}

	@Test
	void evidenceSigningKeyIsConfiguredFromPemProperties() throws Exception {
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		String privatePem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
		EvidencePublicKey publicKey = EvidencePublicKey.of(pair.getPublic());
		this.enabled
			.withPropertyValues("specora.local-authority.evidence-signing-private-key=" + privatePem,
					"specora.local-authority.evidence-signing-public-key=" + publicKey.toBase64())
			.run((context) -> assertThat(context.getBean(LocalAuthority.class).evidenceSigningKey())
				.isEqualTo(publicKey));
		this.enabled.run((context) -> assertThat(context.getBean(LocalAuthority.class).evidenceSigningKey().keyId())
			.startsWith("spk-"));
		assertInvalid("specora.local-authority.evidence-signing-private-key=" + privatePem,
				"'specora.local-authority.evidence-signing-public-key' is needed",
				"specora.local-authority.evidence-signing-public-key");
		assertInvalid(new String[] { "specora.local-authority.evidence-signing-private-key=" + privatePem,
				"specora.local-authority.evidence-signing-public-key="
						+ EvidencePublicKey.of(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic())
							.toBase64() },
				"are not one Ed25519 key pair", "specora.local-authority.evidence-signing-private-key");
	}

	@Test
	void missingModuleIsNamed() {
		this.enabled.withClassLoader(new FilteredClassLoader(LocalAuthority.class)).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("the local authority is not on the class path");
			assertThat(analysis.getAction()).contains("ai.specora:specora-local-authority");
		});
	}

	@Test
	void platformStateIsScriptedFromProperties() {
		this.enabled.withPropertyValues("specora.vendor-id=7a1e3c5d-0000-4000-8000-00000000000b",
				"specora.tenant-id=7a1e3c5d-0000-4000-8000-00000000000c",
				"specora.local-authority.platform.budgets[0].name=tenant-daily",
				"specora.local-authority.platform.budgets[0].limit-micros=10000",
				"specora.local-authority.platform.policies[0].name=unreviewed",
				"specora.local-authority.platform.policies[0].subject-type=pr_run",
				"specora.local-authority.platform.policies[0].inputs.repo=shop-*",
				"specora.local-authority.platform.policies[0].decision=block",
				"specora.local-authority.platform.policies[0].severity=high",
				"specora.local-authority.platform.policies[0].invariants[0].id=two-reviewers",
				"specora.local-authority.platform.policies[0].invariants[0].reason=one approval only",
				"specora.local-authority.platform.policies[0].override.eligible=true",
				"specora.local-authority.platform.policies[0].override.required-justification=true",
				"specora.local-authority.platform.policies[0].override.expires-max=1h",
				"specora.local-authority.platform.preferences[0].workflow-type=codegen",
				"specora.local-authority.platform.preferences[0].provider=anthropic",
				"specora.local-authority.platform.preferences[0].model=claude-sonnet-4",
				"specora.local-authority.platform.preferences[0].capabilities=code_generation",
				"specora.local-authority.platform.model-assignments[0].agent-name=support-agent",
				"specora.local-authority.platform.model-assignments[0].provider=deepseek",
				"specora.local-authority.platform.model-assignments[0].model=deepseek-chat",
				"specora.local-authority.platform.default-provider=ollama",
				"specora.local-authority.platform.default-model=llama3.2")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				LocalAuthoritySettings settings = context.getBean(LocalAuthority.class).settings();
				assertThat(settings.vendorId()).isEqualTo("7a1e3c5d-0000-4000-8000-00000000000b");
				assertThat(settings.platformBudgets()).containsExactly(PlatformBudget.daily("tenant-daily", 10_000));
				PlatformPolicy policy = settings.platformPolicies().get(0);
				assertThat(policy.invariants()).containsExactly(
						PlatformPolicy.Invariant.failed("two-reviewers", "one approval only"));
				assertThat(policy.override()).isEqualTo(PlatformPolicy.OverrideEligibility.withJustification(3600));
				PlatformClient platform = context.getBean(SpecoraClient.class).platform();
				PolicyCheckResult check = platform
					.checkPolicy(PolicyCheckRequest.builder("pr_run", "run-1").input("repo", "shop-web").build());
				assertThat(check.decision()).isEqualTo(PolicyDecision.BLOCK);
				assertThat(check.severity()).isEqualTo(Severity.HIGH);
				assertThat(platform.recordExecution(ExecutionRecordRequest.builder(Provider.OPENAI, "gpt-4o")
					.costMicros(4_000)
					.tokens(100, 50)
					.success(true)
					.build()).budgetRemainingMicros()).isEqualTo(6_000);
				assertThat(platform.validateBudget().budgetTotal()).isEqualByComparingTo("0.01");
				assertThat(platform.preAuthorize(PreAuthorizeRequest.builder(Provider.OPENAI, "gpt-4o")
					.routingHints(RoutingHints.builder().agentName("support-agent").build())
					.build()).selectedProvider()).isEqualTo(Provider.DEEPSEEK);
				assertThat(platform.getPreferences(WorkflowType.CODEGEN).preferences()).hasSize(1);
				assertThat(platform.resolvePreference(PreferenceResolveRequest.of(WorkflowType.QA, "vision"))
					.providerName()).isEqualTo(Provider.OLLAMA);
			});
	}

	@Test
	void invalidPlatformPropertiesNameTheProperty() {
		assertInvalid("specora.local-authority.platform.budgets[0].limit-micros=-1",
				"Property 'specora.local-authority.platform.budgets[0].limit-micros' must be an amount in micro-USD",
				"limit-micros: 5000000");
		assertInvalid("specora.local-authority.platform.budgets[0].name=daily",
				"Property 'specora.local-authority.platform.budgets[0].limit-micros' must be an amount in micro-USD",
				"limit-micros");
		assertInvalid(new String[] { "specora.local-authority.platform.model-assignments[0].agent-name=a",
				"specora.local-authority.platform.model-assignments[0].provider=skynet",
				"specora.local-authority.platform.model-assignments[0].model=m" },
				"Property 'specora.local-authority.platform.model-assignments[0].provider' must be one of "
						+ "[anthropic, deepseek, gemini, ollama, openai, qwen, vllm], but is 'skynet'",
				"provider: anthropic");
		assertInvalid(new String[] { "specora.local-authority.platform.model-assignments[0].provider=openai",
				"specora.local-authority.platform.model-assignments[0].model=m" },
				"Property 'specora.local-authority.platform.model-assignments[0].agent-name' is required",
				"agent-name: support-agent");
		assertInvalid(new String[] { "specora.local-authority.platform.preferences[0].workflow-type=cooking",
				"specora.local-authority.platform.preferences[0].provider=openai",
				"specora.local-authority.platform.preferences[0].model=m" },
				"Property 'specora.local-authority.platform.preferences[0].workflow-type' must be one of",
				"workflow-type: codegen");
		assertInvalid(new String[] { "specora.local-authority.platform.preferences[0].provider=openai" },
				"Property 'specora.local-authority.platform.preferences[0].model' is required", "model:");
		assertInvalid(new String[] { "specora.local-authority.platform.policies[0].invariants[0].reason=r" },
				"Property 'specora.local-authority.platform.policies[0].invariants[0].id' is required", "id:");
		assertInvalid("specora.local-authority.platform.policies[0].override.expires-max=-1s",
				"Property 'specora.local-authority.platform.policies[0].override.expires-max' must be a duration of "
						+ "zero or more",
				"expires-max: 1h");
		assertInvalid("specora.local-authority.platform.default-model=",
				"Property 'specora.local-authority.platform.default-model' must be set together with default-provider",
				"default-provider: openai");
		assertInvalid(new String[] { "specora.local-authority.platform.budgets[0].name=d",
				"specora.local-authority.platform.budgets[0].limit-micros=1",
				"specora.local-authority.platform.budgets[1].name=d",
				"specora.local-authority.platform.budgets[1].limit-micros=2" },
				"duplicate platform budget name 'd'", "specora.local-authority.");
	}

	@Test
	void noDefaultModelWhenBothAreEmpty() {
		this.enabled.withPropertyValues("specora.local-authority.platform.default-provider=",
				"specora.local-authority.platform.default-model=")
			.run((context) -> assertThat(context.getBean(LocalAuthority.class).settings().defaultProvider()).isNull());
	}

	private void assertInvalid(String property, String description, String action) {
		assertInvalid(new String[] { property }, description, action);
	}

	private void assertInvalid(String[] properties, String description, String action) {
		this.enabled.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains(description);
			assertThat(analysis.getAction()).contains(action);
		});
	}

	private static FailureAnalysis analyze(Throwable failure) {
		return FailureAnalyses.analyze(failure);
	}

	private static EnforceRequest request(String actionType, String key, String value) {
		return EnforceRequest.builder(actionType).scope(key, value).build();
	}

}
