package ai.specora.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.specora.runtime.CompletionDispatcher;
import ai.specora.spring.enforcement.completion.AsyncCompletionDispatcher;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Load and fault runs of completion delivery (a runnable main, not JMH: it measures
 * rates and a backlog over a run, not the cost of one call). A stand-in authority on
 * 127.0.0.1 answers every call after an added latency (50 ms by default); paced callers
 * (open loop: each caller starts its calls on a fixed schedule and falls behind only
 * when a call takes longer) make {@code @Enforced} calls of a Spring Boot application
 * with the starter in async completion mode and the memory store. Each run reports the
 * governed calls made, the completions delivered (distinct journal ids the authority
 * recorded) during the run and after the drain, the backlog at the end of the offered
 * load, the drops, and the callers' p50 and p99.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar ai.specora.benchmarks.CompletionLoadBenchmark
 * [seconds=60] [rates=200,1000,2000] [callers=64,256] [latency-ms=50] [fault=none|authority-down]
 * [down-seconds=30]}
 * <p>
 * {@code fault=authority-down}: from a third of the run, the authority answers every
 * {@code complete} with 503 for {@code down-seconds}, then answers again; decisions are
 * still given, so governed calls go on and their completions pile up: the harder case
 * for the queue.
 */
public final class CompletionLoadBenchmark {

	private CompletionLoadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int seconds = Integer.parseInt(arg(args, "seconds", "60"));
		int[] rates = ints(arg(args, "rates", "200,1000,2000"));
		int[] callersList = ints(arg(args, "callers", "64,256"));
		long latencyMillis = Long.parseLong(arg(args, "latency-ms", "50"));
		String fault = arg(args, "fault", "none");
		int downSeconds = Integer.parseInt(arg(args, "down-seconds", "30"));
		System.out.printf("JDK %s, %d processors, %d s per run, %d ms added latency, fault %s%n",
				Runtime.version(), Runtime.getRuntime().availableProcessors(), seconds, latencyMillis, fault);
		System.out.println("callers | offered/s | calls/s | delivered/s in run | backlog at end | delivered after drain "
				+ "| dropped | failed calls | p50 ms | p99 ms | drain s");
		for (int callers : callersList) {
			for (int rate : rates) {
				try (SlowAuthority authority = new SlowAuthority(latencyMillis)) {
					run(authority, callers, rate, seconds, fault, downSeconds);
				}
			}
		}
		System.exit(0);
	}

	private static void run(SlowAuthority authority, int callers, int rate, int seconds, String fault,
			int downSeconds) throws Exception {
		try (ConfigurableApplicationContext app = Contexts.specora(authority.baseUrl(), false, "async")) {
			Services.Governed governed = app.getBean(Services.Governed.class);
			AsyncCompletionDispatcher dispatcher = (AsyncCompletionDispatcher) app
				.getBean(CompletionDispatcher.class);
			// warm-up: a few hundred calls, then the counters start from here
			for (int i = 0; i < 200; i++) {
				governed.call(i);
			}
			while (dispatcher.pendingCount() > 0) {
				Thread.sleep(10);
			}
			long deliveredBefore = authority.delivered();
			long intervalNanos = TimeUnit.SECONDS.toNanos(1) * callers / rate;
			long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
			long end = start + TimeUnit.SECONDS.toNanos(seconds);
			LongAdder calls = new LongAdder();
			LongAdder failures = new LongAdder();
			List<long[]> latencies = new ArrayList<>();
			List<Thread> threads = new ArrayList<>();
			for (int c = 0; c < callers; c++) {
				long[] mine = new long[(int) Math.min(Integer.MAX_VALUE - 8,
						(long) seconds * rate / callers + 16)];
				latencies.add(mine);
				long offset = intervalNanos * c / callers;
				Thread thread = new Thread(() -> {
					int n = 0;
					for (long next = start + offset; next < end; next += intervalNanos) {
						long wait = next - System.nanoTime();
						if (wait > 0) {
							LockSupport.parkNanos(wait);
						}
						long t = System.nanoTime();
						try {
							governed.call(n);
						}
						catch (RuntimeException ex) {
							failures.increment();
						}
						if (n < mine.length) {
							mine[n] = System.nanoTime() - t;
						}
						n++;
						calls.increment();
					}
					mine[mine.length - 1] = n; // the count, in the last slot
				}, "caller-" + c);
				thread.setDaemon(true);
				thread.start();
				threads.add(thread);
			}
			if ("authority-down".equals(fault)) {
				long downAt = start + (end - start) / 3;
				LockSupport.parkNanos(downAt - System.nanoTime());
				authority.down(true);
				Thread.sleep(TimeUnit.SECONDS.toMillis(downSeconds));
				authority.down(false);
			}
			for (Thread thread : threads) {
				thread.join();
			}
			double runSeconds = (System.nanoTime() - start) / 1e9;
			long deliveredInRun = authority.delivered() - deliveredBefore;
			int backlog = dispatcher.pendingCount();
			long drainStart = System.nanoTime();
			long drainDeadline = drainStart + TimeUnit.SECONDS.toNanos(120);
			while (dispatcher.pendingCount() > 0 && System.nanoTime() < drainDeadline) {
				Thread.sleep(20);
			}
			double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
			long delivered = authority.delivered() - deliveredBefore;
			long[] all = merge(latencies);
			Arrays.sort(all);
			System.out.printf("%d | %d | %.0f | %.0f | %d | %d of %d | %d | %d | %.1f | %.1f | %.1f%n", callers, rate,
					calls.sum() / runSeconds, deliveredInRun / runSeconds, backlog, delivered,
					calls.sum() - failures.sum(), dispatcher.droppedCount(), failures.sum(), percentile(all, 0.50),
					percentile(all, 0.99), drainSeconds);
		}
	}

	private static long[] merge(List<long[]> latencies) {
		int total = 0;
		for (long[] mine : latencies) {
			total += (int) Math.min(mine[mine.length - 1], mine.length - 1);
		}
		long[] all = new long[total];
		int i = 0;
		for (long[] mine : latencies) {
			int n = (int) Math.min(mine[mine.length - 1], mine.length - 1);
			System.arraycopy(mine, 0, all, i, n);
			i += n;
		}
		return all;
	}

	private static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
	}

	private static String arg(String[] args, String name, String fallback) {
		for (String arg : args) {
			if (arg.startsWith(name + "=")) {
				return arg.substring(name.length() + 1);
			}
		}
		return fallback;
	}

	private static int[] ints(String list) {
		return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
	}

	/**
	 * The stand-in authority: allows every enforcement with a new journal id and records
	 * every completion, each answer after the added latency; {@link #down} makes it
	 * answer {@code complete} with 503.
	 */
	static final class SlowAuthority implements AutoCloseable {

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

		void down(boolean down) {
			this.down = down;
		}

		@Override
		public void close() {
			this.server.disposeNow();
			this.loops.disposeLater().block();
		}

	}

}
