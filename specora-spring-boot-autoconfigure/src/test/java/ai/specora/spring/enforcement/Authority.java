package ai.specora.spring.enforcement;

import java.time.Duration;
import java.util.List;

import ai.specora.client.FailMode;
import ai.specora.client.SpecoraClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * A stand-in Specora authority on 127.0.0.1 (WireMock), with stubs for the decisions a
 * test needs and clients that give up fast.
 */
public final class Authority {

	public static final String ENFORCE = "/v1/runtime/enforce";

	public static final String COMPLETE = "/v1/runtime/complete";

	public static final String EXECUTIONS = "/v1/platform/executions";

	private final WireMockServer server;

	private int port;

	public Authority() {
		this.server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
	}

	public Authority(int port) {
		this.server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").port(port));
		this.port = port;
	}

	public Authority start() {
		this.server.start();
		this.port = this.server.port();
		return this;
	}

	/**
	 * Sets the default answers ({@link #reset()}), then starts: unlike {@link #start()}
	 * followed by {@link #reset()}, no request that arrives as the server comes up meets
	 * it without them (a 404 that would make a completion be dropped).
	 * @return this authority
	 */
	public Authority startAnswering() {
		reset();
		return start();
	}

	public int port() {
		return this.port;
	}

	public void stop() {
		this.server.stop();
	}

	public void reset() {
		this.server.resetAll();
		completesOk();
		this.server.stubFor(post(urlEqualTo(EXECUTIONS)).atPriority(10)
			.willReturn(okJson("{\"execution_id\": \"exe_1\", \"budget_remaining_micros\": 1000, "
					+ "\"usage_percent\": 1.0, \"enforcement_state\": \"normal\"}")));
	}

	public WireMockServer server() {
		return this.server;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * A client that retries once, quickly.
	 */
	public SpecoraClient client(FailMode failMode) {
		return SpecoraClient.builder()
			.baseUrl(baseUrl())
			.apiKey("sk_test_key")
			.orgId("org-1")
			.failMode(failMode)
			.timeout(Duration.ofSeconds(10))
			.deadline(Duration.ofSeconds(20))
			.retries(1)
			.retryBackoff(Duration.ofMillis(5), Duration.ofMillis(20))
			.build();
	}

	public SpecoraClient client() {
		return client(FailMode.CLOSED);
	}

	/**
	 * A client of the vendor-reseller model (Model B), which may record executions.
	 */
	public SpecoraClient vendorClient() {
		return SpecoraClient.builder()
			.baseUrl(baseUrl())
			.apiKey("sk_test_key")
			.orgId("org-1")
			.vendorId("ven_1")
			.tenantId("ten_1")
			.timeout(Duration.ofSeconds(10))
			.deadline(Duration.ofSeconds(20))
			.retries(1)
			.retryBackoff(Duration.ofMillis(5), Duration.ofMillis(20))
			.build();
	}

	public List<LoggedRequest> executions() {
		return this.server.findAll(postRequestedFor(urlEqualTo(EXECUTIONS)));
	}

	public void allow(String actionType, String journalId) {
		decide(actionType, "{\"decision\": \"allow\", \"journal_id\": \"" + journalId
				+ "\", \"policy_id\": \"pol_1\", \"reservation_id\": \"res_1\", \"source\": \"authority\"}");
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

	private void decide(String actionType, String body) {
		this.server.stubFor(enforce(actionType).willReturn(okJson(body)));
	}

	private static MappingBuilder enforce(String actionType) {
		return post(urlEqualTo(ENFORCE)).withRequestBody(matchingJsonPath("$.action_type", equalTo(actionType)));
	}

	public void completesOk() {
		this.server.stubFor(post(urlEqualTo(COMPLETE)).atPriority(10)
			.willReturn(okJson("{\"journal_id\": \"any\", \"status\": \"success\", \"recorded\": true}")));
	}

	public void journal(String journalId, String approvalState) {
		this.server.stubFor(get(urlEqualTo("/v1/runtime/journal/" + journalId)).willReturn(okJson(journalBody(journalId,
				approvalState))));
	}

	public static String journalBody(String journalId, String approvalState) {
		return "{\"journal_id\": \"" + journalId + "\", \"decision\": \"suspend\", \"status\": \"pending\", "
				+ "\"approval_state\": \"" + approvalState + "\", \"approval_id\": \"apr_1\"}";
	}

	public List<LoggedRequest> enforcements() {
		return this.server.findAll(postRequestedFor(urlEqualTo(ENFORCE)));
	}

	public List<LoggedRequest> completions() {
		return this.server.findAll(postRequestedFor(urlEqualTo(COMPLETE)));
	}

	public List<LoggedRequest> completionsOf(String journalId) {
		return this.server.findAll(postRequestedFor(urlEqualTo(COMPLETE))
			.withRequestBody(matchingJsonPath("$.journal_id", equalTo(journalId))));
	}

}
