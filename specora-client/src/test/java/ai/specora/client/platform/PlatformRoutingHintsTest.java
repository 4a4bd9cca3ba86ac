package ai.specora.client.platform;

import java.util.Map;

import ai.specora.client.SpecoraClient;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The workflow identity of routing hints: the explicit {@code agentName}, else the
 * {@code workflowId} setting, else {@code SPECORA_WORKFLOW_ID} (through the injected
 * environment lookup), else none.
 */
class PlatformRoutingHintsTest {

	@RegisterExtension
	static WireMockExtension platform = PlatformFixtures.platform();

	private static final Map<String, String> ENVIRONMENT = Map.of("SPECORA_WORKFLOW_ID", "from-environment");

	@BeforeEach
	void stub() {
		platform.stubFor(post("/v1/platform/preauthorize").willReturn(PlatformFixtures.json(200,
				PlatformFixtures.AUTHORIZED)));
		platform.stubFor(post("/v1/platform/proxy/execute").willReturn(PlatformFixtures.json(200,
				PlatformFixtures.PROXY)));
	}

	@Test
	void anExplicitAgentNameWins() {
		SpecoraClient client = PlatformFixtures.modelA(platform).workflowId("from-setting")
			.environment(ENVIRONMENT::get)
			.build();
		client.platform().preAuthorize(PreAuthorizeRequest.builder(Provider.OPENAI, "gpt-4")
			.routingHints(RoutingHints.builder().agentName("explicit").purpose("summarize").build())
			.build());
		assertSentHints("/v1/platform/preauthorize", "{\"agent_name\": \"explicit\", \"purpose\": \"summarize\"}");
	}

	@Test
	void theWorkflowIdSettingComesNext() {
		SpecoraClient client = PlatformFixtures.modelA(platform).workflowId(" from-setting ")
			.environment(ENVIRONMENT::get)
			.build();
		assertThat(client.platform().settings().workflowId()).isEqualTo("from-setting");
		client.platform().preAuthorize(PreAuthorizeRequest.builder(Provider.OPENAI, "gpt-4")
			.routingHints(RoutingHints.builder()
				.purpose("security-review")
				.workflowType(WorkflowType.REVIEW)
				.preferredRegion("eu")
				.requiredCapability("code_review")
				.fallbackAllowed(false)
				.build())
			.build());
		assertSentHints("/v1/platform/preauthorize", """
				{"agent_name": "from-setting", "purpose": "security-review", "workflow_type": "review",
				 "preferred_region": "eu", "required_capability": "code_review", "fallback_allowed": false}
				""");
	}

	@Test
	void theEnvironmentVariableComesLastAndFillsCallsWithoutHints() {
		SpecoraClient client = PlatformFixtures.modelA(platform).environment(ENVIRONMENT::get).build();
		assertThat(client.platform().settings().workflowId()).isEqualTo("from-environment");
		client.platform().preAuthorize(PreAuthorizeRequest.builder(Provider.OPENAI, "gpt-4").build());
		client.platform().proxyExecute(PlatformFixtures.proxyRequest(null));
		assertSentHints("/v1/platform/preauthorize", "{\"agent_name\": \"from-environment\"}");
		assertSentHints("/v1/platform/proxy/execute", "{\"agent_name\": \"from-environment\"}");
	}

	@Test
	void aBlankEnvironmentVariableCountsAsNone() {
		SpecoraClient client = PlatformFixtures.modelA(platform)
			.environment(Map.of("SPECORA_WORKFLOW_ID", "  ")::get)
			.build();
		assertThat(client.platform().settings().workflowId()).isNull();
	}

	@Test
	void withNoneTheRoutingHintsAreOmitted() {
		SpecoraClient client = PlatformFixtures.modelA(platform).build();
		client.platform().preAuthorize(PreAuthorizeRequest.builder(Provider.OPENAI, "gpt-4").build());
		client.platform().preAuthorize(PreAuthorizeRequest.builder(Provider.OPENAI, "gpt-4")
			.routingHints(RoutingHints.builder().purpose("summarize").build())
			.build());
		var sent = platform.findAll(postRequestedFor(urlEqualTo("/v1/platform/preauthorize")));
		assertThat(sent.get(0).getBodyAsString()).doesNotContain("routing_hints");
		assertThat(sent.get(1).getBodyAsString()).contains("\"routing_hints\":{\"purpose\":\"summarize\"}")
			.doesNotContain("agent_name");
		platform.verify(postRequestedFor(urlEqualTo("/v1/platform/preauthorize"))
			.withRequestBody(not(matchingJsonPath("$.routing_hints.agent_name"))));
	}

	@Test
	void withNoneEmptyRoutingHintsAreOmittedToo() {
		SpecoraClient client = PlatformFixtures.modelA(platform).build();
		client.platform().preAuthorize(PreAuthorizeRequest.builder(Provider.OPENAI, "gpt-4")
			.routingHints(RoutingHints.builder().build())
			.build());
		var sent = platform.findAll(postRequestedFor(urlEqualTo("/v1/platform/preauthorize")));
		assertThat(sent).hasSize(1);
		assertThat(sent.get(0).getBodyAsString()).doesNotContain("routing_hints");
	}

	@Test
	void theEnvironmentIsReadOnceWhenTheClientIsBuilt() {
		int[] reads = new int[1];
		SpecoraClient client = PlatformFixtures.modelA(platform).environment((name) -> {
			reads[0]++;
			return "once";
		}).build();
		client.platform().preAuthorize(PreAuthorizeRequest.builder(Provider.OPENAI, "gpt-4").build());
		client.platform().preAuthorize(PreAuthorizeRequest.builder(Provider.OPENAI, "gpt-4").build());
		assertThat(reads[0]).isEqualTo(1);
	}

	@Test
	void hintsRefuseABlankAgentNameAndAnUnknownWorkflowType() {
		assertThatIllegalArgumentException().isThrownBy(() -> RoutingHints.builder().agentName(" ").build())
			.withMessageContaining("agentName");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RoutingHints.builder().workflowType(WorkflowType.UNKNOWN).build())
			.withMessageContaining("workflowType");
	}

	private static void assertSentHints(String path, String hints) {
		platform.verify(postRequestedFor(urlEqualTo(path))
			.withRequestBody(matchingJsonPath("$.routing_hints", equalToJson(hints))));
	}

}
