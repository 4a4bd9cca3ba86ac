package ai.specora.spring.enforcement.completion;

import java.time.Clock;
import java.time.Duration;

import ai.specora.client.Backoff;
import ai.specora.client.SpecoraException;

/**
 * When a completion whose delivery failed is tried again: after an exponential
 * back-off with jitter (never at once), as long as it is younger than the maximum age
 * and the authority did not refuse it.
 */
final class RedeliveryPolicy {

	private final Backoff backoff;

	private final Duration maxAge;

	private final Clock clock;

	RedeliveryPolicy(Backoff backoff, Duration maxAge, Clock clock) {
		this.backoff = backoff;
		this.maxAge = maxAge;
		this.clock = clock;
	}

	/**
	 * Whether a completion is past the maximum age and must be dropped.
	 */
	boolean isTooOld(PendingDelivery pending) {
		return Duration.between(pending.createdAt(), this.clock.instant()).compareTo(this.maxAge) > 0;
	}

	/**
	 * Whether a failed delivery may be tried again: any failure but the authority's
	 * refusal (a 4xx).
	 */
	static boolean isRetryable(Throwable failure) {
		return !(failure instanceof SpecoraException ex) || ex.isRetryable();
	}

	/**
	 * The delay before the next attempt.
	 * @param attempts the attempts made so far
	 */
	long delayNanos(int attempts) {
		return this.backoff.delay(attempts).toNanos();
	}

	Duration maxAge() {
		return this.maxAge;
	}

}
