package ai.specora.spring.enforcement.completion;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.specora.client.SpecoraClient;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in authority on 127.0.0.1 that answers every {@code complete} after a fixed
 * delay, on as many threads as requests arrive, and records the journal ids delivered
 * and the largest number of deliveries it saw at once, overall and per journal entry.
 */
final class SlowAuthority implements AutoCloseable {

	private static final Pattern JOURNAL_ID = Pattern.compile("\"journal_id\"\\s*:\\s*\"([^\"]+)\"");

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final long delayMillis;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	private final Map<String, AtomicInteger> inFlightByJournalId = new ConcurrentHashMap<>();

	private final AtomicInteger maxInFlightPerJournalId = new AtomicInteger();

	private final List<String> delivered = new CopyOnWriteArrayList<>();

	private volatile int status = 200;

	SlowAuthority(Duration delay) throws IOException {
		this.delayMillis = delay.toMillis();
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
		this.server.setExecutor(this.executor);
		this.server.createContext("/v1/runtime/complete", this::complete);
		this.server.start();
	}

	private void complete(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Matcher matcher = JOURNAL_ID.matcher(body);
		String journalId = matcher.find() ? matcher.group(1) : "?";
		AtomicInteger perEntry = this.inFlightByJournalId.computeIfAbsent(journalId, (id) -> new AtomicInteger());
		this.maxInFlightPerJournalId.accumulateAndGet(perEntry.incrementAndGet(), Math::max);
		this.maxInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
		try {
			Thread.sleep(this.delayMillis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.inFlight.decrementAndGet();
			perEntry.decrementAndGet();
		}
		int answer = this.status;
		byte[] response = ((answer == 200)
				? "{\"journal_id\": \"" + journalId + "\", \"status\": \"success\", \"recorded\": true}"
				: "{\"error\": {\"code\": \"unavailable\", \"message\": \"down\"}}")
			.getBytes(StandardCharsets.UTF_8);
		if (answer == 200) {
			this.delivered.add(journalId);
		}
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(answer, response.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(response);
		}
	}

	SpecoraClient client() {
		return SpecoraClient.builder()
			.baseUrl("http://127.0.0.1:" + this.server.getAddress().getPort())
			.apiKey("sk_test_key")
			.orgId("org-1")
			.timeout(Duration.ofSeconds(10))
			.deadline(Duration.ofSeconds(20))
			.retries(0)
			.build();
	}

	/** Answers 503 from now on (or 200 again). */
	void unavailable(boolean unavailable) {
		this.status = unavailable ? 503 : 200;
	}

	List<String> delivered() {
		return this.delivered;
	}

	int maxInFlight() {
		return this.maxInFlight.get();
	}

	int maxInFlightPerJournalId() {
		return this.maxInFlightPerJournalId.get();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
