package ai.specora.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToLongFunction;

import ai.specora.client.platform.ExecutionRecordRequest;
import ai.specora.client.platform.Provider;
import ai.specora.runtime.CompletionDispatcher;
import ai.specora.spring.enforcement.completion.AsyncCompletionDispatcher;
import ai.specora.spring.enforcement.completion.CompletionDropReason;
import ai.specora.spring.enforcement.completion.RedisCompletionStore;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Load and fault runs of completion delivery (a runnable main, not JMH: it measures
 * rates and a backlog over a run, not the cost of one call). A stand-in authority on
 * 127.0.0.1 answers every call after an added latency (50 ms by default); paced callers
 * (open loop: each caller starts its calls on a fixed schedule and falls behind only
 * when a call takes longer) make {@code @Enforced} calls of a Spring Boot application
 * with the starter in async completion mode, its completions in the memory store or in
 * a Redis stream of an embedded Redis on 127.0.0.1 (no persistence). The application is
 * configured for the vendor-reseller model (Model B: {@code specora.vendor-id} and
 * {@code specora.tenant-id}), and each caller, right after every
 * {@code records-every}-th of its governed calls, hands an LLM execution record over to
 * the application's dispatcher ({@code dispatchExecutionRecord}: the same queue, retries,
 * maximum age and store as completions, one idempotency key per record); the authority
 * answers {@code POST /v1/platform/executions} as it answers {@code complete}. Each run
 * prints one Markdown table row: the governed calls made, the completions handed over
 * and delivered (distinct journal ids the authority recorded) during the run and after
 * the drain, the backlog at the end of the offered load, the drops, and the callers' p50
 * and p99 (of the governed call, the record hand-over after it not included); every row
 * ends with four columns of execution records: handed over, recorded (distinct
 * {@code Idempotency-Key}s the authority recorded), dropped (the dispatcher's, by
 * reason) and recorded twice (keys the authority recorded more than once). After the
 * drain, records handed over should equal records recorded plus records dropped.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar ai.specora.benchmarks.CompletionLoadBenchmark
 * [seconds=60] [rates=200,1000,2000] [callers=64,256] [latency-ms=50] [store=memory|redis]
 * [fault=none|authority-down|redis-restart|redis-outage|replica-kill] [down-seconds=30]
 * [lease-seconds=5] [append-timeout-ms=<the starter's default>] [records-every=5]
 * [specora.<property>=<value>...]}
 * <ul>
 * <li>{@code specora.…=…}: any further property of the application, e.g.
 * {@code specora.enforcement.completion.queue-capacity=100000} for an outage longer
 * than the default queue holds.</li>
 * <li>{@code records-every=N}: each caller hands over one execution record after every
 * N of its governed calls (0: none), so the records are a fifth of the calls by
 * default.</li>
 * <li>{@code fault=authority-down}: from a third of the run, the authority answers every
 * {@code complete} and every execution record with 503 for {@code down-seconds}, then
 * answers again; decisions are still given, so governed calls go on and their
 * completions and records pile up: the harder case for the queue.</li>
 * <li>{@code fault=redis-restart} (Redis store): at a third of the run, Redis is stopped
 * and a new, empty one started on the same port (a restart without persistence). The
 * row compares the completions handed over with those delivered and those dropped (by
 * reason): every completion should be one or the other, and every record recorded or
 * dropped.</li>
 * <li>{@code fault=redis-outage} (Redis store): at a third of the run, Redis is frozen
 * for {@code down-seconds} ({@code DEBUG SLEEP}: connections stay open and nothing is
 * answered, the harder case than a refused connection, which fails at once). The row
 * gives the hand-over time of each completion (the {@code dispatch} call inside the
 * governed call) and the callers' p99, before and during the outage (by when they
 * started; the callers' before ends a second before the outage, since a call that
 * started just before it hands over during it).</li>
 * <li>{@code fault=replica-kill} (Redis store): two replicas in JVMs of their own share
 * the Redis and the authority, each with half the callers and half the rate; at a third
 * of the run one is killed ({@code destroyForcibly}); the survivor must claim the killed
 * one's pending entries after the lease ({@code lease-seconds}). Both replicas hand over
 * execution records too; the row compares those handed over with those recorded, and
 * gives the survivor's record drops. See {@link ReplicaKillRun}.</li>
 * </ul>
 */
public final class CompletionLoadBenchmark {

	private static final String STREAM = RedisCompletionStore.DEFAULT_STREAM;

	private static final String GROUP = RedisCompletionStore.DEFAULT_GROUP;

	static final long DRAIN_TIMEOUT_SECONDS = 120;

