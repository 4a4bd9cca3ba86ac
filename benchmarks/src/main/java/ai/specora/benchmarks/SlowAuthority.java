package ai.specora.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * The stand-in authority: allows every enforcement with a new journal id, records
 * every completion, and records every execution record ({@code POST
 * /v1/platform/executions}) by its {@code Idempotency-Key}, each answer after the added
 * latency; {@link #down} makes it answer {@code complete} and execution records with
 * 503.
 */
final class SlowAuthority implements AutoCloseable {

	private static final Pattern JOURNAL_ID = Pattern.compile("\"journal_id\"\\s*:\\s*\"([^\"]+)\"");

	private static final String ALLOW_PREFIX = "{\"decision\":\"allow\",\"journal_id\":\"jrn_";

	private static final String ALLOW_SUFFIX = "\",\"blocked_reason\":null,\"approval_source\":null,"
			+ "\"approval_id\":null,\"policy_id\":\"pol_1\",\"reservation_id\":\"res_1\",\"source\":\"authority\","
			+ "\"expires_at\":\"2026-11-21T22:00:00Z\"}";

	private static final String EXECUTIONS_PATH = "/v1/platform/executions";

	private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final byte[] COMPLETED = "{\"journal_id\":\"jrn_1\",\"status\":\"success\",\"recorded\":true}"
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] EXECUTION_RECORDED = ("{\"execution_id\":\"exe_1\",\"budget_remaining_micros\":1000,"
			+ "\"usage_percent\":1.0,\"enforcement_state\":\"normal\"}")
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] UNAVAILABLE = "{\"error\":{\"code\":\"unavailable\",\"message\":\"down\"}}"
		.getBytes(StandardCharsets.UTF_8);

	private final AtomicLong journalIds = new AtomicLong();

	private final AtomicLong recordings = new AtomicLong();

	private final Set<String> delivered = ConcurrentHashMap.newKeySet();

	private final Set<String> recordKeys = ConcurrentHashMap.newKeySet();

	private final Set<String> recordKeysTwice = ConcurrentHashMap.newKeySet();

	private final LoopResources loops = LoopResources.create("slow-authority", 1, 2, true);

	private final DisposableServer server;

	private volatile boolean down;

	SlowAuthority(long latencyMillis) {
		Duration latency = Duration.ofMillis(latencyMillis);
		this.server = HttpServer.create()
			.runOn(this.loops)
			.host("127.0.0.1")
			.port(0)
			.option(ChannelOption.SO_BACKLOG, FloorServer.ACCEPT_BACKLOG)
			.handle((request, response) -> {
				String uri = request.uri();
				String key = request.requestHeaders().get(IDEMPOTENCY_KEY);
				return request.receive().aggregate().asString().defaultIfEmpty("").flatMap((body) -> {
					Answer answer = answer(uri, key, body);
					return Mono.delay(latency)
						.then(response.status(answer.status())
							.header("Content-Type", "application/json")
							.header("Content-Length", Integer.toString(answer.body().length))
							.send(Mono.fromSupplier(() -> (ByteBuf) Unpooled.wrappedBuffer(answer.body())))
							.then());
				});
			})
			.bindNow();
	}

	private Answer answer(String uri, String idempotencyKey, String body) {
		if (uri.endsWith("/complete")) {
			return this.down ? Answer.UNAVAILABLE : complete(body);
		}
		if (uri.endsWith(EXECUTIONS_PATH)) {
			return this.down ? Answer.UNAVAILABLE : recordExecution(idempotencyKey);
		}
		return new Answer(200, (ALLOW_PREFIX + this.journalIds.incrementAndGet() + ALLOW_SUFFIX)
			.getBytes(StandardCharsets.UTF_8));
	}

	private Answer complete(String body) {
		Matcher matcher = JOURNAL_ID.matcher(body);
		if (matcher.find()) {
			this.delivered.add(matcher.group(1));
			this.recordings.incrementAndGet();
		}
		return new Answer(200, COMPLETED);
	}

	private Answer recordExecution(String idempotencyKey) {
		if (idempotencyKey != null && !this.recordKeys.add(idempotencyKey)) {
			this.recordKeysTwice.add(idempotencyKey);
		}
		return new Answer(200, EXECUTION_RECORDED);
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	long delivered() {
		return this.delivered.size();
	}

	/**
	 * How many completions it answered with 200, a second one of the same entry (a
	 * redelivery) included.
	 */
	long recordings() {
		return this.recordings.get();
	}

	/**
	 * Whether it recorded a completion of a journal entry.
	 */
	boolean recorded(String journalId) {
		return this.delivered.contains(journalId);
	}

	/**
	 * How many journal ids it issued: the governed calls it allowed.
	 */
	long issued() {
		return this.journalIds.get();
	}

	/**
	 * How many execution records it recorded: distinct idempotency keys.
	 */
	long recordsRecorded() {
		return this.recordKeys.size();
	}

	/**
	 * How many execution records (idempotency keys) it recorded more than once.
	 */
	long recordsRecordedTwice() {
		return this.recordKeysTwice.size();
	}

	void down(boolean down) {
		this.down = down;
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.disposeLater().block();
	}

	/**
	 * The status and body of an answer.
	 */
	private record Answer(int status, byte[] body) {

		static final Answer UNAVAILABLE = new Answer(503, SlowAuthority.UNAVAILABLE);

	}

}
