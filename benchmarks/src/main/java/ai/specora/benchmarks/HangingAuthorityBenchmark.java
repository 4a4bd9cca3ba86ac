package ai.specora.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ai.specora.client.CircuitBreakerOpenException;
import ai.specora.client.EnforceRequest;
import ai.specora.client.FailClosedException;
import ai.specora.client.SpecoraClient;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * How long a governed call takes while the authority hangs, before and after the
 * client's circuit breaker opens. The authority is a TCP server on 127.0.0.1 that
 * accepts every connection and never answers. The application is the starter's, with
 * every Specora default: a 10 s limit per attempt, a 30 s deadline per call, two retries,
 * fail mode closed, and the circuit breaker opening after 10 calls in a row without an
 * answer.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar ai.specora.benchmarks.HangingAuthorityBenchmark [callers] [calls-after]}
 * (defaults: 10 callers, 2000 calls after). First {@code callers} threads each make one
 * {@code @Enforced} call at once, which fail closed at the deadline; with the default 10
 * the breaker is then open. Then one thread makes {@code calls-after} {@code @Enforced}
 * calls and as many {@code client.enforce} calls, interleaved, each failing closed at
 * once; the first 10 % of each are a warm-up and not counted. It prints each caller's
 * time before, the percentiles after, and the TCP connections the server accepted in
 * each phase (none after: no call reaches the network). About 35 s in all.
 */
public final class HangingAuthorityBenchmark {

	private HangingAuthorityBenchmark() {
	}

	/**
	 * Runs the measurement.
	 * @param args the callers before the breaker opens, and the calls after
	 * @throws Exception when a phase cannot run
	 */
	public static void main(String[] args) throws Exception {
		int callers = (args.length > 0) ? Integer.parseInt(args[0]) : 10;
		int callsAfter = (args.length > 1) ? Integer.parseInt(args[1]) : 2000;
		System.out.printf("# %d cores, %s %s%n", Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.vm.name"), System.getProperty("java.version"));
		try (HangingServer server = new HangingServer();
				ConfigurableApplicationContext application = Contexts.specora(server.baseUrl(), false, "sync")) {
			SpecoraClient client = application.getBean(SpecoraClient.class);
			Services.Governed governed = application.getBean(Services.Governed.class);
			client.warmUp();
			System.out.printf("# settings: timeout %s, deadline %s, retries %d, %s%n", client.settings().timeout(),
					client.settings().deadline(), client.settings().retries(), client.settings().circuitBreaker());

			long[] before = concurrently(callers, () -> timeFailClosed(() -> governed.call(1)));
			Arrays.sort(before);
			System.out.printf("before the breaker opens: %d concurrent @Enforced calls, each failed closed after "
					+ "%s (min) / %s (median) / %s (max); %d TCP connections; breaker now %s%n", callers,
					millis(before[0]), millis(before[before.length / 2]), millis(before[before.length - 1]),
					server.connections(), client.circuitBreakerState());

			int connectionsBefore = server.connections();
			EnforceRequest request = EnforceRequest.builder("db_write").scope("table", "users").writeOp(true).build();
			int warmUp = callsAfter / 10;
			long[] enforced = new long[callsAfter - warmUp];
			long[] enforce = new long[callsAfter - warmUp];
			for (int call = 0; call < callsAfter; call++) {
				long enforcedNanos = timeRefused(() -> governed.call(1));
				long enforceNanos = timeRefused(() -> client.enforce(request));
				if (call >= warmUp) {
					enforced[call - warmUp] = enforcedNanos;
					enforce[call - warmUp] = enforceNanos;
				}
			}
			print("after it opens: @Enforced", enforced);
			print("after it opens: client.enforce", enforce);
			System.out.printf("after it opens: %d new TCP connections for %d calls; breaker %s%n",
					server.connections() - connectionsBefore, 2 * callsAfter, client.circuitBreakerState());
		}
	}

	/**
	 * The time a call takes to fail closed; any other outcome stops the run.
	 */
	private static long timeFailClosed(Runnable call) {
		return timeFailClosed(call, false);
	}

	/**
	 * The time a call takes to fail closed because the breaker refused it.
	 */
	private static long timeRefused(Runnable call) {
		return timeFailClosed(call, true);
	}

	private static long timeFailClosed(Runnable call, boolean refused) {
		long start = System.nanoTime();
		try {
			call.run();
		}
		catch (FailClosedException ex) {
			long nanos = System.nanoTime() - start;
			if (refused != (ex.getCause() instanceof CircuitBreakerOpenException)) {
				throw new IllegalStateException("unexpected failure: " + ex.getMessage(), ex);
			}
			return nanos;
		}
		throw new IllegalStateException("the call did not fail closed");
	}

	private static long[] concurrently(int callers, Callable<Long> call) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(callers);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Long>> results = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				results.add(executor.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			long[] nanos = new long[callers];
			for (int i = 0; i < callers; i++) {
				nanos[i] = results.get(i).get(120, TimeUnit.SECONDS);
			}
			return nanos;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static void print(String what, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		double mean = Arrays.stream(sorted).average().orElse(0);
		System.out.printf(Locale.ROOT, "%s: %d calls, each failed closed after p50 %s, p99 %s, max %s, mean %s%n",
				what, sorted.length, micros(sorted[sorted.length / 2]), micros(sorted[(int) (sorted.length * 0.99)]),
				micros(sorted[sorted.length - 1]), micros((long) mean));
	}

	private static String millis(long nanos) {
		return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
	}

	private static String micros(long nanos) {
		return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
	}

	/**
	 * An authority that hangs: accepts every connection on 127.0.0.1, never reads nor
	 * answers.
	 */
	static final class HangingServer implements AutoCloseable {

		private final ServerSocket socket;

		private final List<Socket> accepted = new CopyOnWriteArrayList<>();

		HangingServer() throws IOException {
			this.socket = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
			Thread acceptor = new Thread(this::accept, "hanging-authority");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		private void accept() {
			while (!this.socket.isClosed()) {
				try {
					this.accepted.add(this.socket.accept());
				}
				catch (IOException ex) {
					// closed
				}
			}
		}

		String baseUrl() {
			return "http://127.0.0.1:" + this.socket.getLocalPort();
		}

		int connections() {
			return this.accepted.size();
		}

		@Override
		public void close() {
			try {
				this.socket.close();
				for (Socket connection : this.accepted) {
					connection.close();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