	/** The execution record the callers hand over (each hand-over draws its own key). */
	static final ExecutionRecordRequest RECORD = ExecutionRecordRequest.builder(Provider.OPENAI, "gpt-4o")
		.tokens(1200, 300)
		.costMicros(4500)
		.duration(Duration.ofMillis(850))
		.build();

	private static final String RECORD_COLUMNS = " records handed over | records recorded | records dropped "
			+ "| records recorded twice |";

	private CompletionLoadBenchmark() {
	}

	/**
	 * Runs the benchmark: one row per callers count and rate ({@code fault=replica-kill}:
	 * one row, with the first of each), or, with {@code role=replica}, one replica of
	 * {@link ReplicaKillRun}.
	 * @param args {@code name=value} options, see the class description
	 * @throws Exception if a run fails
	 */
	public static void main(String[] args) throws Exception {
		LoadRunOptions options = LoadRunOptions.parse(args);
		if ("replica".equals(LoadRunOptions.arg(args, "role", ""))) {
			ReplicaKillRun.replica(args);
			return;
		}
		System.out.printf("JDK %s, %d processors, %d s per run, %d ms added latency, store %s, fault %s%n",
				Runtime.version(), Runtime.getRuntime().availableProcessors(), options.seconds(),
				options.latencyMillis(), options.store(), options.fault());
		if ("replica-kill".equals(options.fault())) {
			ReplicaKillRun.run(options);
			System.exit(0);
		}
		System.out.println(header(options.fault()));
		for (int callers : options.callers()) {
			for (int rate : options.rates()) {
				try (SlowAuthority authority = new SlowAuthority(options.latencyMillis());
						EmbeddedRedis redis = options.redis() ? EmbeddedRedis.start() : null) {
					System.out.println(run(options, authority, redis, callers, rate));
				}
			}
		}
		System.exit(0);
	}

	private static String header(String fault) {
		return switch (fault) {
			case "redis-restart" -> "| store | callers | offered/s | calls/s | handed over | delivered | dropped "
					+ "| neither delivered nor dropped | delivered twice | failed calls | p50 ms | p99 ms | drain s "
					+ "| stream at end |" + RECORD_COLUMNS;
			case "redis-outage" -> "| store | callers | offered/s | calls/s | hand-over p50/p99/max ms before "
					+ "| hand-over p50/p99/max ms during | hand-overs ≥ 10 ms during: count, last at "
					+ "| callers' p99 ms before | callers' p99 ms during | delivered of handed over | delivered twice "
					+ "| dropped | failed calls | drain s | stream at end |" + RECORD_COLUMNS;
			default -> "| store | callers | offered/s | calls/s | delivered/s in run | backlog at end "
					+ "| delivered after drain | dropped | failed calls | p50 ms | p99 ms | hand-over p50 / p99 ms "
					+ "| drain s | stream at end |" + RECORD_COLUMNS;
		};
	}

	private static String run(LoadRunOptions options, SlowAuthority authority, EmbeddedRedis redis, int callers,
			int rate) throws Exception {
		try (ConfigurableApplicationContext app = Contexts.specoraTimed(authority.baseUrl(),
				(redis != null) ? redis.port() : 0, options.properties())) {
			Services.Governed governed = app.getBean(Services.Governed.class);
			TimedDispatcher timed = (TimedDispatcher) app.getBean(CompletionDispatcher.class);
			AsyncCompletionDispatcher dispatcher = timed.delegate();
			warmUp(governed, dispatcher, options.recordsEvery());
			long deliveredBefore = authority.delivered();
			long recordingsBefore = authority.recordings();
			long handedBefore = timed.handedOver();
			Records records = new Records(timed, authority);
			PacedCallers load = new PacedCallers(governed, () -> timed.dispatchExecutionRecord(RECORD),
					options.recordsEvery(), callers, rate, options.seconds());
			long[] fault = fault(options, authority, redis, load);
			load.join();
			double runSeconds = (System.nanoTime() - load.start()) / 1e9;
			Result result = new Result(options.store(), callers, rate, load.calls() / runSeconds,
					authority.delivered() - deliveredBefore, dispatcher.pendingCount());
			result.drainSeconds = drain(dispatcher);
			result.delivered = authority.delivered() - deliveredBefore;
			result.twice = authority.recordings() - recordingsBefore - result.delivered;
			result.handedOver = timed.handedOver() - handedBefore;
			result.failures = load.failures();
			result.streamLength = (redis != null) ? redis.streamLength(STREAM) : -1;
			result.records = records.columns(dispatcher);
			return switch (options.fault()) {
				case "redis-restart" -> result.restartRow(dispatcher, load);
				case "redis-outage" -> result.outageRow(dispatcher, load, timed, fault);
				default -> result.loadRow(dispatcher, load, timed, runSeconds);
			};
		}
	}

