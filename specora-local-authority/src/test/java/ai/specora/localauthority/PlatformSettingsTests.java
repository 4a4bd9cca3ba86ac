package ai.specora.localauthority;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.specora.localauthority.PlatformPolicy.Decision;
import ai.specora.localauthority.PlatformPolicy.Invariant;
import ai.specora.localauthority.PlatformPolicy.OverrideEligibility;
import ai.specora.localauthority.PlatformPolicy.Severity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for the scriptable platform state of {@link LocalAuthoritySettings} and its
 * records.
 */
class PlatformSettingsTests {

	private static LocalAuthoritySettings.Builder builder() {
		return LocalAuthoritySettings.builder().apiKey("k");
	}

	@Test
	void platformStateIsKeptImmutable() {
		LocalAuthoritySettings settings = builder().modelB("vendor-1", "tenant-1")
			.platformBudget(PlatformBudget.daily("daily", 5_000_000))
			.platformPolicy(PlatformPolicy.block("p", "pr_run", Severity.HIGH, Invariant.failed("i", "r")))
			.preference(ModelPreference.global(1, "openai", "gpt-4o"))
			.modelAssignment(ModelAssignment.of("agent", "anthropic", "claude-sonnet-4"))
			.defaultModel("ollama", "llama3.2")
			.build();
		assertThat(settings.vendorId()).isEqualTo("vendor-1");
		assertThat(settings.tenantId()).isEqualTo("tenant-1");
		assertThat(settings.platformBudgets()).containsExactly(PlatformBudget.daily("daily", 5_000_000));
		assertThat(settings.platformBudgets().get(0).period()).isEqualTo(Duration.ofDays(1));
		assertThat(settings.platformPolicies()).hasSize(1);
		assertThat(settings.preferences()).hasSize(1);
		assertThat(settings.modelAssignments()).hasSize(1);
		assertThat(settings.defaultProvider()).isEqualTo("ollama");
		assertThat(settings.defaultModel()).isEqualTo("llama3.2");
		assertThat(settings.toString()).contains("platformBudgets=1").contains("modelAssignments=1");
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> settings.platformBudgets().add(PlatformBudget.daily("x", 1)));
	}

	@Test
	void vendorAndTenantGoTogether() {
		assertThatIllegalArgumentException().isThrownBy(() -> builder().modelB("vendor-1", null).build())
			.withMessageContaining("tenantId is required");
		assertThatIllegalArgumentException().isThrownBy(() -> builder().modelB(null, "tenant-1").build())
			.withMessageContaining("vendorId is required");
	}

	@Test
	void namesAndKeysMustBeUnique() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> builder().platformBudget(PlatformBudget.daily("d", 1))
				.platformBudget(PlatformBudget.daily("d", 2))
				.build())
			.withMessageContaining("duplicate platform budget name 'd'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> builder().preference(ModelPreference.global(1, "openai", "a"))
				.preference(ModelPreference.global(1, "gemini", "b"))
				.build())
			.withMessageContaining("duplicate preference: slot 1 of global");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> builder().modelAssignment(ModelAssignment.forPurpose("a", "p", "openai", "m"))
				.modelAssignment(ModelAssignment.forPurpose("a", "p", "qwen", "n"))
				.build())
			.withMessageContaining("duplicate model assignment: agent 'a' purpose 'p'");
		assertThat(builder().preference(ModelPreference.global(1, "openai", "a"))
			.preference(ModelPreference.forWorkflow("codegen", 1, "openai", "a"))
			.build()
			.preferences()).hasSize(2);
	}

	@Test
	void recordsRefuseInvalidValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> PlatformBudget.daily("d", -1))
			.withMessageContaining("must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> new PlatformBudget("d", 1, Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> PlatformBudget.daily(" ", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> ModelAssignment.of("a", "skynet", "m"))
			.withMessageContaining("provider must be one of [anthropic, deepseek, gemini, ollama, openai, qwen, vllm]");
		assertThatIllegalArgumentException().isThrownBy(() -> ModelAssignment.forPurpose("a", " ", "openai", "m"));
		assertThatIllegalArgumentException().isThrownBy(() -> ModelPreference.forWorkflow("cooking", 1, "openai", "m"))
			.withMessageContaining("workflow type must be one of");
		assertThatIllegalArgumentException().isThrownBy(() -> ModelPreference.global(0, "openai", "m"));
		assertThatNullPointerException()
			.isThrownBy(() -> new PlatformPolicy("p", null, null, null, Severity.LOW, null, null))
			.withMessageContaining("must have a decision");
		assertThatIllegalArgumentException().isThrownBy(() -> new OverrideEligibility(true, false, -1));
		assertThatIllegalArgumentException().isThrownBy(() -> new Invariant("i", " ", null));
		assertThatIllegalArgumentException().isThrownBy(() -> builder().defaultModel("openai", null).build())
			.withMessageContaining("both a provider and a model");
		PlatformPolicy policy = new PlatformPolicy("p", null, null, Decision.ALLOW, Severity.LOW, null, null);
		assertThat(policy.subjectType()).isEqualTo("*");
		assertThat(policy.invariants()).isEmpty();
		assertThat(policy.override()).isEqualTo(OverrideEligibility.NONE);
		assertThat(ModelPreference.global(1, "openai", "m").capabilities()).isEqualTo(List.of());
	}

}
