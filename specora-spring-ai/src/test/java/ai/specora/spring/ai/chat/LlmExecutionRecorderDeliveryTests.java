package ai.specora.spring.ai.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import ai.specora.client.CircuitBreakerSettings;
import ai.specora.client.SpecoraClient;
import ai.specora.client.platform.PreAuthorizationResult;
import ai.specora.client.platform.Provider;
import ai.specora.spring.enforcement.completion.AsyncCompletionDispatcher;
import ai.specora.spring.enforcement.completion.CompletionDropReason;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * LLM execution records are delivered by the completion dispatcher, reliably: through
 * an outage of the platform longer than the client's deadline, once, with the same
 * idempotency key on every attempt; bounded; drained at shutdown; counted apart from
 * completions.
 */
class LlmExecutionRecorderDeliveryTests {

	private final ExecutorService serverThreads = Executors.newCachedThreadPool();

	private final HttpServer server;

	private final SpecoraClient client;

	/** Idempotency keys of every attempt, in order. */
	private final List<String> attempts = new CopyOnWriteArrayList<>();

	/** Idempotency keys of the attempts answered 200. */
	private final List<String> recorded = new CopyOnWriteArrayList<>();

	private volatile int status = 200;

	private volatile long delayMillis;

	private AsyncCompletionDispatcher dispatcher;

	LlmExecutionRecorderDeliveryTests() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
		this.server.setExecutor(this.serverThreads);
		this.server.createContext("/v1/platform/executions", this::executions);
		this.server.start();
		this.client = SpecoraClient.builder()
			.baseUrl("http://127.0.0.1:" + this.server.getAddress().getPort())
			.apiKey("sk_test_key")
			.orgId("org-1")
			.vendorId("ven_1")
			.tenantId("ten_1")
			.timeout(Duration.ofSeconds(1))
			.deadline(Duration.ofSeconds(1))
			.retries(3)
			.retryBackoff(Duration.ofMillis(50), Duration.ofMillis(100))
			.circuitBreaker(CircuitBreakerSettings.disabled())
			.build();
	}

	@AfterEach
	void stop() {
		if (this.dispatcher != null) {
			this.dispatcher.stop();
		}
		this.client.close();
		this.server.stop(0);
		this.serverThreads.shutdownNow();
	}

	private void executions(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			in.readAllBytes();
		}
		String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
		this.attempts.add(key);
		try {
			Thread.sleep(this.delayMillis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		int answer = this.status;
		byte[] body = ((answer == 200)
				? "{\"execution_id\": \"exe_1\", \"budget_remaining_micros\": 1000, \"usage_percent\": 1.0, "
						+ "\"enforcement_state\": \"normal\"}"
				: "{\"error\": {\"code\": \"unavailable\", \"message\": \"down\"}}")
			.getBytes(StandardCharsets.UTF_8);
		if (answer == 200) {
			this.recorded.add(key);
		}
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(answer, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private LlmExecutionRecorder recorder(int queueCapacity, Duration shutdownTimeout) {
		this.dispatcher = AsyncCompletionDispatcher.builder(this.client.reactive())
			.queueCapacity(queueCapacity)
			.backoff(Duration.ofMillis(50), Duration.ofMillis(200))
			.shutdownTimeout(shutdownTimeout)
			.build();
		this.dispatcher.start();
		return new LlmExecutionRecorder(this.dispatcher, LlmPricing.FREE, true, ObservationRegistry.NOOP);
	}

	private static LlmExecution execution() {
		return new LlmExecution(Provider.OPENAI, "gpt-test",
				new PreAuthorizationResult(true, "auth_1", null, null, null, null, false));
	}

	private void record(LlmExecutionRecorder recorder) {
		recorder.record(execution(), null, 1_000_000, true, Observation.NOOP);
	}

	@Test
	void anOutageLongerThanTheDeadlineThenBackDeliversTheRecordOnceWithOneIdempotencyKey() throws Exception {
		this.status = 503;
		LlmExecutionRecorder recorder = recorder(16, Duration.ofSeconds(10));
		record(recorder);
		// longer than the client's 1 s deadline: each delivery attempt gives up
		await().atMost(Duration.ofSeconds(60)).until(() -> this.attempts.size() >= 8);
		Thread.sleep(1500);
		assertThat(this.dispatcher.deliveredExecutionRecordCount()).isZero();
		assertThat(this.dispatcher.pendingCount()).isEqualTo(1);
		this.status = 200;
		await().atMost(Duration.ofSeconds(60)).until(() -> this.dispatcher.deliveredExecutionRecordCount() == 1);
		assertThat(this.recorded).hasSize(1);
		assertThat(this.attempts).hasSizeGreaterThan(4).containsOnly(this.recorded.get(0));
		assertThat(droppedRecords()).isZero();
		assertThat(this.dispatcher.pendingCount()).isZero();
	}

	@Test
	void theShutdownDrainDeliversTheRecordsWaiting() {
		this.delayMillis = 300;
		LlmExecutionRecorder recorder = recorder(16, Duration.ofSeconds(30));
		for (int i = 0; i < 5; i++) {
			record(recorder);
		}
		this.dispatcher.stop();
		assertThat(this.recorded).hasSize(5).doesNotHaveDuplicates();
		assertThat(this.dispatcher.deliveredExecutionRecordCount()).isEqualTo(5);
		assertThat(droppedRecords()).isZero();
	}

	@Test
	void recordsBeyondTheBoundAndAfterTheShutdownTimeoutAreDroppedAndCountedApartFromCompletions() {
		this.status = 503;
		LlmExecutionRecorder recorder = recorder(2, Duration.ofMillis(300));
		record(recorder);
		record(recorder);
		record(recorder);
		assertThat(this.dispatcher.droppedExecutionRecordCount(CompletionDropReason.QUEUE_FULL)).isEqualTo(1);
		assertThat(this.dispatcher.pendingCount()).isEqualTo(2);
		this.dispatcher.stop();
		assertThat(this.dispatcher.droppedExecutionRecordCount(CompletionDropReason.SHUTDOWN)).isEqualTo(2);
		assertThat(this.dispatcher.pendingCount()).isZero();
		record(recorder);
		assertThat(this.dispatcher.droppedExecutionRecordCount(CompletionDropReason.SHUTDOWN)).isEqualTo(3);
		assertThat(droppedRecords()).isEqualTo(4);
		assertThat(this.dispatcher.droppedCount()).as("completions dropped").isZero();
	}

	@Test
	void aRefusalIsNotRetried() {
		this.status = 422;
		LlmExecutionRecorder recorder = recorder(16, Duration.ofSeconds(10));
		record(recorder);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.dispatcher.droppedExecutionRecordCount(CompletionDropReason.REFUSED) == 1);
		assertThat(this.attempts).hasSize(1);
	}

	@Test
	void withoutTheVendorModelNothingIsHandedOver() {
		recorder(16, Duration.ofSeconds(10));
		LlmExecutionRecorder recorder = new LlmExecutionRecorder(this.dispatcher, LlmPricing.FREE, false,
				ObservationRegistry.NOOP);
		record(recorder);
		this.dispatcher.stop();
		assertThat(this.attempts).isEmpty();
		assertThat(this.dispatcher.deliveredExecutionRecordCount()).isZero();
	}

	private long droppedRecords() {
		long total = 0;
		for (CompletionDropReason reason : CompletionDropReason.values()) {
			total += this.dispatcher.droppedExecutionRecordCount(reason);
		}
		return total;
	}

}
