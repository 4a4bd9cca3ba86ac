package ai.specora.localauthority;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for settings validation, rule defaults and glob matching.
 */
class SettingsAndRulesTests {

	@Test
	void apiKeyIsRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> LocalAuthoritySettings.builder().build())
			.withMessageContaining("apiKey");
		assertThatIllegalArgumentException().isThrownBy(() -> LocalAuthoritySettings.builder().apiKey(" ").build());
	}

	@Test
	void defaultsAreSensible() {
		LocalAuthoritySettings settings = LocalAuthoritySettings.builder().apiKey("k").build();
		assertThat(settings.defaultEffect()).isEqualTo(PolicyEffect.ALLOW);
		assertThat(settings.port()).isZero();
		assertThat(settings.journalCapacity()).isEqualTo(LocalAuthoritySettings.DEFAULT_JOURNAL_CAPACITY);
		assertThat(settings.reservationTtl()).isEqualTo(Duration.ofMinutes(5));
		assertThat(settings.webhookUrl()).isNull();
		assertThat(settings.policies()).isEmpty();
	}

	@Test
	void webhookUrlNeedsSecretAndHttpScheme() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalAuthoritySettings.builder().apiKey("k").webhookUrl(URI.create("http://127.0.0.1:1/h")).build())
			.withMessageContaining("webhookSecret");
		assertThatIllegalArgumentException().isThrownBy(() -> LocalAuthoritySettings.builder()
			.apiKey("k")
			.webhookUrl(URI.create("ftp://127.0.0.1/h"))
			.webhookSecret("s")
			.build()).withMessageContaining("http");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalAuthoritySettings.builder().apiKey("k").webhookTarget(() -> null).build())
			.withMessageContaining("webhookSecret");
	}

	@Test
	void invalidBoundsAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalAuthoritySettings.builder().apiKey("k").journalCapacity(0).build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalAuthoritySettings.builder().apiKey("k").reservationTtl(Duration.ZERO).build());
		assertThatIllegalArgumentException().isThrownBy(() -> LocalAuthoritySettings.builder().apiKey("k").port(70000).build());
	}

	@Test
	void duplicateNamesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> LocalAuthoritySettings.builder()
			.apiKey("k")
			.policies(List.of(PolicyRule.allow("a", "*"), PolicyRule.block("a", "x", null)))
			.build()).withMessageContaining("duplicate policy name 'a'");
		assertThatIllegalArgumentException().isThrownBy(() -> LocalAuthoritySettings.builder()
			.apiKey("k")
			.budget(BudgetRule.of("b", "*", BigDecimal.ONE, null))
			.budget(BudgetRule.of("b", "*", BigDecimal.TEN, null))
			.build()).withMessageContaining("duplicate budget name 'b'");
	}

	@Test
	void toStringHidesSecrets() {
		LocalAuthoritySettings settings = LocalAuthoritySettings.builder()
			.apiKey("sk-very-secret")
			.webhookUrl(URI.create("http://127.0.0.1:1/h"))
			.webhookSecret("whsec-very-secret")
			.build();
		assertThat(settings.toString()).doesNotContain("sk-very-secret")
			.doesNotContain("whsec-very-secret")
			.contains("apiKey=******");
	}

	@Test
	void policyRuleDefaultsAndValidation() {
		PolicyRule rule = new PolicyRule("r", null, null, PolicyEffect.SUSPEND, null, null);
		assertThat(rule.actionType()).isEqualTo("*");
		assertThat(rule.scope()).isEmpty();
		assertThat(rule.effectiveApprovalSource()).isEqualTo("local-authority");
		assertThat(rule.policyId()).isEqualTo("pol_r");
		assertThatIllegalArgumentException().isThrownBy(() -> PolicyRule.allow(" ", "*"));
		assertThatNullPointerException().isThrownBy(() -> new PolicyRule("r", "*", null, null, null, null))
			.withMessageContaining("effect");
	}

	@Test
	void budgetRuleDefaultsAndValidation() {
		BudgetRule budget = new BudgetRule("b", null, null, BigDecimal.ONE, null);
		assertThat(budget.actionType()).isEqualTo("*");
		assertThat(budget.period()).isEqualTo(Duration.ofDays(1));
		assertThatIllegalArgumentException().isThrownBy(() -> BudgetRule.of("b", "*", new BigDecimal("-1"), null));
		assertThatIllegalArgumentException().isThrownBy(() -> BudgetRule.of("b", "*", BigDecimal.ONE, Duration.ZERO));
		assertThatNullPointerException().isThrownBy(() -> BudgetRule.of("b", "*", null, null));
	}

	@Test
	void globsMatch() {
		assertThat(Globs.matches("*", "")).isTrue();
		assertThat(Globs.matches("*", "anything")).isTrue();
		assertThat(Globs.matches("db_*", "db_write")).isTrue();
		assertThat(Globs.matches("db_*", "xdb_write")).isFalse();
		assertThat(Globs.matches("*_write", "db_write")).isTrue();
		assertThat(Globs.matches("a*b*c", "aXbYbZc")).isTrue();
		assertThat(Globs.matches("a*b*c", "aXbYbZ")).isFalse();
		assertThat(Globs.matches("v?", "v1")).isTrue();
		assertThat(Globs.matches("v?", "v")).isFalse();
		assertThat(Globs.matches("exact", "Exact")).isFalse();
		assertThat(Globs.matches("*", null)).isFalse();
		assertThat(Globs.matches("db_*", Map.of("table", "u*"), "db_x", Map.of("table", "users"))).isTrue();
		assertThat(Globs.matches("db_*", Map.of("table", "u*"), "db_x", Map.of())).isFalse();
	}

}
