package ai.specora.client.platform;

import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The platform enums: exact lowercase wire names, strict parsers, and forward-compatible
 * decoding of descriptive values as {@code UNKNOWN}.
 */
class PlatformEnumsTest {

	@RegisterExtension
	static WireMockExtension platform = PlatformFixtures.platform();

	@Test
	void wireNamesAreTheProtocolsLowercaseStrings() {
		assertThat(List.of(Provider.values()).stream().map(Provider::wireName)).containsExactly("openai", "anthropic",
				"gemini", "deepseek", "qwen", "ollama", "vllm", "unknown");
		assertThat(List.of(WorkflowType.values()).stream().map(WorkflowType::wireName)).containsExactly("codegen",
				"review", "qa", "spec", "debug", "plan", "unknown");
		assertThat(List.of(PolicyDecision.values()).stream().map(PolicyDecision::wireName)).containsExactly("allow",
				"block", "warn");
		assertThat(List.of(Severity.values()).stream().map(Severity::wireName)).containsExactly("low", "medium",
				"high", "critical", "unknown");
		assertThat(List.of(EnforcementState.values()).stream().map(EnforcementState::wireName))
			.containsExactly("normal", "throttled", "blocked", "unknown");
		assertThat(List.of(AnomalyStatus.values()).stream().map(AnomalyStatus::wireName)).containsExactly("normal",
				"elevated", "critical", "unknown");
	}

	@Test
	void strictParsersAcceptOnlyExactKnownNames() {
		assertThat(Provider.fromWireName("ollama")).isEqualTo(Provider.OLLAMA);
		assertThat(PolicyDecision.fromWireName("warn")).isEqualTo(PolicyDecision.WARN);
		assertThat(WorkflowType.fromWireName("qa")).isEqualTo(WorkflowType.QA);
		assertThatIllegalArgumentException().isThrownBy(() -> Provider.fromWireName("OpenAI"))
			.withMessageContaining("unknown provider 'OpenAI'");
		assertThatIllegalArgumentException().isThrownBy(() -> Provider.fromWireName("unknown"));
		assertThatIllegalArgumentException().isThrownBy(() -> PolicyDecision.fromWireName("ALLOW"));
		assertThatIllegalArgumentException().isThrownBy(() -> Severity.fromWireName(null))
			.withMessageContaining("missing");
		assertThatIllegalArgumentException().isThrownBy(() -> EnforcementState.fromWireName("paused"));
		assertThatIllegalArgumentException().isThrownBy(() -> AnomalyStatus.fromWireName(" normal"));
		assertThatIllegalArgumentException().isThrownBy(() -> InvariantStatus.fromWireName("PASS"));
	}

	@Test
	void unknownDescriptiveValuesDecodeAsUnknown() {
		platform.stubFor(post("/v1/platform/policy/check").willReturn(PlatformFixtures.json(200, """
				{"decision": "warn", "severity": "catastrophic",
				 "invariants": [{"id": "i1", "status": "skipped"}]}
				""")));
		platform.stubFor(post("/v1/platform/executions").willReturn(PlatformFixtures.json(200, """
				{"execution_id": "e", "budget_remaining_micros": 1, "usage_percent": 99,
				 "enforcement_state": "Paused"}
				""")));
		platform.stubFor(get("/v1/platform/risk-score").willReturn(PlatformFixtures.json(200, """
				{"risk_percentile": 1, "drift_risk": 0, "override_frequency_risk": 0, "anomaly_status": "severe"}
				""")));
		platform.stubFor(get(urlPathEqualTo("/v1/platform/preferences")).willReturn(PlatformFixtures.json(200, """
				{"preferences": [{"slot": 1, "provider_name": "mistral", "model_name": "large"}]}
				""")));
		PlatformClient client = PlatformFixtures.modelB(platform).build().platform();
		PolicyCheckResult policy = client.checkPolicy(PolicyCheckRequest.of("pr_run", "r"));
		assertThat(policy.decision()).isEqualTo(PolicyDecision.WARN);
		assertThat(policy.isAllowed()).isTrue();
		assertThat(policy.severity()).isEqualTo(Severity.UNKNOWN);
		assertThat(policy.invariants().get(0).status()).isEqualTo(InvariantStatus.UNKNOWN);
		assertThat(client.recordExecution(PlatformFixtures.executionRequest()).enforcementState())
			.isEqualTo(EnforcementState.UNKNOWN);
		assertThat(client.getRiskScore().anomalyStatus()).isEqualTo(AnomalyStatus.UNKNOWN);
		assertThat(client.getPreferences().preferences().get(0).providerName()).isEqualTo(Provider.UNKNOWN);
	}

}
