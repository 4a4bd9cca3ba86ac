package ai.specora.langchain4j;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * A stand-in Specora authority on 127.0.0.1 (WireMock) with the decisions a test needs.
 */
public final class Authority {

	public static final String ENFORCE = "/v1/runtime/enforce";

	public static final String COMPLETE = "/v1/runtime/complete";

	public static final String PREAUTHORIZE = "/v1/platform/preauthorize";

	public static final String EXECUTIONS = "/v1/platform/executions";

	private final WireMockServer server = new WireMockServer(
			WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

	public Authority start() {
		this.server.start();
		return this;
	}

	public void stop() {
		this.server.stop();
	}

	public void reset() {
		this.server.resetAll();
		this.server.stubFor(post(urlEqualTo(COMPLETE)).atPriority(10)
			.willReturn(okJson("{\"journal_id\": \"any\", \"status\": \"success\", \"recorded\": true}")));
		this.server.stubFor(post(urlEqualTo(EXECUTIONS)).atPriority(10)
			.willReturn(okJson("{\"execution_id\": \"exe_1\", \"budget_remaining_micros\": 1000, "
					+ "\"usage_percent\": 1.0, \"enforcement_state\": \"normal\"}")));
	}

	public WireMockServer server() {
		return this.server;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/**
	 * A client of this authority, failing fast, with the vendor-reseller model so that
	 * LLM executions are recorded.
	 */
	public ai.specora.client.SpecoraClient client() {
		return ai.specora.client.SpecoraClient.builder()
			.baseUrl(baseUrl())
			.apiKey("sk_test_key")
			.orgId("org-1")
			.vendorId("ven_1")
			.tenantId("ten_1")
			.retries(0)
			.timeout(java.time.Duration.ofSeconds(5))
			.deadline(java.time.Duration.ofSeconds(10))
			.build();
	}

	/**
	 * The properties that point a Spring Boot client at this authority, failing fast.
	 */
	public String[] properties() {
		return new String[] { "specora.base-url=" + baseUrl(), "specora.api-key=sk_test_key", "specora.org-id=org-1",
				"specora.retries=0", "specora.timeout=5s", "specora.deadline=10s",
				"specora.enforcement.completion.mode=sync" };
	}

	public void allow(String actionType, String journalId) {
		decide(actionType, "{\"decision\": \"allow\", \"journal_id\": \"" + journalId
				+ "\", \"policy_id\": \"pol_1\", \"source\": \"authority\"}");
	}

	public void block(String actionType, String journalId, String reason) {
		decide(actionType, "{\"decision\": \"block\", \"journal_id\": \"" + journalId + "\", \"blocked_reason\": \""
				+ reason + "\", \"policy_id\": \"pol_1\", \"source\": \"authority\"}");
	}

	public void suspend(String actionType, String journalId) {
		decide(actionType, "{\"decision\": \"suspend\", \"journal_id\": \"" + journalId
				+ "\", \"approval_source\": \"slack:#sec-approvals\", \"approval_id\": \"apr_1\", "
				+ "\"source\": \"authority\"}");
	}

	public void unavailable(String actionType) {
		this.server.stubFor(enforce(actionType).willReturn(aResponse().withStatus(503)));
	}

	public void journal(String journalId, String approvalState) {
		this.server.stubFor(get(urlEqualTo("/v1/runtime/journal/" + journalId))
			.willReturn(okJson("{\"journal_id\": \"" + journalId + "\", \"decision\": \"suspend\", "
					+ "\"status\": \"pending\", \"approval_state\": \"" + approvalState
					+ "\", \"approval_id\": \"apr_1\"}")));
	}

	private void decide(String actionType, String body) {
		this.server.stubFor(enforce(actionType).willReturn(okJson(body)));
	}

	private static MappingBuilder enforce(String actionType) {
		return post(urlEqualTo(ENFORCE)).withRequestBody(matchingJsonPath("$.action_type", equalTo(actionType)));
	}

	public void preAuthorize(String body) {
		this.server.stubFor(post(urlEqualTo(PREAUTHORIZE)).willReturn(okJson(body)));
	}

	public void preAuthorizeStatus(int status, String body) {
		this.server.stubFor(post(urlEqualTo(PREAUTHORIZE))
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
	}

	public List<LoggedRequest> preAuthorizations() {
		return this.server.findAll(postRequestedFor(urlEqualTo(PREAUTHORIZE)));
	}

	public List<LoggedRequest> executions() {
		return this.server.findAll(postRequestedFor(urlEqualTo(EXECUTIONS)));
	}

	public List<LoggedRequest> enforcements() {
		return this.server.findAll(postRequestedFor(urlEqualTo(ENFORCE)));
	}

	public List<LoggedRequest> completions() {
		return this.server.findAll(postRequestedFor(urlEqualTo(COMPLETE)));
	}

	public static DocumentContext json(LoggedRequest request) {
		return JsonPath.parse(request.getBodyAsString());
	}

	public static Map<String, Object> body(LoggedRequest request) {
		return json(request).read("$");
	}

}
