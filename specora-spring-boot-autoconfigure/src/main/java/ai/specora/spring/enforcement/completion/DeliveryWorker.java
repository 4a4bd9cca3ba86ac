package ai.specora.spring.enforcement.completion;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import ai.specora.client.ReactiveSpecoraClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop of a dispatcher's worker thread: takes the next due completion, delivers
 * it, and gives it to the {@link RedeliveryPolicy} when that fails. Every wait is
 * bounded: by the client's deadline while running, and by the drain deadline once
 * shutdown has begun, when a delivery still in flight is cancelled and logged. An
 * interrupt does not end the loop; an {@link Error} does, after the completion in hand
 * is put back, and the {@link Lifecycle} starts another worker.
 */
final class DeliveryWorker implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(AsyncCompletionDispatcher.class);

	private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

	private static final Throwable CUT_OFF = new Throwable("cut off by the shutdown timeout", null, false, false) {

		private static final long serialVersionUID = 1L;

	};

	private final ReactiveSpecoraClient client;

	private final CompletionQueue queue;

	private final RedeliveryPolicy policy;

	private final CompletionDrops drops;

	private final Lifecycle lifecycle;

	DeliveryWorker(ReactiveSpecoraClient client, CompletionQueue queue, RedeliveryPolicy policy, CompletionDrops drops,
			Lifecycle lifecycle) {
		this.client = client;
		this.queue = queue;
		this.policy = policy;
		this.drops = drops;
		this.lifecycle = lifecycle;
	}

	@Override
	public void run() {
		QueuedCompletion current = null;
		boolean failed = true;
		try {
			while ((current = next()) != null) {
				deliver(current);
				current = null;
			}
			failed = false;
		}
		catch (Throwable ex) {
			logger.error("Specora completion worker {} failed; another one takes over the {} waiting completions",
					Thread.currentThread().getName(), this.queue.size(), ex);
			if (current != null) {
				this.queue.retryLater(current, 0);
			}
		}
		finally {
			this.lifecycle.workerEnded(Thread.currentThread(), failed);
		}
	}

	/**
	 * The next completion to deliver, or {@code null} when the worker is done: shutdown
	 * has begun and nothing is left.
	 */
	private QueuedCompletion next() {
		while (true) {
			if (this.lifecycle.isStopping()) {
				if (this.queue.size() == 0) {
					return null;
				}
				if (this.lifecycle.drainTimeLeftNanos() <= 0) {
					for (QueuedCompletion item : this.queue.removeAll()) {
						drop(item, shutdownReason());
					}
					continue;
				}
			}
			long wait = this.lifecycle.isStopping() ? Math.min(SLICE_NANOS, this.lifecycle.drainTimeLeftNanos())
					: TimeUnit.SECONDS.toNanos(1);
			try {
				QueuedCompletion item = this.queue.poll(Math.max(wait, 0));
				if (item != null) {
					return item;
				}
			}
			catch (InterruptedException ex) {
				logger.warn("Specora completion worker interrupted; it goes on delivering");
			}
		}
	}

	private void deliver(QueuedCompletion item) {
		if (this.policy.isTooOld(item.pending())) {
			drop(item, "it is older than specora.enforcement.completion.max-age (" + this.policy.maxAge() + ")");
			return;
		}
		item.nextAttempt();
		Throwable failure = await(this.client.complete(item.journalId(), item.pending().completion()).toFuture());
		if (failure == null) {
			this.queue.remove(item);
			if (logger.isDebugEnabled()) {
				logger.debug("Specora completion {} of journal entry {} delivered (attempt {})",
						item.pending().completion().status(), item.journalId(), item.attempts());
			}
		}
		else if (failure == CUT_OFF) {
			drop(item, shutdownReason());
		}
		else if (!RedeliveryPolicy.isRetryable(failure)) {
			drop(item, "the authority refused it: " + failure.getMessage());
		}
		else if (this.policy.isTooOld(item.pending())) {
			drop(item, "it is older than specora.enforcement.completion.max-age (" + this.policy.maxAge()
					+ "); last failure: " + failure);
		}
		else {
			long delay = this.policy.delayNanos(item.attempts());
			if (logger.isWarnEnabled()) {
				logger.warn("Specora completion {} of journal entry {} not delivered (attempt {}: {}); retrying in {} ms",
						item.pending().completion().status(), item.journalId(), item.attempts(), failure,
						TimeUnit.NANOSECONDS.toMillis(delay));
			}
			this.queue.retryLater(item, delay);
		}
	}

	/**
	 * Waits for a delivery: {@code null} when delivered, its failure, or
	 * {@link #CUT_OFF} when the drain deadline passed first (the delivery is cancelled).
	 */
	private Throwable await(CompletableFuture<?> delivery) {
		while (true) {
			long slice = SLICE_NANOS;
			if (this.lifecycle.isStopping()) {
				long left = this.lifecycle.drainTimeLeftNanos();
				if (left <= 0) {
					delivery.cancel(true);
					return CUT_OFF;
				}
				slice = Math.min(slice, left);
			}
			try {
				delivery.get(slice, TimeUnit.NANOSECONDS);
				return null;
			}
			catch (TimeoutException ex) {
				// wait on, checking the drain deadline
			}
			catch (ExecutionException ex) {
				return (ex.getCause() != null) ? ex.getCause() : ex;
			}
			catch (InterruptedException ex) {
				logger.warn("Specora completion worker interrupted during a delivery; it goes on waiting for it");
			}
		}
	}

	private void drop(QueuedCompletion item, String reason) {
		this.queue.remove(item);
		this.drops.dropped(item, reason);
	}

	private String shutdownReason() {
		return "the shutdown timeout (specora.enforcement.completion.shutdown-timeout="
				+ this.lifecycle.shutdownTimeout() + ") ended before it could be delivered";
	}

	/**
	 * What the worker needs to know of its dispatcher's lifecycle.
	 */
	interface Lifecycle {

		boolean isStopping();

		long drainTimeLeftNanos();

		java.time.Duration shutdownTimeout();

		void workerEnded(Thread worker, boolean failed);

	}

}
