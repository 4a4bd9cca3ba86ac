package ai.specora.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * The floor of the loopback benchmarks: a minimal Reactor Netty server on 127.0.0.1 that
 * reads each request body and answers a fixed allow (differing only in its journal id,
 * so that completions are not taken for duplicates) or completion acknowledgement,
 * counting the TCP connections it accepts and the requests it answers.
 */
public final class FloorServer implements AutoCloseable {

	private static final String ALLOW_PREFIX = "{\"decision\":\"allow\",\"journal_id\":\"jrn_";

	private static final String ALLOW_SUFFIX = "\",\"blocked_reason\":null,\"approval_source\":null,"
			+ "\"approval_id\":null,\"policy_id\":\"pol_1\",\"reservation_id\":\"res_1\",\"source\":\"authority\","
			+ "\"expires_at\":\"2026-11-21T22:00:00Z\"}";

	private static final byte[] COMPLETED = "{\"journal_id\":\"jrn_1\",\"status\":\"success\",\"recorded\":true}"
		.getBytes(StandardCharsets.UTF_8);

	/** The server's accept backlog, above the most callers a run has (256). */
	static final int ACCEPT_BACKLOG = 1024;

	private final LongAdder connections = new LongAdder();

	private final LongAdder requests = new LongAdder();

	private final AtomicLong journalIds = new AtomicLong();

	private final LoopResources loops = LoopResources.create("floor", 1, 2, true);

	private final DisposableServer server;

	/**
	 * Starts the server on an ephemeral port of 127.0.0.1.
	 */
	public FloorServer() {
		this.server = HttpServer.create()
			// event loops of its own, as a server in another process would have: the
			// clients' loops then do only the clients' work
			.runOn(this.loops)
			.host("127.0.0.1")
			.port(0)
			// room for a connect storm of 256 callers (the default backlog, 128, drops SYNs)
			.option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
			// once per TCP connection (doOnConnection is called for each request on it)
			.doOnChannelInit((observer, channel, remoteAddress) -> this.connections.increment())
			.handle((request, response) -> {
				this.requests.increment();
				byte[] body = request.uri().endsWith("/complete") ? COMPLETED
						: (ALLOW_PREFIX + this.journalIds.incrementAndGet() + ALLOW_SUFFIX)
							.getBytes(StandardCharsets.UTF_8);
				return request.receive()
					.then()
					.then(response.header("Content-Type", "application/json")
						.header("X-Request-Id", "req_floor")
						.header("Content-Length", Integer.toString(body.length))
						.send(Mono.fromSupplier(() -> (ByteBuf) Unpooled.wrappedBuffer(body)))
						.then());
			})
			.bindNow();
	}

	/**
	 * The base URL of the server.
	 * @return e.g. {@code http://127.0.0.1:54321}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/**
	 * The TCP connections accepted so far.
	 * @return the count
	 */
	public long connections() {
		return this.connections.sum();
	}

	/**
	 * The requests answered so far.
	 * @return the count
	 */
	public long requests() {
		return this.requests.sum();
	}

	@Override
	public void close() {
		this.server.disposeNow();
		this.loops.disposeLater().block();
	}

}
