package ai.specora.spring.actuate;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import ai.specora.client.SpecoraClient;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The authority check of the health indicator is cached and never runs twice at once,
 * so that health requests, anonymous ones included, cannot flood the authority with
 * calls made with the organisation's API key.
 */
class SpecoraHealthIndicatorCacheTests {

	private final AtomicInteger calls = new AtomicInteger();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	private final AtomicLong nanoTime = new AtomicLong(1_000_000_000L);

	private volatile int status = 200;

	private volatile long delayMillis;

	private final ExecutorService serverThreads = Executors.newCachedThreadPool();

	private final HttpServer server;

	private final SpecoraClient client;

	SpecoraHealthIndicatorCacheTests() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
		this.server.setExecutor(this.serverThreads);
		this.server.createContext("/v1/health", this::health);
		this.server.start();
		this.client = SpecoraClient.builder()
			.baseUrl("http://127.0.0.1:" + this.server.getAddress().getPort())
			.apiKey("sk_test_health_cache")
			.orgId("org-1")
			.timeout(Duration.ofSeconds(30))
			.deadline(Duration.ofSeconds(60))
			.retries(0)
			.build();
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.stop(0);
		this.serverThreads.shutdownNow();
	}

	private void health(HttpExchange exchange) throws IOException {
		this.calls.incrementAndGet();
		this.maxInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
		try {
			Thread.sleep(this.delayMillis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.inFlight.decrementAndGet();
		}
		int answer = this.status;
		byte[] body = ((answer == 200) ? "{\"status\": \"ok\", \"version\": \"1.4\"}"
				: "{\"error\": {\"code\": \"unavailable\", \"message\": \"down\"}}")
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(answer, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private SpecoraHealthIndicator indicator(Duration ttl) {
		return new SpecoraHealthIndicator(this.client, null, ttl, this.nanoTime::get);
	}

	private void advance(Duration duration) {
		this.nanoTime.addAndGet(duration.toNanos());
	}

	@Test
	void healthRequestsWithinTheTimeToLiveMakeOneAuthorityCall() {
		SpecoraHealthIndicator indicator = indicator(Duration.ofSeconds(10));
		for (int i = 0; i < 20; i++) {
			Health health = indicator.health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("version", "1.4");
		}
		assertThat(this.calls.get()).isEqualTo(1);
		advance(Duration.ofSeconds(9));
		assertThat(indicator.health().getDetails()).containsEntry("checkAge", "9000ms");
		assertThat(this.calls.get()).isEqualTo(1);
		advance(Duration.ofSeconds(2));
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		assertThat(this.calls.get()).isEqualTo(2);
	}

	@Test
	void concurrentHealthRequestsShareOneCheck() throws Exception {
		this.delayMillis = 300;
		SpecoraHealthIndicator indicator = indicator(Duration.ofSeconds(10));
		ExecutorService callers = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Health>> answers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				answers.add(callers.submit(() -> {
					start.await();
					return indicator.health();
				}));
			}
			start.countDown();
			for (Future<Health> answer : answers) {
				assertThat(answer.get(60, TimeUnit.SECONDS).getStatus()).isEqualTo(Status.UP);
			}
		}
		finally {
			callers.shutdownNow();
		}
		assertThat(this.calls.get()).isEqualTo(1);
		assertThat(this.maxInFlight.get()).isEqualTo(1);
	}

	@Test
	void aFailedCheckIsCachedToo() {
		this.status = 503;
		SpecoraHealthIndicator indicator = indicator(Duration.ofSeconds(10));
		for (int i = 0; i < 5; i++) {
			Health health = indicator.health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsKey("error");
		}
		assertThat(this.calls.get()).isEqualTo(1);
		this.status = 200;
		advance(Duration.ofSeconds(11));
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		assertThat(this.calls.get()).isEqualTo(2);
	}

	@Test
	void aZeroTimeToLiveChecksOnEveryRequest() {
		SpecoraHealthIndicator indicator = indicator(Duration.ZERO);
		indicator.health();
		indicator.health();
		indicator.health();
		assertThat(this.calls.get()).isEqualTo(3);
	}

	@Test
	void aNegativeTimeToLiveIsRefusedWithThePropertyName() {
		assertThatIllegalArgumentException().isThrownBy(() -> indicator(Duration.ofSeconds(-1)))
			.withMessageContaining("specora.health.cache-ttl");
	}

}
