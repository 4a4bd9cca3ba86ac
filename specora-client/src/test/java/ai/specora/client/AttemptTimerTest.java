package ai.specora.client;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AttemptTimer}.
 */
class AttemptTimerTest {

	private final AttemptTimer timer = new AttemptTimer();

	@Test
	void anAttemptThatAnswersInTimeIsRelayedAndDisarmsTheLimit() {
		long before = this.timer.pendingLimits();
		StepVerifier.create(this.timer.limit(Mono.just("decision"), Duration.ofSeconds(30)))
			.expectNext("decision")
			.verifyComplete();
		assertDisarmed(before);
	}

	@Test
	void anAttemptThatFailsInTimeKeepsItsErrorAndDisarmsTheLimit() {
		long before = this.timer.pendingLimits();
		IllegalStateException failure = new IllegalStateException("refused");
		StepVerifier.create(this.timer.limit(Mono.error(failure), Duration.ofSeconds(30)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(failure))
			.verify(Duration.ofSeconds(5));
		assertDisarmed(before);
	}

	@Test
	void anEmptyAttemptStaysEmpty() {
		StepVerifier.create(this.timer.limit(Mono.empty(), Duration.ofSeconds(30))).verifyComplete();
	}

	@Test
	void aSlowAttemptFailsWithATimeoutAndIsCancelled() {
		AtomicBoolean cancelled = new AtomicBoolean();
		Mono<String> never = Sinks.<String>one().asMono().doOnCancel(() -> cancelled.set(true));
		StepVerifier.create(this.timer.limit(never, Duration.ofMillis(50)))
			.expectError(TimeoutException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(cancelled).isTrue();
	}

	@Test
	void cancellingTheCallDisarmsTheLimit() {
		long before = this.timer.pendingLimits();
		StepVerifier.create(this.timer.limit(Sinks.<String>one().asMono(), Duration.ofSeconds(30)))
			.expectSubscription()
			.thenCancel()
			.verify(Duration.ofSeconds(5));
		assertDisarmed(before);
	}

	/**
	 * The timer removes a cancelled limit on its next tick (10 ms): waits up to two
	 * seconds for the count to fall back, where an armed limit would stay for 30.
	 */
	private void assertDisarmed(long pendingBefore) {
		long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
		while (this.timer.pendingLimits() > pendingBefore && System.nanoTime() < deadline) {
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		assertThat(this.timer.pendingLimits()).isLessThanOrEqualTo(pendingBefore);
	}

}
