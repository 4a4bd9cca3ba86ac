package ai.specora.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Paced callers of a governed method (open loop): each caller starts its calls on a
 * fixed schedule and falls behind only when a call takes longer. Each call's start and
 * duration are recorded, so that latencies can be read for a window of the run. After
 * every {@code recordsEvery}-th of its governed calls a caller also hands over an
 * execution record, as an application does after a governed LLM call; that hand-over is
 * not part of the call's recorded duration (the dispatcher times it).
 */
final class PacedCallers {

	private final List<long[]> startedAt = new ArrayList<>();

	private final List<long[]> took = new ArrayList<>();

	private final int[] made;

	private final List<Thread> threads = new ArrayList<>();

	private final LongAdder calls = new LongAdder();

	private final LongAdder failures = new LongAdder();

	private final long start;

	private final long end;

	private final Runnable handOverRecord;

	private final int recordsEvery;

	/**
	 * Starts the callers, their first calls 100 ms from now.
	 * @param governed the governed method
	 * @param handOverRecord hands over one execution record
	 * @param recordsEvery after how many of its governed calls a caller hands over a
	 * record (0: never)
	 * @param callers how many callers
	 * @param rate the calls per second offered by all of them
	 * @param seconds how long they call
	 */
	PacedCallers(Services.Governed governed, Runnable handOverRecord, int recordsEvery, int callers, int rate,
			int seconds) {
		this.handOverRecord = handOverRecord;
		this.recordsEvery = recordsEvery;
		long intervalNanos = TimeUnit.SECONDS.toNanos(1) * callers / rate;
		this.start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
		this.end = this.start + TimeUnit.SECONDS.toNanos(seconds);
		this.made = new int[callers];
		int slots = (int) Math.min(Integer.MAX_VALUE - 8, (long) seconds * rate / callers + 16);
		for (int c = 0; c < callers; c++) {
			this.startedAt.add(new long[slots]);
			this.took.add(new long[slots]);
			long offset = intervalNanos * c / callers;
			int caller = c;
			Thread thread = new Thread(() -> call(governed, caller, this.start + offset, intervalNanos),
					"caller-" + c);
			thread.setDaemon(true);
			thread.start();
			this.threads.add(thread);
		}
	}

	private void call(Services.Governed governed, int caller, long first, long intervalNanos) {
		long[] starts = this.startedAt.get(caller);
		long[] durations = this.took.get(caller);
		int n = 0;
		for (long next = first; next < this.end; next += intervalNanos) {
			long wait = next - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			long t = System.nanoTime();
			try {
				governed.call(n);
			}
			catch (RuntimeException ex) {
				this.failures.increment();
			}
			if (n < starts.length) {
				starts[n] = t;
				durations[n] = System.nanoTime() - t;
			}
			n++;
			this.made[caller] = n;
			this.calls.increment();
			if (this.recordsEvery > 0 && n % this.recordsEvery == 0) {
				handOverRecord();
			}
		}
	}

	private void handOverRecord() {
		try {
			this.handOverRecord.run();
		}
		catch (RuntimeException ex) {
			this.failures.increment();
		}
	}

	/**
	 * When the first calls start ({@link System#nanoTime()}).
	 * @return the start
	 */
	long start() {
		return this.start;
	}

	/**
	 * When the last calls may start.
	 * @return the end
	 */
	long end() {
		return this.end;
	}

	/**
	 * Waits for every caller to finish its last call, for up to a minute after the end.
	 * @throws InterruptedException if interrupted
	 * @throws IllegalStateException if a caller is still in a call then
	 */
	void join() throws InterruptedException {
		long deadline = this.end + TimeUnit.MINUTES.toNanos(1);
		for (Thread thread : this.threads) {
			thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
			if (thread.isAlive()) {
				throw new IllegalStateException(thread.getName() + " is still in a call a minute after the end");
			}
		}
	}

	/**
	 * The calls made so far.
	 * @return the calls
	 */
	long calls() {
		return this.calls.sum();
	}

	/**
	 * The calls that failed (threw) so far, record hand-overs that threw included.
	 * @return the failed calls
	 */
	long failures() {
		return this.failures.sum();
	}

	/**
	 * The durations, sorted, of the calls that started in a window.
	 * @param from the start of the window ({@link System#nanoTime()})
	 * @param to its end, exclusive
	 * @return the durations in nanoseconds
	 */
	long[] tookBetween(long from, long to) {
		long[] all = new long[(int) Math.min(Integer.MAX_VALUE - 8, this.calls.sum())];
		int i = 0;
		for (int c = 0; c < this.made.length; c++) {
			long[] starts = this.startedAt.get(c);
			long[] durations = this.took.get(c);
			int n = Math.min(this.made[c], starts.length);
			for (int k = 0; k < n && i < all.length; k++) {
				if (starts[k] - from >= 0 && starts[k] - to < 0) {
					all[i++] = durations[k];
				}
			}
		}
		long[] window = Arrays.copyOf(all, i);
		Arrays.sort(window);
		return window;
	}

	/**
	 * A percentile of sorted durations, in milliseconds.
	 * @param sorted the durations in nanoseconds, sorted
	 * @param p the percentile, 0 to 1
	 * @return the value, 0 when there is none
	 */
	static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
	}

}