	/**
	 * Makes 200 governed calls, hands over an execution record after every
	 * {@code recordsEvery}-th, and waits until all are delivered.
	 */
	static void warmUp(Services.Governed governed, AsyncCompletionDispatcher dispatcher, int recordsEvery)
			throws InterruptedException {
		for (int i = 1; i <= 200; i++) {
			governed.call(i);
			if (recordsEvery > 0 && i % recordsEvery == 0) {
				dispatcher.dispatchExecutionRecord(RECORD);
			}
		}
		awaitEmpty(dispatcher, TimeUnit.SECONDS.toNanos(30));
	}

	/**
	 * Injects the fault at a third of the run.
	 * @return when the fault began and ended ({@link System#nanoTime()})
	 */
	private static long[] fault(LoadRunOptions options, SlowAuthority authority, EmbeddedRedis redis, PacedCallers load)
			throws Exception {
		long at = load.start() + (load.end() - load.start()) / 3;
		if ("none".equals(options.fault())) {
			return new long[] { at, at };
		}
		LockSupport.parkNanos(at - System.nanoTime());
		long began = System.nanoTime();
		switch (options.fault()) {
			case "authority-down" -> {
				authority.down(true);
				Thread.sleep(TimeUnit.SECONDS.toMillis(options.downSeconds()));
				authority.down(false);
			}
			case "redis-restart" -> {
				System.out.printf("stream just before the restart: %d entries, %d of them read and pending%n",
						redis.streamLength(STREAM), redis.pendingCount(STREAM, GROUP));
				redis.restartEmpty();
			}
			case "redis-outage" -> {
				Thread sleeper = redis.freeze(options.downSeconds());
				sleeper.join(TimeUnit.SECONDS.toMillis(options.downSeconds() + 10));
			}
			default -> throw new IllegalArgumentException("unknown fault " + options.fault());
		}
		return new long[] { began, System.nanoTime() };
	}

	/**
	 * Waits until nothing waits for delivery, for up to {@link #DRAIN_TIMEOUT_SECONDS}.
	 * @return how long it took, in seconds
	 */
	private static double drain(AsyncCompletionDispatcher dispatcher) throws InterruptedException {
		long start = System.nanoTime();
		if (!awaitEmpty(dispatcher, TimeUnit.SECONDS.toNanos(DRAIN_TIMEOUT_SECONDS))) {
			System.out.printf("not drained within %d s: %d waiting, %d in flight%n", DRAIN_TIMEOUT_SECONDS,
					dispatcher.pendingCount(), dispatcher.inFlightCount());
		}
		return (System.nanoTime() - start) / 1e9;
	}

	static boolean awaitEmpty(AsyncCompletionDispatcher dispatcher, long timeoutNanos) throws InterruptedException {
		long deadline = System.nanoTime() + timeoutNanos;
		while (dispatcher.pendingCount() > 0 || dispatcher.inFlightCount() > 0) {
			if (System.nanoTime() - deadline > 0) {
				return false;
			}
			Thread.sleep(20);
		}
		return true;
	}

	/**
	 * The drops of a dispatcher by reason, e.g. {@code 0} or {@code 12 (queue_full 12)}.
	 * @param dispatcher the dispatcher
	 * @return the total and the reasons with drops
	 */
	static String drops(AsyncCompletionDispatcher dispatcher) {
		return drops(dispatcher::droppedCount);
	}

	/**
	 * The execution records a dispatcher dropped, by reason, as {@link #drops}.
	 * @param dispatcher the dispatcher
	 * @return the total and the reasons with drops
	 */
	static String recordDrops(AsyncCompletionDispatcher dispatcher) {
		return drops(dispatcher::droppedExecutionRecordCount);
	}

	private static String drops(ToLongFunction<CompletionDropReason> dropped) {
		List<String> reasons = new ArrayList<>();
		long total = 0;
		for (CompletionDropReason reason : CompletionDropReason.values()) {
			long count = dropped.applyAsLong(reason);
			total += count;
			if (count > 0) {
				reasons.add(reason.tagValue() + " " + count);
			}
		}
		return total + (reasons.isEmpty() ? "" : " (" + String.join(", ", reasons) + ")");
	}

	static String ms(long[] sorted) {
		return String.format("%.1f / %.1f / %.1f", PacedCallers.percentile(sorted, 0.50),
				PacedCallers.percentile(sorted, 0.99), PacedCallers.percentile(sorted, 1.0));
	}

