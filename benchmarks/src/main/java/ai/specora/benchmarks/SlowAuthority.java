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
 * The stand-in authority: allows every enforcement with a new journal id and records
 * every completion, each answer after the added latency; {@link #down} makes it
 * answer {@code complete} with 503.
 */
final class SlowAuthority implements AutoCloseable {

	private static final Pattern JOURNAL_ID = Pattern.compile("\"journal_id\"\\s*:\\s*\"([^\"]+)\"");

	private static final String ALLOW_PREFIX = "{\"decision\":\"allow\",\"journal_id\":\"jrn_";

	private static final String ALLOW_SUFFIX = "\",\"blocked_reason\":null,\"approval_source\":null,"
			+ "\"approval_id\":null,\"policy_id\":\"pol_1\",\"reservation_id\":\"res_1\",\"source\":\"authority\","
			+ "\"expires_at\":\"2026-11-21T22:00:00Z\"}";

	private static final byte[] COMPLETED = "{\"journal_id\":\"jrn_1\",\"status\":\"success\",\"recorded\":true}"
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] UNAVAILABLE = "{\"error\":{\"code\":\"unavailable\",\"message\":\"down\"}}"
		.getBytes(StandardCharsets.UTF_8);

	private final AtomicLong journalIds = new AtomicLong();

	private final AtomicLong recordings = new AtomicLong();

	private final Set<String> delivered = ConcurrentHashMap.newKeySet();

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
				boolean complete = request.uri().endsWith("/complete");
				return request.receive().aggregate().asString().defaultIfEmpty("").flatMap((body) -> {
					int status = 200;
					byte[] answer;
					if (complete) {
						if (this.down) {
							status = 503;
							answer = UNAVAILABLE;
						}
						else {
							Matcher matcher = JOURNAL_ID.matcher(body);
							if (matcher.find()) {
								this.delivered.add(matcher.group(1));
								this.recordings.incrementAndGet();
							}
							answer = COMPLETED;
						}
					}
					else {
						answer = (ALLOW_PREFIX + this.journalIds.incrementAndGet() + ALLOW_SUFFIX)
							.getBytes(StandardCharsets.UTF_8);
					}
					int code = status;
					return Mono.delay(latency)
						.then(response.status(code)
							.header("Content-Type", "application/json")
							.header("Content-Length", Integer.toString(answer.length))
							.send(Mono.fromSupplier(() -> (ByteBuf) Unpooled.wrappedBuffer(answer)))
							.then());
				});
			})
			.bindNow();
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

	void down(boolean down) {
		this.down = down;
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.disposeLater().block();
	}

}
