package ai.specora.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import ai.specora.runtime.CompletionDispatcher;
import ai.specora.spring.enforcement.completion.AsyncCompletionDispatcher;
import ai.specora.spring.enforcement.completion.RedisCompletionStore;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code fault=replica-kill} of {@link CompletionLoadBenchmark}: two replicas of the
 * application, each in a JVM of its own (this class's {@link #replica} with
 * {@code role=replica}), share one embedded Redis and the one stand-in authority run
 * by this process; each runs half the callers at half the rate. At a third of the run
 * one replica is killed ({@link Process#destroyForcibly()}, SIGKILL: no shutdown, no
 * drain); the survivor must claim the killed one's pending entries once they are idle
 * for longer than the lease and deliver them.
 * <p>
 * The row gives the entries pending with the killed replica right after the kill (read
 * by it, not yet acknowledged: those the survivor must claim) and compares the governed
 * calls the authority allowed (journal ids issued) with
 * the completions it recorded. Their difference is the calls the kill caught between
 * their decision and the hand-over of their completion (they can never complete): each
 * caller has at most one call in flight, so it is at most the killed replica's
 * callers; a larger difference means completions were lost. The stream length and the
 * entries pending in the group at the end should both be 0.
 * <p>
 * The replicas' callers also hand over execution records (one per
 * {@code records-every} governed calls), each announced with a {@code RECORD} line just
 * before its hand-over, so that the killed replica's are counted up to the kill. The row
 * compares the records handed over (both replicas) with those the authority recorded
 * (distinct idempotency keys): the difference is the hand-overs the kill caught before
 * the record reached Redis, at most one per caller of the killed replica, the same
 * bound as for completions. Records recorded twice were sent by the killed replica and,
 * unacknowledged, again by the survivor under the same key.
 * <p>
 * The replicas talk to this process over their standard input and output, one line a
 * message: {@code READY} (warmed up), {@code GO} (start calling), {@code RECORD},
 * {@code CALLS ...} and {@code RESULT ...}; a replica whose standard input closes (this
 * process died) halts.
 */
final class ReplicaKillRun {

	private static final long START_TIMEOUT_SECONDS = 120;

	/** How long the survivor waits, beyond four leases, for the stream to drain. */
	private static final long SURVIVOR_DRAIN_SECONDS = 40;

	private ReplicaKillRun() {
	}

	/**
	 * Runs the fault with the first callers count and the first rate of the options.
	 * @param options the options
	 * @throws Exception if the run fails
	 */
	static void run(LoadRunOptions options) throws Exception {
		int callers = options.callers()[0];
		int rate = options.rates()[0];
		System.out.println("| store | callers | offered/s | lease s | pending with the killed replica "
				+ "| allowed (journal ids) | recorded | not recorded | bound, each: killed replica's callers "
				+ "| stream at end | pending at end | survivor: dropped "
				+ "| survivor: failed calls | survivor: p50 / p99 ms | survivor: drain s "
				+ "| records handed over | records recorded | records not recorded | records recorded twice "
				+ "| survivor: records dropped |");
		List<Replica> replicas = new CopyOnWriteArrayList<>();
		Thread hook = new Thread(() -> replicas.forEach(Replica::kill), "replica-cleanup");
		Runtime.getRuntime().addShutdownHook(hook);
		try (SlowAuthority authority = new SlowAuthority(options.latencyMillis());
				EmbeddedRedis redis = EmbeddedRedis.start()) {
			for (int i = 1; i <= 2; i++) {
				replicas.add(new Replica("replica-" + i, authority.baseUrl(), redis.port(), callers / 2, rate / 2,
						options));
			}
			for (Replica replica : replicas) {
				replica.await("READY", START_TIMEOUT_SECONDS);
			}
			long issuedBefore = authority.issued();
			long deliveredBefore = authority.delivered();
			long recordsBefore = authority.recordsRecorded();
			long twiceBefore = authority.recordsRecordedTwice();
			replicas.forEach((replica) -> replica.send("GO"));
			Thread.sleep(100 + TimeUnit.SECONDS.toMillis(options.seconds()) / 3);
			Replica killed = replicas.get(0);
			Replica survivor = replicas.get(1);
			killed.kill();
			long orphaned = redis.pendingCount(RedisCompletionStore.DEFAULT_STREAM, RedisCompletionStore.DEFAULT_GROUP,
					killed.consumer());
			String[] calls = survivor.await("CALLS", options.seconds() + 60L).split(" ");
			long drainTimeout = 4L * options.leaseSeconds() + SURVIVOR_DRAIN_SECONDS + 30;
			String[] result = survivor.await("RESULT ", drainTimeout).substring("RESULT ".length()).split(";");
			survivor.awaitExit(30);
			checkRecordCount(survivor, Long.parseLong(calls[5]));
			long issued = authority.issued() - issuedBefore;
			long recorded = authority.delivered() - deliveredBefore;
			long recordsHandedOver = killed.records() + survivor.records();
			long recordsRecorded = authority.recordsRecorded() - recordsBefore;
			System.out.printf("| redis | %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %s | %s | %s / %s | %s "
					+ "| %d | %d | %d | %d | %s |%n",
					callers, rate, options.leaseSeconds(), orphaned, issued, recorded, issued - recorded, killed.callers,
					redis.streamLength(RedisCompletionStore.DEFAULT_STREAM),
					redis.pendingCount(RedisCompletionStore.DEFAULT_STREAM, RedisCompletionStore.DEFAULT_GROUP),
					result[1], calls[2], calls[3], calls[4], result[0], recordsHandedOver, recordsRecorded,
					recordsHandedOver - recordsRecorded, authority.recordsRecordedTwice() - twiceBefore, result[2]);
			leftovers(redis, authority);
		}
		finally {
			replicas.forEach(Replica::kill);
			Runtime.getRuntime().removeShutdownHook(hook);
		}
	}

