package ai.specora.client;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import reactor.core.publisher.Mono;

/**
 * The time limit of each attempt, kept by one hashed-wheel timer shared by every client
 * of the JVM (like Reactor's own schedulers). Arming and cancelling a limit is a queue
 * operation on the caller's thread: unlike {@code Mono.timeout(Duration)}, which puts a
 * task in a {@code ScheduledThreadPoolExecutor} and wakes its thread on every call, the
 * timer thread only wakes on its own tick (10 ms), so the limits are kept to within a
 * tick. Nor is the limit a {@code Mono.timeout(Publisher)}: that operator names itself
 * for its error message on every subscription by walking the operators before it,
 * which cost as much as serialising the request body.
 */
final class AttemptTimer {

	private static final HashedWheelTimer TIMER = new HashedWheelTimer(daemonThreads(), 10, TimeUnit.MILLISECONDS,
			512);

	private AttemptTimer() {
	}

	/**
	 * Limits an attempt to a duration: relays what the attempt signals first, or, once
	 * the duration has passed, cancels it and fails with a {@link TimeoutException}. The
	 * limit is disarmed when the attempt ends or is cancelled.
	 * @param <T> what the attempt gives
	 * @param attempt the attempt
	 * @param duration its limit, positive
	 * @return the limited attempt
	 */
	static <T> Mono<T> limit(Mono<T> attempt, Duration duration) {
		return Mono.firstWithSignal(attempt, expiry(duration));
	}

	/**
	 * The limits armed and not yet removed by the timer (a cancelled one goes on the
	 * next tick).
	 */
	static long pendingLimits() {
		return TIMER.pendingTimeouts();
	}

	private static <T> Mono<T> expiry(Duration duration) {
		long nanos = duration.toNanos();
		return Mono.create((sink) -> {
			Timeout timeout = TIMER.newTimeout((ignored) -> sink.error(new TimeoutException()), nanos,
					TimeUnit.NANOSECONDS);
			sink.onCancel(timeout::cancel);
		});
	}

	private static ThreadFactory daemonThreads() {
		return (runnable) -> {
			Thread thread = new Thread(runnable, "specora-attempt-timer");
			thread.setDaemon(true);
			return thread;
		};
	}

}
