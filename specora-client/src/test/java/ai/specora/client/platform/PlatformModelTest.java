package ai.specora.client.platform;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import ai.specora.client.InvalidConfigurationException;
import ai.specora.client.SpecoraClient;
import ai.specora.client.ValidationException;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Model A (org-scoped) and Model B (vendor-reseller): vendor and tenant both or neither,
 * Model B calls refused on a Model A client before any request, Model B headers on
 * every call.
 */
class PlatformModelTest {

	@RegisterExtension
	static WireMockExtension platform = PlatformFixtures.platform();

	private static final Map<String, Function<PlatformClient, Object>> MODEL_B_ONLY = Map.of("checkPolicy",
			(c) -> c.checkPolicy(PolicyCheckRequest.of("pr_run", "run-1")), "validateBudget",
			PlatformClient::validateBudget, "recordExecution",
			(c) -> c.recordExecution(PlatformFixtures.executionRequest()), "validateAssumptions",
			(c) -> c.validateAssumptions(AssumptionsValidationRequest.builder("run-1").build()),
			"generateEvidenceBundle", (c) -> c.generateEvidenceBundle(EvidenceBundleRequest.of("run-1", "trace")));

	@Test
	void modelBOnlyCallsOnAModelAClientFailBeforeAnyRequest() {
		platform.stubFor(post(anyUrl()).willReturn(PlatformFixtures.json(200, "{}")));
		PlatformClient client = PlatformFixtures.modelA(platform).build().platform();
		MODEL_B_ONLY.forEach((name, call) -> {
			ValidationException ex = catchThrowableOfType(ValidationException.class, () -> call.apply(client));
			assertThat(ex).as(name).isNotNull();
			assertThat(ex.getMessage()).contains(name)
				.contains("Model B")
				.contains("vendorId")
				.contains("tenantId")
				.contains("specora.vendor-id")
				.contains("specora.tenant-id");
			assertThat(ex.getAttempts()).isZero();
		});
		assertThat(platform.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void theReactiveRefusalIsAnErrorSignalAndSendsNothing() {
		StepVerifier.create(PlatformFixtures.modelA(platform).build().reactive().platform().validateBudget())
			.expectError(ValidationException.class)
			.verify();
		assertThat(platform.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void modelACallsWorkWithoutVendorHeaders() {
		platform.stubFor(post("/v1/platform/preauthorize").willReturn(PlatformFixtures.json(200,
				PlatformFixtures.AUTHORIZED)));
		platform.stubFor(post("/v1/platform/proxy/execute").willReturn(PlatformFixtures.json(200,
				PlatformFixtures.PROXY)));
		platform.stubFor(post("/v1/platform/preferences/resolve").willReturn(PlatformFixtures.json(200,
				PlatformFixtures.RESOLVED)));
		platform.stubFor(get(urlPathEqualTo("/v1/platform/preferences")).willReturn(PlatformFixtures.json(200,
				PlatformFixtures.PREFERENCES)));
		platform.stubFor(get("/v1/platform/risk-score").willReturn(PlatformFixtures.json(200, PlatformFixtures.RISK)));
		PlatformClient client = PlatformFixtures.modelA(platform).build().platform();
		client.preAuthorize(PlatformFixtures.preAuthorizeRequest());
		client.proxyExecute(PlatformFixtures.proxyRequest(null));
		client.resolvePreference(PreferenceResolveRequest.of(WorkflowType.REVIEW));
		client.getPreferences(WorkflowType.DEBUG);
		client.getRiskScore();
		assertThat(platform.findAll(anyRequestedFor(anyUrl()))).hasSize(5)
			.allMatch((r) -> !r.containsHeader("X-Specora-Vendor-Id") && !r.containsHeader("X-Specora-Tenant-Id"));
	}

	@Test
	void modelBSendsVendorAndTenantOnEveryCall() {
		platform.stubFor(post("/v1/platform/policy/check").willReturn(PlatformFixtures.json(200,
				PlatformFixtures.POLICY_ALLOW)));
		platform.stubFor(get("/v1/platform/risk-score").willReturn(PlatformFixtures.json(200, PlatformFixtures.RISK)));
		PlatformClient client = PlatformFixtures.modelB(platform).build().platform();
		client.checkPolicy(PolicyCheckRequest.of("pr_run", "run-1"));
		client.getRiskScore();
		platform.verify(postRequestedFor(urlEqualTo("/v1/platform/policy/check"))
			.withHeader("X-Specora-Vendor-Id", equalTo(PlatformFixtures.VENDOR_ID))
			.withHeader("X-Specora-Tenant-Id", equalTo(PlatformFixtures.TENANT_ID)));
		platform.verify(getRequestedFor(urlEqualTo("/v1/platform/risk-score"))
			.withHeader("X-Specora-Vendor-Id", equalTo(PlatformFixtures.VENDOR_ID))
			.withHeader("X-Specora-Tenant-Id", equalTo(PlatformFixtures.TENANT_ID))
			.withHeader("Idempotency-Key", absent()));
	}

	@Test
	void vendorIdWithoutTenantIdIsRefusedAtBuildTime() {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> PlatformFixtures.modelA(platform).vendorId(PlatformFixtures.VENDOR_ID).build())
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("tenantId"))
			.withMessageContaining("tenantId is not set");
	}

	@Test
	void tenantIdWithoutVendorIdIsRefusedAtBuildTime() {
		assertThatExceptionOfType(InvalidConfigurationException.class)
			.isThrownBy(() -> PlatformFixtures.modelA(platform).tenantId(PlatformFixtures.TENANT_ID).vendorId(" ").build())
			.satisfies((ex) -> assertThat(ex.getSetting()).isEqualTo("vendorId"))
			.withMessageContaining("vendorId is not set");
	}

	@Test
	void bothOrNeitherBuild() {
		List<SpecoraClient> clients = List.of(PlatformFixtures.modelA(platform).build(),
				PlatformFixtures.modelB(platform).build());
		assertThat(clients.get(0).settings().isVendorModel()).isFalse();
		assertThat(clients.get(1).settings().isVendorModel()).isTrue();
	}

}
