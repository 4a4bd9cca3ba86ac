package ai.specora.spring.enforcement.completion;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle of a dispatcher's one delivery thread: started with the first
 * completion (or at start-up), replaced when it dies of an error, told when shutdown
 * begins and waited for until the drain deadline.
 * <p>
 * Hand-overs take no lock: each one is counted while it runs, and the worker does not
 * exit while one is running ({@link #handOversRunning()}), so that no completion is
 * queued once the worker has exited. A hand-over announces itself before it reads the
 * stopping flag and shutdown sets the flag before the worker reads the count (both
 * volatile), so either the hand-over sees shutdown and delivers directly, or the
 * worker sees the hand-over and waits for it. The monitor guards only the start and
 * replacement of the worker thread, never a hand-over once the worker runs.
 */
final class DeliveryLifecycle implements DeliveryWorker.Lifecycle {

	private static final Logger logger = LoggerFactory.getLogger(AsyncCompletionDispatcher.class);

	private final Duration shutdownTimeout;

	private final Object monitor = new Object();

	private final AtomicInteger handOvers = new AtomicInteger();

	private Runnable work;

	private volatile Thread worker;

	private volatile boolean stopping;

	private volatile long drainDeadlineNanos;

	DeliveryLifecycle(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	/**
	 * The worker's loop; set once, before the first start.
	 */
	void work(Runnable work) {
		this.work = work;
	}

	/**
	 * Runs a hand-over unless shutdown has begun, starting the worker when it is
	 * accepted.
	 * @return the hand-over's result, or {@code null} when shutdown has begun
	 */
	<T> T unlessStopping(Supplier<T> handOver, T accepted) {
		this.handOvers.incrementAndGet();
		try {
			if (this.stopping) {
				return null;
			}
			T result = handOver.get();
			if (result == accepted && !isWorkerAlive()) {
				synchronized (this.monitor) {
					ensureWorker();
				}
			}
			return result;
		}
		finally {
			this.handOvers.decrementAndGet();
		}
	}

	private boolean isWorkerAlive() {
		Thread current = this.worker;
		return current != null && current.isAlive();
	}

	@Override
	public boolean handOversRunning() {
		return this.handOvers.get() > 0;
	}

	void start() {
		synchronized (this.monitor) {
			if (!this.stopping) {
				ensureWorker();
			}
		}
	}

	/**
	 * Starts a worker unless one is alive; called with the monitor held.
	 */
	private void ensureWorker() {
		if (isWorkerAlive()) {
			return;
		}
		Thread thread = new Thread(this.work, "specora-completions");
		thread.setDaemon(true);
		this.worker = thread;
		thread.start();
	}

	/**
	 * Begins shutdown.
	 * @return {@code false} when it had begun already
	 */
	boolean beginStop() {
		synchronized (this.monitor) {
			if (this.stopping) {
				return false;
			}
			this.drainDeadlineNanos = System.nanoTime() + this.shutdownTimeout.toNanos();
			this.stopping = true;
			return true;
		}
	}

	/**
	 * Waits for the hand-overs still running (one may start the worker) and for the
	 * worker (and any replacement) to end, up to a second past the drain deadline.
	 * @param pending how many completions are left, for the log line when interrupted
	 */
	void awaitWorker(Supplier<Integer> pending) {
		long joinDeadline = this.drainDeadlineNanos + Duration.ofSeconds(1).toNanos();
		try {
			while (handOversRunning() && joinDeadline - System.nanoTime() > 0) {
				Thread.sleep(1);
			}
			Thread thread;
			while ((thread = this.worker) != null && thread.isAlive()) {
				long left = joinDeadline - System.nanoTime();
				if (left <= 0) {
					break;
				}
				thread.join(Math.max(1, left / 1_000_000));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			logger.warn("Interrupted while waiting for {} Specora completions to be delivered", pending.get());
		}
	}

	boolean isRunning() {
		return this.worker != null && !this.stopping;
	}

	@Override
	public boolean isStopping() {
		return this.stopping;
	}

	@Override
	public long drainTimeLeftNanos() {
		return this.drainDeadlineNanos - System.nanoTime();
	}

	@Override
	public Duration shutdownTimeout() {
		return this.shutdownTimeout;
	}

	@Override
	public void workerEnded(Thread ended, boolean failed) {
		synchronized (this.monitor) {
			if (this.worker != ended) {
				return;
			}
			this.worker = null;
			if (failed) {
				ensureWorker();
			}
		}
	}

}
