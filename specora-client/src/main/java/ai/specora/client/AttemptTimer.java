package ai.specora.client;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Schedulers;

/**
 * The time limit of each attempt of one client, kept by a hashed-wheel timer that the
 * open clients of the JVM share (like Reactor's own schedulers). Arming and cancelling a
 * limit is a queue operation on the caller's thread: unlike {@code Mono.timeout(Duration)},
 * which puts a task in a {@code ScheduledThreadPoolExecutor} and wakes its thread on every
 * call, the timer thread only wakes on its own tick (10 ms), so the limits are kept to
 * within a tick. Nor is the limit a {@code Mono.timeout(Publisher)}: that operator names
 * itself for its error message on every subscription by walking the operators before it,
 * which cost as much as serialising the request body.
 * <p>
 * Nothing of the caller runs on the timer thread: an expired limit is only handed to
 * Reactor's bounded-elastic scheduler, which signals the {@link TimeoutException} and so
 * runs whatever the caller chained after the call (a fail-open method body, for one). A
 * caller that blocks there holds one of that scheduler's threads, never the one thread
 * that keeps every client's limits. The hand-over happens only when a limit expires, so
 * an attempt that answers in time costs what it did.
 * <p>
 * The timer thread runs while a client needs it: a client takes its share of the wheel
 * on its first attempt and gives it back when it is closed ({@link #close()}); the last
 * share given back stops the thread, and the next client's first attempt starts a new
 * wheel.
 */
final class AttemptTimer {

	/** The name of the timer's thread. */
	static final String THREAD_NAME = "specora-attempt-timer";

	private final SharedWheel shared;

	private volatile HashedWheelTimer wheel;

	private boolean closed;

	/**
	 * A client's share of the JVM's wheel.
	 */
	AttemptTimer() {
		this(SharedWheel.JVM);
	}

	/**
	 * A share of the given wheel (for tests, which need one no other client holds).
	 * @param shared the wheel to take a share of
	 */
	AttemptTimer(SharedWheel shared) {
		this.shared = shared;
	}

	/**
	 * Limits an attempt to a duration: relays what the attempt signals first, or, once
	 * the duration has passed, cancels it and fails with a {@link TimeoutException}
	 * (signalled on Reactor's bounded-elastic scheduler). The limit is disarmed when the
	 * attempt ends or is cancelled.
	 * @param <T> what the attempt gives
	 * @param attempt the attempt
	 * @param duration its limit, positive
	 * @return the limited attempt
	 * @throws IllegalStateException when the client is closed
	 */
	<T> Mono<T> limit(Mono<T> attempt, Duration duration) {
		HashedWheelTimer wheel = this.wheel;
		if (wheel == null) {
			wheel = share();
		}
		return Mono.firstWithSignal(attempt, expiry(wheel, duration.toNanos()));
	}

	/**
	 * The limits armed and not yet removed by the timer (a cancelled one goes on the
	 * next tick).
	 */
	long pendingLimits() {
		HashedWheelTimer wheel = this.wheel;
		return (wheel != null) ? wheel.pendingTimeouts() : 0;
	}

	/**
	 * Gives this client's share back; the last share stops the timer thread, and the
	 * limits still armed on it expire at once, so that no call is left without one.
	 * Idempotent.
	 */
	void close() {
		HashedWheelTimer wheel;
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			wheel = this.wheel;
			this.wheel = null;
		}
		if (wheel != null) {
			this.shared.release(wheel);
		}
	}

	private synchronized HashedWheelTimer share() {
		if (this.closed) {
			throw new IllegalStateException("The Specora client is closed");
		}
		if (this.wheel == null) {
			this.wheel = this.shared.acquire();
		}
		return this.wheel;
	}

	private static <T> Mono<T> expiry(HashedWheelTimer wheel, long nanos) {
		return Mono.create((sink) -> {
			Timeout timeout = wheel.newTimeout((expired) -> expire(sink), nanos, TimeUnit.NANOSECONDS);
			sink.onCancel(timeout::cancel);
		});
	}

	/**
	 * Runs on the timer thread: hands the expiry over, so that the caller's continuation
	 * runs elsewhere.
	 */
	private static void expire(MonoSink<?> sink) {
		try {
			Schedulers.boundedElastic().schedule(() -> sink.error(new TimeoutException()));
		}
		catch (RejectedExecutionException ex) {
			// the scheduler is full or shut down: late on this thread is better than never
			sink.error(new TimeoutException());
		}
	}

	/**
	 * A hashed-wheel timer shared by reference count: started by the first share taken,
	 * stopped when the last one is given back.
	 */
	static final class SharedWheel {

		/** The wheel of every client of the JVM. */
		static final SharedWheel JVM = new SharedWheel(SharedWheel::daemonThread);

		private final ThreadFactory threads;

		private HashedWheelTimer wheel;

		private int shares;

		/**
		 * A wheel whose threads come from the given factory.
		 * @param threads makes the timer's (daemon) thread
		 */
		SharedWheel(ThreadFactory threads) {
			this.threads = threads;
		}

		synchronized HashedWheelTimer acquire() {
			if (this.wheel == null) {
				HashedWheelTimer wheel = new HashedWheelTimer(this.threads, 10, TimeUnit.MILLISECONDS, 512);
				// started now, not by the first limit armed: an attempt may answer before its
				// limit is armed, and then never arms it
				wheel.start();
				this.wheel = wheel;
			}
			this.shares++;
			return this.wheel;
		}

		void release(HashedWheelTimer released) {
			synchronized (this) {
				if (released != this.wheel || --this.shares > 0) {
					return;
				}
				this.wheel = null;
			}
			// outside the lock: a client starting meanwhile gets a new wheel
			Set<Timeout> left = released.stop();
			for (Timeout timeout : left) {
				try {
					timeout.task().run(timeout);
				}
				catch (Exception ex) {
					// an expiry only hands a signal over; nothing to report
				}
			}
		}

		/**
		 * The number of shares taken and not given back.
		 */
		synchronized int shares() {
			return this.shares;
		}

		static Thread daemonThread(Runnable runnable) {
			Thread thread = new Thread(runnable, THREAD_NAME);
			thread.setDaemon(true);
			return thread;
		}

	}

}
