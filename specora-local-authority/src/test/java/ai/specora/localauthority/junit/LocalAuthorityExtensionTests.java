package ai.specora.localauthority.junit;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import ai.specora.client.Decision;
import ai.specora.client.EnforceRequest;
import ai.specora.client.EnforcementResult;
import ai.specora.client.SpecoraClient;
import ai.specora.client.platform.PlatformClient;
import ai.specora.client.platform.PreAuthorizeRequest;
import ai.specora.client.platform.Provider;
import ai.specora.client.platform.RoutingHints;
import ai.specora.localauthority.LocalAuthority;
import ai.specora.localauthority.ModelAssignment;
import ai.specora.localauthority.PlatformBudget;
import ai.specora.localauthority.PolicyRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link LocalAuthorityExtension}, used the way users' tests use it.
 */
class LocalAuthorityExtensionTests {

	@RegisterExtension
	static LocalAuthorityExtension authority = LocalAuthorityExtension.configure((settings) -> settings
		.policy(PolicyRule.block("no-drops", "db_drop*", "dropping tables is never allowed"))
		.policy(PolicyRule.suspend("prod-config", "config_change", "slack:#ops")));

	private SpecoraClient client() {
		return SpecoraClient.builder()
			.baseUrl(authority.baseUrl())
			.apiKey(authority.apiKey())
			.orgId(authority.orgId())
			.build();
	}

	@Test
	void scriptedPoliciesDecide() {
		SpecoraClient client = client();
		assertThat(client.enforce(EnforceRequest.builder("db_read").scope("table", "users").build()).decision()).isEqualTo(Decision.ALLOW);
		EnforcementResult blocked = client.enforce(EnforceRequest.builder("db_drop_table").scope("table", "users").build());
		assertThat(blocked.decision()).isEqualTo(Decision.BLOCK);
		assertThat(blocked.blockedReason()).isEqualTo("dropping tables is never allowed");
	}

	@Test
	void testMethodsGetTheRunningAuthority(LocalAuthority running) {
		assertThat(running).isSameAs(authority.authority());
		EnforcementResult suspended = client().enforce(EnforceRequest.builder("config_change").scope("env", "prod").build());
		assertThat(suspended.decision()).isEqualTo(Decision.SUSPEND);
		assertThat(running.pendingApprovals()).anySatisfy(
				(pending) -> assertThat(pending.approvalId()).isEqualTo(suspended.approvalId()));
		assertThat(running.approve(suspended.approvalId(), "test").approved()).isTrue();
	}

	@Test
	void defaultsAreTheDocumentedKeyAndOrganisation() {
		assertThat(authority.apiKey()).isEqualTo(LocalAuthorityExtension.DEFAULT_API_KEY);
		assertThat(authority.orgId()).isEqualTo(LocalAuthorityExtension.DEFAULT_ORG_ID);
		assertThat(authority.baseUrl()).startsWith("http://127.0.0.1:");
	}

	@Test
	void platformStateIsScriptedToo() {
		LocalAuthorityExtension platform = LocalAuthorityExtension.configure((settings) -> settings
			.modelB("vendor-1", "tenant-1")
			.platformBudget(PlatformBudget.daily("tenant-daily", 1_000))
			.modelAssignment(ModelAssignment.of("support-agent", "deepseek", "deepseek-chat")));
		platform.beforeEach(null);
		try {
			assertThat(platform.vendorId()).isEqualTo("vendor-1");
			assertThat(platform.tenantId()).isEqualTo("tenant-1");
			PlatformClient client = SpecoraClient.builder()
				.baseUrl(platform.baseUrl())
				.apiKey(platform.apiKey())
				.orgId(platform.orgId())
				.vendorId(platform.vendorId())
				.tenantId(platform.tenantId())
				.build()
				.platform();
			assertThat(client.validateBudget().budgetTotal()).isEqualByComparingTo("0.001");
			assertThat(client.preAuthorize(PreAuthorizeRequest.builder(Provider.OPENAI, "gpt-4o")
				.routingHints(RoutingHints.builder().agentName("support-agent").build())
				.build()).selectedProvider()).isEqualTo(Provider.DEEPSEEK);
		}
		finally {
			platform.afterEach(null);
		}
		assertThat(authority.vendorId()).as("none scripted: any accepted").isNull();
	}

	@Test
	void perTestRegistrationStartsAndStopsAroundEachTest() throws Exception {
		LocalAuthorityExtension perTest = LocalAuthorityExtension.create();
		assertThatIllegalStateException().isThrownBy(perTest::authority).withMessageContaining("@RegisterExtension");
		perTest.beforeEach(null);
		int port = perTest.authority().port();
		assertThat(perTest.toString()).contains(perTest.baseUrl());
		perTest.afterEach(null);
		assertThatIllegalStateException().isThrownBy(perTest::baseUrl);
		assertThat(perTest.toString()).contains("not running");
		assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
			}
		});
	}

}