	/**
	 * Says so when the records a replica announced are not the records it says it
	 * handed over.
	 */
	private static void checkRecordCount(Replica replica, long reported) {
		if (replica.records() != reported) {
			System.out.printf("%s announced %d records but reports %d handed over%n", replica.name, replica.records(),
					reported);
		}
	}

	/**
	 * Says which entries are left in the stream, and whether the authority recorded their
	 * completions all the same.
	 */
	private static void leftovers(EmbeddedRedis redis, SlowAuthority authority) {
		for (String[] entry : redis.firstEntries(RedisCompletionStore.DEFAULT_STREAM, 10)) {
			System.out.printf("left in the stream: entry %s, journal entry %s, recorded by the authority: %s%n",
					entry[0], entry[1], authority.recorded(entry[1]) ? "yes" : "no");
		}
	}

	/**
	 * The main of a replica ({@code role=replica}): an application on the Redis store
	 * that warms up, says {@code READY}, calls at its pace on {@code GO} (saying
	 * {@code RECORD} before each hand-over of an execution record), says
	 * {@code CALLS <calls> <failed> <p50 ms> <p99 ms> <records>}, waits for the stream to
	 * drain (the killed replica's entries included, after the lease) and says
	 * {@code RESULT <drain s>;<dropped>;<records dropped>}.
	 * @param args {@code authority=}, {@code redis-port=}, {@code callers=},
	 * {@code rates=}, {@code seconds=} and the options of the benchmark
	 * @throws Exception if the replica fails
	 */
	static void replica(String[] args) throws Exception {
		LoadRunOptions options = LoadRunOptions.parse(args);
		BlockingQueue<String> commands = commandsFromParent();
		String authority = LoadRunOptions.arg(args, "authority", "");
		int port = Integer.parseInt(LoadRunOptions.arg(args, "redis-port", "0"));
		try (ConfigurableApplicationContext app = Contexts.specoraTimed(authority, port, options.properties())) {
			Services.Governed governed = app.getBean(Services.Governed.class);
			TimedDispatcher timed = (TimedDispatcher) app.getBean(CompletionDispatcher.class);
			AsyncCompletionDispatcher dispatcher = timed.delegate();
			CompletionLoadBenchmark.warmUp(governed, dispatcher, options.recordsEvery());
			say("READY");
			if (!"GO".equals(commands.poll(START_TIMEOUT_SECONDS, TimeUnit.SECONDS))) {
				throw new IllegalStateException("no GO from the benchmark");
			}
			long recordsBefore = timed.recordsHandedOver();
			PacedCallers load = new PacedCallers(governed, () -> announceAndHandOver(timed),
					options.recordsEvery(), options.callers()[0], options.rates()[0], options.seconds());
			load.join();
			long[] all = load.tookBetween(load.start(), load.end());
			say(String.format("CALLS %d %d %.1f %.1f %d", load.calls(), load.failures(),
					PacedCallers.percentile(all, 0.50), PacedCallers.percentile(all, 0.99),
					timed.recordsHandedOver() - recordsBefore));
			long start = System.nanoTime();
			boolean drained = CompletionLoadBenchmark.awaitEmpty(dispatcher,
					TimeUnit.SECONDS.toNanos(4L * options.leaseSeconds() + SURVIVOR_DRAIN_SECONDS));
			say(String.format("RESULT %.1f%s;%s;%s", (System.nanoTime() - start) / 1e9, drained ? "" : "-timed-out",
					CompletionLoadBenchmark.drops(dispatcher), CompletionLoadBenchmark.recordDrops(dispatcher)));
		}
		System.exit(0);
	}