	/**
	 * The execution records of one run: those handed over, and those the authority
	 * recorded, counted from when it is created.
	 */
	private static final class Records {

		private final TimedDispatcher timed;

		private final SlowAuthority authority;

		private final long handedOverBefore;

		private final long recordedBefore;

		private final long twiceBefore;

		Records(TimedDispatcher timed, SlowAuthority authority) {
			this.timed = timed;
			this.authority = authority;
			this.handedOverBefore = timed.recordsHandedOver();
			this.recordedBefore = authority.recordsRecorded();
			this.twiceBefore = authority.recordsRecordedTwice();
		}

		/**
		 * The record columns of a row: handed over, recorded (distinct keys), dropped (by
		 * reason) and recorded twice.
		 */
		String columns(AsyncCompletionDispatcher dispatcher) {
			return String.format(" %d | %d | %s | %d |", this.timed.recordsHandedOver() - this.handedOverBefore,
					this.authority.recordsRecorded() - this.recordedBefore, recordDrops(dispatcher),
					this.authority.recordsRecordedTwice() - this.twiceBefore);
		}

	}

	/**
	 * What one run measured, printed as one Markdown table row.
	 */
	private static final class Result {

		private final String store;

		private final int callers;

		private final int rate;

		private final double callsPerSecond;

		private final long deliveredInRun;

		private final int backlog;

		private long delivered;

		private long handedOver;

		private long twice;

		private long failures;

		private double drainSeconds;

		private long streamLength;

		private String records;

		Result(String store, int callers, int rate, double callsPerSecond, long deliveredInRun, int backlog) {
			this.store = store;
			this.callers = callers;
			this.rate = rate;
			this.callsPerSecond = callsPerSecond;
			this.deliveredInRun = deliveredInRun;
			this.backlog = backlog;
		}

		private String prefix() {
			return String.format("| %s | %d | %d | %.0f | ", this.store, this.callers, this.rate, this.callsPerSecond);
		}

		private String stream() {
			return (this.streamLength < 0) ? "n/a" : Long.toString(this.streamLength);
		}

		String loadRow(AsyncCompletionDispatcher dispatcher, PacedCallers load, TimedDispatcher timed,
				double runSeconds) {
			long[] all = load.tookBetween(load.start(), load.end());
			long[] handOvers = timed.tookBetween(load.start(), load.end() + TimeUnit.MINUTES.toNanos(1));
			return prefix() + String.format("%.0f | %d | %d of %d | %s | %d | %.1f | %.1f | %.2f / %.2f | %.1f | %s |",
					this.deliveredInRun / runSeconds, this.backlog, this.delivered, this.handedOver, drops(dispatcher),
					this.failures, PacedCallers.percentile(all, 0.50), PacedCallers.percentile(all, 0.99),
					PacedCallers.percentile(handOvers, 0.50), PacedCallers.percentile(handOvers, 0.99),
					this.drainSeconds, stream()) + this.records;
		}

		String restartRow(AsyncCompletionDispatcher dispatcher, PacedCallers load) {
			long[] all = load.tookBetween(load.start(), load.end());
			long neither = this.handedOver - this.delivered - dispatcher.droppedCount();
			return prefix() + String.format("%d | %d | %s | %d | %d | %d | %.1f | %.1f | %.1f | %s |",
					this.handedOver, this.delivered, drops(dispatcher), neither, this.twice, this.failures,
					PacedCallers.percentile(all, 0.50),
					PacedCallers.percentile(all, 0.99), this.drainSeconds, stream()) + this.records;
		}

		String outageRow(AsyncCompletionDispatcher dispatcher, PacedCallers load, TimedDispatcher timed,
				long[] fault) {
			// calls that started in the last second before the outage may have handed over during it
			long[] callersBefore = load.tookBetween(load.start(), fault[0] - TimeUnit.SECONDS.toNanos(1));
			long[] callersDuring = load.tookBetween(fault[0], fault[1]);
			long[] slow = timed.slowBetween(fault[0], fault[1], TimeUnit.MILLISECONDS.toNanos(10));
			return prefix() + String.format("%s | %s | %d of %d, +%.1f s | %.1f | %.1f | %d of %d | %d | %s | %d | %.1f | %s |",
					ms(timed.tookBetween(load.start(), fault[0])), ms(timed.tookBetween(fault[0], fault[1])), slow[0],
					timed.tookBetween(fault[0], fault[1]).length, slow[1] / 1e9,
					PacedCallers.percentile(callersBefore, 0.99), PacedCallers.percentile(callersDuring, 0.99),
					this.delivered, this.handedOver, this.twice, drops(dispatcher), this.failures, this.drainSeconds,
					stream()) + this.records;
		}

	}

}
