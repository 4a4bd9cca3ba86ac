package ai.specora.localauthority;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import ai.specora.client.contract.OpenApiContract;
import ai.specora.localauthority.AuthorityClient.Reply;
import ai.specora.localauthority.WebhookReceiver.Delivery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the platform budgets in micro-USD: recorded executions and proxied calls
 * charge them, crossing one sends a signed {@code platform.budget_breach} webhook, and
 * once exhausted the spending calls answer 402.
 */
class PlatformBudgetTests extends AbstractLocalAuthorityTests {

	private static final String SECRET = "whsec-platform";

	@BeforeEach
	void startAuthority() throws Exception {
		startWithWebhooks(SECRET, (settings) -> settings.orgId("6f1e2d3c-4b5a-4978-8c6d-5e4f3a2b1c0d")
			.platformBudget(new PlatformBudget("tenant-hourly", 10_000, Duration.ofHours(1))));
	}

	private static Map<String, Object> execution(long costMicros) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("provider", "openai");
		body.put("model", "gpt-4o");
		body.put("cost_micros", costMicros);
		body.put("input_tokens", 1000);
		body.put("output_tokens", 500);
		body.put("success", true);
		return body;
	}

	private Reply record(long costMicros, String... headers) {
		return this.client.post("/v1/platform/executions", execution(costMicros), headers);
	}

	@Test
	void executionsDebitTheBudget() {
		Reply first = record(6_000);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.text("execution_id")).startsWith("exe_");
		assertThat(first.body().get("budget_remaining_micros").asLong()).isEqualTo(4_000);
		assertThat(first.decimal("usage_percent")).isEqualByComparingTo("60");
		assertThat(first.text("enforcement_state")).isEqualTo("normal");
		Reply second = record(2_500);
		assertThat(second.body().get("budget_remaining_micros").asLong()).isEqualTo(1_500);
		assertThat(second.text("enforcement_state")).isEqualTo("throttled");
		Reply budget = this.client.post("/v1/platform/budget/validate", "{}");
		assertThat(budget.text("budget_name")).isEqualTo("tenant-hourly");
		assertThat(budget.decimal("budget_total")).isEqualByComparingTo("0.01");
		assertThat(budget.decimal("budget_remaining")).isEqualByComparingTo("0.0015");
		assertThat(budget.decimal("usage_percent")).isEqualByComparingTo("85");
		assertThat(budget.text("enforcement_state")).isEqualTo("throttled");
	}

	@Test
	void crossingTheBudgetSendsASignedBreachWebhookAndThenSpendingIsPaymentRequired() throws Exception {
		record(8_000);
		Reply crossing = record(3_000);
		assertThat(crossing.status()).as("the execution that crosses is still recorded").isEqualTo(200);
		assertThat(crossing.text("enforcement_state")).isEqualTo("blocked");
		assertThat(crossing.body().get("budget_remaining_micros").asLong()).isZero();

		Delivery delivery = this.receiver.next();
		assertThat(delivery.signature()).matches("sha256=[0-9a-f]{64}").isEqualTo(delivery.expectedSignature(SECRET));
		assertThat(delivery.timestamp()).isEqualTo(Long.toString(this.clock.instant().getEpochSecond()));
		OpenApiContract.get().assertValidWebhookEvent(new String(delivery.body(), StandardCharsets.UTF_8));
		JsonNode event = delivery.json();
		assertThat(event.get("event_type").asString()).isEqualTo("platform.budget_breach");
		assertThat(delivery.eventId()).isEqualTo(event.get("event_id").asString());
		JsonNode data = event.get("data");
		assertThat(data.get("budget_name").asString()).isEqualTo("tenant-hourly");
		assertThat(data.get("budget_total_micros").asLong()).isEqualTo(10_000);
		assertThat(data.get("budget_used_micros").asLong()).isEqualTo(11_000);
		assertThat(data.get("requested_micros").asLong()).isEqualTo(3_000);
		assertThat(data.get("budget_total").decimalValue()).isEqualByComparingTo("0.01");
		assertThat(data.get("execution_id").asString()).isEqualTo(crossing.text("execution_id"));
		assertThat(data.get("period_start").asString()).isEqualTo("2026-11-21T10:00:00Z");
		assertThat(data.get("period_end").asString()).isEqualTo("2026-11-21T11:00:00Z");

		Reply refused = record(1);
		assertThat(refused.status()).isEqualTo(402);
		assertThat(refused.errorCode()).isEqualTo("budget_exceeded");
		assertThat(refused.body().get("error").get("details").get("usage_percent").decimalValue())
			.isEqualByComparingTo("100");
		assertThat(refused.errorMessage()).contains("tenant-hourly");
		Reply proxied = this.client.post("/v1/platform/proxy/execute", Map.of("provider", "openai", "model",
				"gpt-4o", "messages", List.of(Map.of("role", "user", "content", "Hi"))));
		assertThat(proxied.status()).isEqualTo(402);
		Reply preauthorized = this.client.post("/v1/platform/preauthorize",
				Map.of("provider", "openai", "model", "gpt-4o", "estimated_cost_micros", 1));
		assertThat(preauthorized.status()).isEqualTo(402);
		assertThat(preauthorized.body().get("error").get("details").get("usage_percent").decimalValue())
			.isEqualByComparingTo("100");
		assertThat(this.client.post("/v1/platform/budget/validate", "{}").text("enforcement_state"))
			.isEqualTo("blocked");
		assertThat(this.receiver.poll(Duration.ofMillis(300))).as("one breach webhook per window").isNull();
	}

	@Test
	void concurrentExecutionsNeverOvershootAndBreachOnce() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Reply>> replies = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				replies.add(pool.submit(() -> record(1_000)));
			}
			int recorded = 0;
			int refused = 0;
			for (Future<Reply> reply : replies) {
				int status = reply.get(60, TimeUnit.SECONDS).status();
				recorded += (status == 200) ? 1 : 0;
				refused += (status == 402) ? 1 : 0;
			}
			assertThat(recorded).as("10 x 1,000 reach the 10,000 limit").isEqualTo(10);
			assertThat(refused).isEqualTo(10);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.receiver.next().json().get("event_type").asString()).isEqualTo("platform.budget_breach");
		assertThat(this.receiver.poll(Duration.ofMillis(300))).as("one breach webhook").isNull();
	}

	@Test
	void theNextWindowStartsAfresh() {
		record(10_000);
		assertThat(record(1).status()).isEqualTo(402);
		this.clock.advance(Duration.ofHours(1));
		Reply reply = record(1_000);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.body().get("budget_remaining_micros").asLong()).isEqualTo(9_000);
	}

	@Test
	void aRetryWithTheSameIdempotencyKeyIsChargedOnce() {
		Reply first = record(4_000, "Idempotency-Key", "key-1");
		Reply retry = record(4_000, "Idempotency-Key", "key-1");
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.text("execution_id")).isEqualTo(first.text("execution_id"));
		assertThat(retry.body().get("budget_remaining_micros").asLong()).isEqualTo(6_000);
		Reply other = record(5_000, "Idempotency-Key", "key-1");
		assertThat(other.status()).isEqualTo(409);
		assertThat(other.errorCode()).isEqualTo("idempotency_conflict");
		assertThat(record(1_000, "Idempotency-Key", "key-2").body().get("budget_remaining_micros").asLong())
			.isEqualTo(5_000);
	}

	@Test
	void proxiedCallsAreChargedTheirCost() {
		Reply proxied = this.client.post("/v1/platform/proxy/execute", Map.of("provider", "openai", "model",
				"gpt-4o", "messages", List.of(Map.of("role", "user", "content", "Hello there"))));
		assertThat(proxied.status()).isEqualTo(200);
		long cost = proxied.body().get("cost_micros").asLong();
		assertThat(cost).isPositive();
		assertThat(this.client.post("/v1/platform/budget/validate", "{}").decimal("budget_remaining"))
			.isEqualByComparingTo(PlatformBudgets.usd(10_000 - cost));
	}

	@Test
	void preauthorizationOverTheBudgetIsPaymentRequiredAndSendsTheBreach() throws Exception {
		Reply reply = this.client.post("/v1/platform/preauthorize",
				Map.of("provider", "anthropic", "model", "claude-sonnet-4", "estimated_cost_micros", 10_001));
		assertThat(reply.status()).isEqualTo(402);
		assertThat(reply.body().get("error").get("details").get("usage_percent").decimalValue()).isZero();
		assertThat(reply.body().get("error").get("details").get("budget").asString()).isEqualTo("tenant-hourly");
		JsonNode event = this.receiver.next().json();
		assertThat(event.get("event_type").asString()).isEqualTo("platform.budget_breach");
		assertThat(event.get("data").get("requested_micros").asLong()).isEqualTo(10_001);
		assertThat(this.client.post("/v1/platform/preauthorize",
				Map.of("provider", "anthropic", "model", "claude-sonnet-4", "estimated_cost_micros", 10_000))
			.body()
			.get("authorized")
			.asBoolean()).as("an estimate that fits is authorized").isTrue();
	}

	@Test
	void aZeroBudgetIsExhaustedFromTheStart() {
		start((settings) -> settings.platformBudget(PlatformBudget.daily("frozen", 0)));
		Reply reply = record(0);
		assertThat(reply.status()).isEqualTo(402);
		assertThat(this.client.post("/v1/platform/budget/validate", "{}").text("enforcement_state"))
			.isEqualTo("blocked");
	}

}