	/**
	 * Says {@code RECORD}, then hands over an execution record: the parent counts the
	 * hand-overs begun, up to the kill.
	 */
	private static void announceAndHandOver(TimedDispatcher timed) {
		say("RECORD");
		timed.dispatchExecutionRecord(CompletionLoadBenchmark.RECORD);
	}

	private static void say(String line) {
		System.out.println(line);
		System.out.flush();
	}

	/**
	 * The lines the parent sends; when its end of the pipe closes (it died), this
	 * process halts.
	 */
	private static BlockingQueue<String> commandsFromParent() {
		BlockingQueue<String> commands = new LinkedBlockingQueue<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					commands.add(line.strip());
				}
			}
			catch (IOException ex) {
				// the parent is gone
			}
			Runtime.getRuntime().halt(3);
		}, "parent-watch");
		reader.setDaemon(true);
		reader.start();
		return commands;
	}

	/**
	 * A replica in a child JVM: the same Java command and class path as this one.
	 */
	private static final class Replica {

		private final String name;

		private final int callers;

		private final Process process;

		private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

		private final AtomicLong records = new AtomicLong();

		Replica(String name, String authority, int redisPort, int callers, int rate,
				LoadRunOptions options) throws IOException {
			this.name = name;
			this.callers = callers;
			String java = ProcessHandle.current().info().command().orElse("java");
			List<String> command = new ArrayList<>(List.of(java, "-Xms256m", "-Xmx512m", "-cp",
					System.getProperty("java.class.path"), CompletionLoadBenchmark.class.getName(), "role=replica",
					"authority=" + authority, "redis-port=" + redisPort, "callers=" + callers, "rates=" + rate,
					"seconds=" + options.seconds(), "lease-seconds=" + options.leaseSeconds(),
					"latency-ms=" + options.latencyMillis(), "records-every=" + options.recordsEvery()));
			if (!options.appendTimeoutMillis().isEmpty()) {
				command.add("append-timeout-ms=" + options.appendTimeoutMillis());
			}
			command.addAll(options.specoraProperties());
			this.process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
			Thread reader = new Thread(this::read, name + "-output");
			reader.setDaemon(true);
			reader.start();
		}

		private void read() {
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = out.readLine(); line != null; line = out.readLine()) {
					if ("RECORD".equals(line)) {
						this.records.incrementAndGet();
					}
					else {
						this.lines.add(line);
					}
				}
			}
			catch (IOException ex) {
				// the process ended
			}
		}

		/**
		 * How many execution record hand-overs it announced.
		 */
		long records() {
			return this.records.get();
		}

		void send(String line) {
			try {
				OutputStream in = this.process.getOutputStream();
				in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
				in.flush();
			}
			catch (IOException ex) {
				throw new IllegalStateException(this.name + " cannot be told " + line, ex);
			}
		}

		/**
		 * The next line that starts with the prefix, the lines before it skipped.
		 */
		String await(String prefix, long timeoutSeconds) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
			while (System.nanoTime() - deadline < 0) {
				String line = this.lines.poll(100, TimeUnit.MILLISECONDS);
				if (line != null && line.startsWith(prefix)) {
					return line;
				}
				if (line == null && !this.process.isAlive() && this.lines.isEmpty()) {
					break;
				}
			}
			throw new IllegalStateException(this.name + " did not say " + prefix + " within " + timeoutSeconds
					+ " s (alive: " + this.process.isAlive() + ")");
		}

		/**
		 * The consumer name of this replica in the group (the starter's default,
		 * {@link RedisCompletionStore#defaultConsumer()}, with the child's process id).
		 */
		String consumer() {
			String own = RedisCompletionStore.defaultConsumer();
			return own.substring(0, own.lastIndexOf('-') + 1) + this.process.pid();
		}

		void awaitExit(long timeoutSeconds) throws InterruptedException {
			if (!this.process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				kill();
			}
		}

		void kill() {
			this.process.destroyForcibly();
			try {
				this.process.waitFor(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
