package ai.specora.spring.autoconfigure;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;

import ai.specora.client.Decision;
import ai.specora.client.EnforceRequest;
import ai.specora.client.EnforcementResult;
import ai.specora.client.SpecoraClient;
import ai.specora.localauthority.LocalAuthority;
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
	void missingModuleIsNamed() {
		this.enabled.withClassLoader(new FilteredClassLoader(LocalAuthority.class)).run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("the local authority is not on the class path");
			assertThat(analysis.getAction()).contains("ai.specora:specora-local-authority");
		});
	}

	private static FailureAnalysis analyze(Throwable failure) {
		FailureAnalysis analysis = new SpecoraConfigurationFailureAnalyzer().analyze(failure);
		assertThat(analysis).isNotNull();
		return analysis;
	}

	private static EnforceRequest request(String actionType, String key, String value) {
		return EnforceRequest.builder(actionType).scope(key, value).build();
	}

}
