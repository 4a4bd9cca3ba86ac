package ai.specora.spring.autoconfigure;

import java.util.Map;

import ai.specora.client.SpecoraClient;
import ai.specora.client.ValidationException;
import ai.specora.client.platform.PolicyCheckRequest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Platform API of the auto-configured client: available with no extra bean, its
 * properties ({@code specora.workflow-id}, {@code specora.strict-mode},
 * {@code specora.vendor-id} / {@code specora.tenant-id}) and the start-up refusals of
 * development-only settings under a production profile.
 */
class SpecoraPlatformAutoConfigurationTests {

	private static final String API_KEY = "sk_test_platform_7d2b";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SpecoraClientAutoConfiguration.class))
		.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of())));

	private final ApplicationContextRunner configured = this.runner.withPropertyValues(
			"specora.base-url=http://127.0.0.1:8080", "specora.api-key=" + API_KEY, "specora.org-id=org-1");

	@Test
	void thePlatformApiNeedsNoExtraBeanAndIsOffStrictModeWithNoWorkflowId() {
		this.configured.run((context) -> {
			SpecoraClient client = context.getBean(SpecoraClient.class);
			assertThat(client.platform()).isNotNull();
			assertThat(client.platform().reactive()).isSameAs(client.reactive().platform());
			assertThat(client.platform().settings().workflowId()).isNull();
			assertThat(client.platform().settings().strictMode()).isFalse();
		});
	}

	@Test
	void workflowIdAndStrictModeAreBound() {
		this.configured.withPropertyValues("specora.workflow-id=pr-review-pipeline", "specora.strict-mode=true")
			.run((context) -> {
				SpecoraClient client = context.getBean(SpecoraClient.class);
				assertThat(client.platform().settings().workflowId()).isEqualTo("pr-review-pipeline");
				assertThat(client.platform().settings().strictMode()).isTrue();
			});
	}

	@Test
	void theWorkflowIdFallsBackToTheSpecoraWorkflowIdVariable() {
		this.configured
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(
								StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("SPECORA_WORKFLOW_ID", "nightly-report-generator"))))
			.run((context) -> assertThat(context.getBean(SpecoraClient.class).platform().settings().workflowId())
				.isEqualTo("nightly-report-generator"));
	}

	@Test
	void theWorkflowIdPropertyWinsOverTheVariable() {
		this.configured.withPropertyValues("specora.workflow-id=from-property")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(
								StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("SPECORA_WORKFLOW_ID", "from-environment"))))
			.run((context) -> assertThat(context.getBean(SpecoraClient.class).platform().settings().workflowId())
				.isEqualTo("from-property"));
	}

	@Test
	void anOrgScopedClientRefusesModelBCallsNamingTheProperties() {
		this.configured.run((context) -> assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> context.getBean(SpecoraClient.class)
				.platform()
				.checkPolicy(PolicyCheckRequest.of("pr_run", "run-1")))
			.withMessageContaining("specora.vendor-id")
			.withMessageContaining("specora.tenant-id"));
	}

	@Test
	void vendorIdWithoutTenantIdFailsStartUpNamingBothProperties() {
		this.configured.withPropertyValues("specora.vendor-id=vendor-3").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new SpecoraClientConfigurationFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("specora.vendor-id").contains("specora.tenant-id");
			assertThat(analysis.getAction()).contains("Set 'specora.tenant-id' too");
		});
	}

	@Test
	void tenantIdWithoutVendorIdFailsStartUp() {
		this.configured.withPropertyValues("specora.tenant-id=tenant-9").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(new SpecoraClientConfigurationFailureAnalyzer().analyze(context.getStartupFailure())
				.getAction()).contains("Set 'specora.vendor-id' too");
		});
	}

	@Test
	void bothVendorAndTenantMakeAModelBClient() {
		this.configured.withPropertyValues("specora.vendor-id=vendor-3", "specora.tenant-id=tenant-9")
			.run((context) -> assertThat(context.getBean(SpecoraClient.class).settings().isVendorModel()).isTrue());
	}

	@Test
	void plainHttpToALoopbackAuthorityIsRefusedUnderAProductionProfile() {
		for (String profile : new String[] { "prod", "production", "Production" }) {
			this.configured.withPropertyValues("spring.profiles.active=eu," + profile).run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(SpecoraConfigurationException.class)
					.hasMessageContaining("plain http")
					.hasMessageContaining("'" + profile + "' profile");
				FailureAnalysis analysis = new SpecoraConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("specora.base-url");
				assertThat(analysis.getAction()).contains("https://").doesNotContain(API_KEY);
			});
		}
	}

	@Test
	void plainHttpIsRefusedUnderProductionWhateverSuppliesIt() {
		this.runner.withPropertyValues("spring.profiles.active=prod", "specora.org-id=org-1")
			.withBean(SpecoraConnectionDetails.class, () -> new SpecoraConnectionDetails() {

				@Override
				public String baseUrl() {
					return "HTTP://localhost:9000";
				}

				@Override
				public String apiKey() {
					return API_KEY;
				}

			})
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("supplied by the SpecoraConnectionDetails bean");
			});
	}

	@Test
	void httpsUnderProductionAndPlainHttpElsewhereStart() {
		this.configured.withPropertyValues("spring.profiles.active=prod", "specora.base-url=https://api.specora.ai")
			.run((context) -> assertThat(context).hasNotFailed());
		this.configured.withPropertyValues("spring.profiles.active=dev,production-like")
			.run((context) -> assertThat(context).hasNotFailed());
	}

}
