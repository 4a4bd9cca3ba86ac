package ai.specora.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off, the one implementation behind the client's HTTP retries, the
 * redelivery of completions and the polling for approvals: the ceiling of attempt
 * {@code n} is {@code initial * 2^(n-1)}, capped at {@code max}, and the delay is taken
 * from it with the chosen {@link Jitter}. Immutable and thread-safe.
 * <p>
 * Public API, not internal: a plain value with no transport in it, used by the runtime
 * (approval polling) and the Spring Boot integration (completion redelivery), and open to
 * integrations that retry on their own, which may use only public API.
 *
 * @param initial the ceiling of the first attempt, positive
 * @param max the largest ceiling, at least {@code initial}
 * @param jitter how the delay is drawn below the ceiling
 */
public record Backoff(Duration initial, Duration max, Jitter jitter) {

	/**
	 * Checks the durations.
	 * @param initial the ceiling of the first attempt, positive
	 * @param max the largest ceiling, at least {@code initial}
	 * @param jitter how the delay is drawn below the ceiling
	 * @throws IllegalArgumentException when {@code initial} is not positive or
	 * {@code max} is shorter than it
	 */
	public Backoff {
		Objects.requireNonNull(jitter, "jitter must not be null");
		if (initial == null || initial.isZero() || initial.isNegative()) {
			throw new IllegalArgumentException("the initial back-off must be a positive duration, but was " + initial);
		}
		if (max == null || max.compareTo(initial) < 0) {
			throw new IllegalArgumentException("the maximum back-off (" + max
					+ ") must not be shorter than the initial one (" + initial + ")");
		}
	}

	/**
	 * The ceiling of an attempt, without jitter.
	 * @param attempt the attempt that failed, from 1
	 * @return {@code initial * 2^(attempt-1)}, at most {@code max}
	 */
	public Duration ceiling(int attempt) {
		long initialNanos = this.initial.toNanos();
		long maxNanos = this.max.toNanos();
		int doublings = Math.min(Math.max(attempt, 1) - 1, 62);
		long ceiling = (initialNanos > (maxNanos >> doublings)) ? maxNanos : initialNanos << doublings;
		return Duration.ofNanos(ceiling);
	}

	/**
	 * The delay before the next attempt.
	 * @param attempt the attempt that failed, from 1
	 * @return the delay, drawn below {@link #ceiling(int)} as the jitter says
	 */
	public Duration delay(int attempt) {
		long ceiling = ceiling(attempt).toNanos();
		return Duration.ofNanos(switch (this.jitter) {
			case NONE -> ceiling;
			case FULL -> ThreadLocalRandom.current().nextLong(ceiling + 1);
			case EQUAL -> (ceiling / 2) + ThreadLocalRandom.current().nextLong((ceiling / 2) + 1);
		});
	}

	/**
	 * How a delay is drawn below the ceiling.
	 */
	public enum Jitter {

		/** The ceiling itself: a deterministic doubling. */
		NONE,

		/** Anywhere between zero and the ceiling (spreads many clients the most). */
		FULL,

		/** Between half the ceiling and the ceiling (never retries at once). */
		EQUAL

	}

}
