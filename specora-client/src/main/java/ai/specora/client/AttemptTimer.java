package ai.specora.client;

import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import reactor.core.publisher.Mono;

/**
 * The time limit of each attempt, kept by one hashed-wheel timer shared by every client
 * of the JVM (like Reactor's own schedulers). Arming and cancelling a limit is a queue
 * operation on the caller's thread: unlike {@code Mono.timeout(Duration)}, which puts a
 * task in a {@code ScheduledThreadPoolExecutor} and wakes its thread on every call, the
 * timer thread only wakes on its own tick (10 ms), so the limits are kept to within a
 * tick.
 */
final class AttemptTimer {

	private static final HashedWheelTimer TIMER = new HashedWheelTimer(daemonThreads(), 10, TimeUnit.MILLISECONDS,
			512);

	private AttemptTimer() {
	}

	/**
	 * A {@code Mono} that completes once the duration has passed, for
	 * {@link Mono#timeout(org.reactivestreams.Publisher)}; cancelling it disarms the
	 * timer.
	 */
	static Mono<Boolean> after(Duration duration) {
		long nanos = duration.toNanos();
		return Mono.create((sink) -> {
			Timeout timeout = TIMER.newTimeout((ignored) -> sink.success(Boolean.TRUE), nanos, TimeUnit.NANOSECONDS);
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
