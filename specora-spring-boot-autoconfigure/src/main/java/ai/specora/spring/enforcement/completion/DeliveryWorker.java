package ai.specora.spring.enforcement.completion;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import ai.specora.client.IdempotencyConflictException;
import ai.specora.client.ReactiveSpecoraClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop of a dispatcher's worker thread: keeps up to {@code maxInFlight}
 * deliveries in flight on the non-blocking client, at most one per journal entry.
 * <p>
 * The worker thread alone touches the {@link CompletionQueue}: it takes the next due
 * completion, starts its delivery without waiting for the answer, and handles the
 * answers that came back meanwhile (handed over by the client's threads through a
 * lock-free queue, with a {@link CompletionQueue#wakeUp()}): a delivered completion is
 * removed from the queue (for a durable store: acknowledged after the answer), a
 * failed one goes to the {@link RedeliveryPolicy}. Every wait is bounded; once
 * shutdown has begun the drain deadline bounds them, and when it passes the deliveries
 * still in flight are cancelled and logged. An interrupt does not end the loop; an
 * {@link Error} does, after the completion in hand is put back, and the
 * {@link Lifecycle} starts another worker, which takes over the deliveries in flight
 * (their state lives in this object, not in the thread).
 */
final class DeliveryWorker implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(AsyncCompletionDispatcher.class);

	private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

	/**
	 * At most one WARN line this often for completions not delivered and retried: an
	 * outage fails every attempt of every waiting completion, and one line each would
	 * flood the log. The others go to DEBUG; the next WARN line counts them.
	 */
	private static final long RETRY_WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(30);

	/** The longest wait in a poll while deliveries are in flight. */
	private static final long ANSWER_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

	private final ReactiveSpecoraClient client;

	private final CompletionQueue queue;

	private final RedeliveryPolicy policy;

	private final CompletionDrops drops;

	private final Lifecycle lifecycle;

	private final int maxInFlight;

	/** Deliveries in flight; touched by the worker thread only. */
	private final Map<QueuedDelivery, CompletableFuture<?>> inFlight = new IdentityHashMap<>();

	/** Keys (journal ids, record keys) of the deliveries in flight; touched by the worker thread only. */
	private final Set<String> inFlightKeys = new HashSet<>();

	/** Deliveries acknowledged, by kind. */
	private final Map<DeliveryKind, LongAdder> delivered = new EnumMap<>(DeliveryKind.class);

	/** Answers handed back by the client's threads. */
	private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

	// touched by the worker thread only, like the queue
	private long lastRetryWarningNanos;

	private boolean retryWarned;

	private long retriesSinceWarning;

	private volatile Thread thread;

	private volatile int inFlightCount;

	DeliveryWorker(ReactiveSpecoraClient client, CompletionQueue queue, RedeliveryPolicy policy, CompletionDrops drops,
			Lifecycle lifecycle, int maxInFlight) {
		this.client = client;
		this.queue = queue;
		this.policy = policy;
		this.drops = drops;
		this.lifecycle = lifecycle;
		this.maxInFlight = maxInFlight;
		for (DeliveryKind kind : DeliveryKind.values()) {
			this.delivered.put(kind, new LongAdder());
		}
	}

	/**
	 * How many deliveries of a kind were acknowledged.
	 */
	long delivered(DeliveryKind kind) {
		return this.delivered.get(kind).sum();
	}

	/**
	 * How many deliveries are in flight.
	 */
	int inFlight() {
		return this.inFlightCount;
	}

	@Override
	public void run() {
		QueuedDelivery current = null;
		boolean failed = true;
		this.thread = Thread.currentThread();
		try {
			while (true) {
				handleAnswers();
				this.queue.flush();
				if (this.lifecycle.isStopping()) {
					if (!this.lifecycle.handOversRunning() && this.queue.size() == 0 && this.inFlight.isEmpty()) {
						break;
					}
					if (this.lifecycle.drainTimeLeftNanos() <= 0) {
						cutOff();
						continue;
					}
				}
				long wait = this.lifecycle.isStopping()
						? Math.max(0, Math.min(SLICE_NANOS, this.lifecycle.drainTimeLeftNanos()))
						: TimeUnit.SECONDS.toNanos(1);
				if (!this.inFlight.isEmpty()) {
					// a durable store's poll may block on a read: answers must not wait long
					wait = Math.min(wait, ANSWER_NANOS);
				}
				if (this.inFlight.size() >= this.maxInFlight) {
					awaitAnswer(wait);
					continue;
				}
				current = poll(wait);
				if (current != null) {
					start(current);
					current = null;
				}
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

	private QueuedDelivery poll(long waitNanos) {
		try {
			return this.queue.poll(waitNanos);
		}
		catch (InterruptedException ex) {
			logger.warn("Specora completion worker interrupted; it goes on delivering");
			return null;
		}
	}

	/**
	 * Starts a delivery, unless it is too old or a delivery with the same key (journal
	 * entry, record) is in flight (then it waits for that one's answer).
	 */
	private void start(QueuedDelivery item) {
		if (this.policy.isTooOld(item.pending())) {
			drop(item, CompletionDropReason.MAX_AGE,
					"it is older than specora.enforcement.completion.max-age (" + this.policy.maxAge() + ")");
			return;
		}
		if (!this.inFlightKeys.add(item.key())) {
			this.queue.retryLater(item, SLICE_NANOS);
			return;
		}
		item.nextAttempt();
		CompletableFuture<?> delivery;
		try {
			delivery = item.pending().deliver(this.client).toFuture();
		}
		catch (RuntimeException ex) {
			delivery = CompletableFuture.failedFuture(ex);
		}
		this.inFlight.put(item, delivery);
		this.inFlightCount = this.inFlight.size();
		delivery.whenComplete((result, failure) -> {
			this.answers.add(new Answer(item, unwrap(failure)));
			Thread worker = this.thread;
			if (worker != null) {
				LockSupport.unpark(worker);
			}
			this.queue.wakeUp();
		});
	}

	private static Throwable unwrap(Throwable failure) {
		return (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
	}

	private void awaitAnswer(long waitNanos) {
		if (this.answers.isEmpty()) {
			LockSupport.parkNanos(this, Math.max(waitNanos, 1));
		}
		if (Thread.interrupted()) {
			logger.warn("Specora completion worker interrupted while deliveries are in flight; it goes on waiting for "
					+ "them");
		}
	}

	private void handleAnswers() {
		Answer answer;
		while ((answer = this.answers.poll()) != null) {
			QueuedDelivery item = answer.item();
			if (this.inFlight.remove(item) == null) {
				continue; // cut off at the drain deadline, dropped and logged already
			}
			this.inFlightKeys.remove(item.key());
			this.inFlightCount = this.inFlight.size();
			handle(item, answer.failure());
		}
	}

	private void handle(QueuedDelivery item, Throwable failure) {
		if (failure == null) {
			this.queue.remove(item);
			this.delivered.get(item.pending().kind()).increment();
			if (logger.isDebugEnabled()) {
				logger.debug("Specora {} delivered (attempt {})", item.pending().description(), item.attempts());
			}
		}
		else if (failure instanceof IdempotencyConflictException) {
			drop(item, CompletionDropReason.DUPLICATE,
					"the authority already recorded it under another idempotency key: "
							+ failure.getMessage());
		}
		else if (!RedeliveryPolicy.isRetryable(failure)) {
			drop(item, CompletionDropReason.REFUSED, "the authority refused it: " + failure.getMessage());
		}
		else if (this.policy.isTooOld(item.pending())) {
			drop(item, CompletionDropReason.MAX_AGE, "it is older than specora.enforcement.completion.max-age (" + this.policy.maxAge()
					+ "); last failure: " + failure);
		}
		else {
			long delay = this.policy.delayNanos(item.attempts());
			logRetry(item, failure, delay);
			this.queue.retryLater(item, delay);
		}
	}

	/**
	 * Logs a retry at WARN at most once per {@link #RETRY_WARNING_INTERVAL_NANOS}, saying
	 * how many retries went to DEBUG since the last WARN line; the others at DEBUG.
	 */
	private void logRetry(QueuedDelivery item, Throwable failure, long delayNanos) {
		long now = System.nanoTime();
		if (!this.retryWarned || now - this.lastRetryWarningNanos >= RETRY_WARNING_INTERVAL_NANOS) {
			if (logger.isWarnEnabled()) {
				logger.warn("Specora {} not delivered (attempt {}: {}); retrying in {} ms ({} other retries since "
						+ "the last such line, {} completions and records waiting; the next such line comes at the "
						+ "earliest in {} s)", item.pending().description(), item.attempts(), failure, TimeUnit.NANOSECONDS.toMillis(delayNanos), this.retriesSinceWarning,
						this.queue.size(), TimeUnit.NANOSECONDS.toSeconds(RETRY_WARNING_INTERVAL_NANOS));
			}
			this.retryWarned = true;
			this.lastRetryWarningNanos = now;
			this.retriesSinceWarning = 0;
			return;
		}
		this.retriesSinceWarning++;
		if (logger.isDebugEnabled()) {
			logger.debug("Specora {} not delivered (attempt {}: {}); retrying in {} ms",
					item.pending().description(), item.attempts(), failure,
					TimeUnit.NANOSECONDS.toMillis(delayNanos));
		}
	}

	/**
	 * The drain deadline passed: cancels the deliveries in flight and drops them with
	 * every completion left in this process, except those a shared store keeps for
	 * another replica.
	 */
	private void cutOff() {
		List<QueuedDelivery> cut = new ArrayList<>(this.inFlight.keySet());
		int released = 0;
		for (QueuedDelivery item : cut) {
			this.inFlight.remove(item).cancel(true);
			this.inFlightKeys.remove(item.key());
			if (this.queue.release(item)) {
				released++;
			}
			else {
				drop(item, CompletionDropReason.SHUTDOWN, shutdownReason());
			}
		}
		if (released > 0) {
			logger.info("{} Specora deliveries in flight at the end of the shutdown timeout stay in the completion "
					+ "store for another replica or the next start", released);
		}
		this.inFlightCount = 0;
		for (QueuedDelivery item : this.queue.removeAll()) {
			drop(item, CompletionDropReason.SHUTDOWN, shutdownReason());
		}
	}

	private void drop(QueuedDelivery item, CompletionDropReason reason, String message) {
		this.queue.remove(item);
		this.drops.dropped(item, reason, message);
	}

	private String shutdownReason() {
		return "the shutdown timeout (specora.enforcement.completion.shutdown-timeout="
				+ this.lifecycle.shutdownTimeout() + ") ended before it could be delivered";
	}

	/**
	 * The answer to one delivery: {@code failure} is {@code null} when it was delivered.
	 */
	private record Answer(QueuedDelivery item, Throwable failure) {
	}

	/**
	 * What the worker needs to know of its dispatcher's lifecycle.
	 */
	interface Lifecycle {

		boolean isStopping();

		/**
		 * Whether a hand-over that may still queue a completion is running.
		 */
		boolean handOversRunning();

		long drainTimeLeftNanos();

		java.time.Duration shutdownTimeout();

		void workerEnded(Thread worker, boolean failed);

	}

}
