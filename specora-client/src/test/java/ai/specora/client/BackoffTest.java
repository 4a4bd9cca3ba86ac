package ai.specora.client;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link Backoff}: doubling, capped, with each kind of jitter.
 */
class BackoffTest {

	@Test
	void ceilingDoublesUpToTheMaximumWithoutOverflow() {
		Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), Backoff.Jitter.NONE);
		assertThat(backoff.delay(1)).isEqualTo(Duration.ofMillis(500));
		assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(1));
		assertThat(backoff.delay(4)).isEqualTo(Duration.ofSeconds(4));
		assertThat(backoff.delay(7)).isEqualTo(Duration.ofSeconds(30));
		assertThat(backoff.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30));
		assertThat(backoff.delay(0)).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void jitterStaysBelowTheCeiling() {
		Backoff full = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), Backoff.Jitter.FULL);
		Backoff equal = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), Backoff.Jitter.EQUAL);
		for (int i = 0; i < 200; i++) {
			assertThat(full.delay(3)).isBetween(Duration.ZERO, Duration.ofMillis(400));
			assertThat(equal.delay(3)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
		}
	}

	@Test
	void durationsAreChecked() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), Backoff.Jitter.FULL))
			.withMessageContaining("initial");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), Backoff.Jitter.FULL))
			.withMessageContaining("maximum");
	}

}
