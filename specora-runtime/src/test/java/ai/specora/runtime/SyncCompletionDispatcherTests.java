package ai.specora.runtime;

import java.time.Duration;
import java.util.List;

import ai.specora.client.SpecoraClient;
import ai.specora.client.platform.ExecutionRecordRequest;
import ai.specora.client.platform.Provider;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The synchronous dispatcher delivers an execution record at once, under one
 * idempotency key for all its retries, and counts one it cannot deliver without failing
 * the caller.
 */
class SyncCompletionDispatcherTests {

	static final WireMockServer platform = new WireMockServer(
			WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

	static {
		platform.start();
	}

	private final SpecoraClient client = SpecoraClient.builder()
		.baseUrl("http://127.0.0.1:" + platform.port())
		.apiKey("sk_test_key")
		.orgId("org-1")
		.vendorId("ven_1")
		.tenantId("ten_1")
		.timeout(Duration.ofSeconds(5))
		.deadline(Duration.ofSeconds(10))
		.retries(2)
		.retryBackoff(Duration.ofMillis(5), Duration.ofMillis(10))
		.build();

	private final SyncCompletionDispatcher dispatcher = new SyncCompletionDispatcher(this.client.reactive());

	private final ExecutionRecordRequest record = ExecutionRecordRequest.builder(Provider.OPENAI, "gpt-4o")
		.tokens(10, 5)
		.costMicros(70)
		.build();

	@BeforeEach
	void reset() {
		platform.resetAll();
	}

	@AfterEach
	void close() {
		this.client.close();
	}

	@AfterAll
	static void stop() {
		platform.stop();
	}

	@Test
	void aRecordIsDeliveredBeforeTheStageCompletesUnderOneKeyForAllItsRetries() {
		platform.stubFor(post(urlEqualTo("/v1/platform/executions")).inScenario("flaky")
			.whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		platform.stubFor(post(urlEqualTo("/v1/platform/executions")).inScenario("flaky")
			.whenScenarioStateIs("up")
			.willReturn(okJson("{\"execution_id\": \"exe_1\", \"budget_remaining_micros\": 1000, "
					+ "\"usage_percent\": 1.0, \"enforcement_state\": \"normal\"}")));
		this.dispatcher.dispatchExecutionRecord(this.record).toCompletableFuture().join();
		List<LoggedRequest> sent = platform.findAll(postRequestedFor(urlEqualTo("/v1/platform/executions")));
		assertThat(sent).hasSize(2);
		assertThat(sent.get(1).getHeader("Idempotency-Key")).isEqualTo(sent.get(0).getHeader("Idempotency-Key"));
		assertThat(this.dispatcher.droppedCount()).isZero();
		assertThat(this.dispatcher.pendingCount()).isZero();
	}

	@Test
	void aRecordRefusedIsCountedAndTheStageStillCompletesNormally() {
		platform.stubFor(post(urlEqualTo("/v1/platform/executions")).willReturn(aResponse().withStatus(422)));
		this.dispatcher.dispatchExecutionRecord(this.record).toCompletableFuture().join();
		assertThat(this.dispatcher.droppedCount()).isEqualTo(1);
		assertThat(this.dispatcher.pendingCount()).isZero();
	}

}
