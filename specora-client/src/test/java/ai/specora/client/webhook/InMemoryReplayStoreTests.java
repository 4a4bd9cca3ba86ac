package ai.specora.client.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link InMemoryReplayStore}.
 */
class InMemoryReplayStoreTests {

	private static final Duration RETENTION = Duration.ofSeconds(600);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));

	@Test
	void firstSightingIsTrueAndRepeatIsFalse() {
		InMemoryReplayStore store = new InMemoryReplayStore(10, this.clock);
		assertThat(store.markSeen("evt_1", RETENTION)).isTrue();
		assertThat(store.markSeen("evt_1", RETENTION)).isFalse();
		assertThat(store.markSeen("evt_2", RETENTION)).isTrue();
		assertThat(store.size()).isEqualTo(2);
	}

	@Test
	void idIsRememberedUntilItsRetentionEnds() {
		InMemoryReplayStore store = new InMemoryReplayStore(10, this.clock);
		store.markSeen("evt_1", RETENTION);
		this.clock.advance(RETENTION.minusSeconds(1));
		assertThat(store.markSeen("evt_1", RETENTION)).isFalse();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(store.markSeen("evt_1", RETENTION)).isTrue();
		assertThat(store.markSeen("evt_1", RETENTION)).isFalse();
	}

	@Test
	void expiredIdsArePurged() {
		InMemoryReplayStore store = new InMemoryReplayStore(10, this.clock);
		store.markSeen("evt_1", RETENTION);
		store.markSeen("evt_2", RETENTION);
		this.clock.advance(Duration.ofSeconds(1));
		store.markSeen("evt_3", RETENTION);
		// now evt_1 and evt_2 are exactly at the end of their retention, evt_3 one second short
		this.clock.advance(RETENTION.minusSeconds(1));
		store.markSeen("evt_4", RETENTION);
		assertThat(store.size()).isEqualTo(2);
		assertThat(store.markSeen("evt_3", RETENTION)).isFalse();
		assertThat(store.markSeen("evt_1", RETENTION)).isTrue();
	}

	@Test
	void oldestIdIsEvictedWhenFull() {
		InMemoryReplayStore store = new InMemoryReplayStore(3, this.clock);
		store.markSeen("evt_1", RETENTION);
		store.markSeen("evt_2", RETENTION);
		store.markSeen("evt_3", RETENTION);
		store.markSeen("evt_4", RETENTION);
		assertThat(store.size()).isEqualTo(3);
		assertThat(store.markSeen("evt_2", RETENTION)).isFalse();
		assertThat(store.markSeen("evt_3", RETENTION)).isFalse();
		assertThat(store.markSeen("evt_4", RETENTION)).isFalse();
		// evt_1 was evicted, so it is new again (and evicts evt_2)
		assertThat(store.markSeen("evt_1", RETENTION)).isTrue();
		assertThat(store.markSeen("evt_2", RETENTION)).isTrue();
		assertThat(store.size()).isEqualTo(3);
	}

	@Test
	void defaultCapacityIsTenThousand() {
		InMemoryReplayStore store = new InMemoryReplayStore();
		assertThat(store.capacity()).isEqualTo(10_000);
		for (int i = 0; i < 10_001; i++) {
			assertThat(store.markSeen("evt_" + i, RETENTION)).isTrue();
		}
		assertThat(store.size()).isEqualTo(10_000);
		assertThat(store.markSeen("evt_10000", RETENTION)).isFalse();
		assertThat(store.markSeen("evt_0", RETENTION)).isTrue();
	}

	@Test
	void concurrentSightingsOfOneIdAcceptExactlyOne() throws Exception {
		InMemoryReplayStore store = new InMemoryReplayStore(10, this.clock);
		int threads = 16;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				results.add(executor.submit(() -> {
					start.await();
					return store.markSeen("evt_1", RETENTION);
				}));
			}
			start.countDown();
			int accepted = 0;
			for (Future<Boolean> result : results) {
				if (result.get(10, TimeUnit.SECONDS)) {
					accepted++;
				}
			}
			assertThat(accepted).isEqualTo(1);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void invalidArgumentsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InMemoryReplayStore(0));
		InMemoryReplayStore store = new InMemoryReplayStore(10, this.clock);
		assertThatIllegalArgumentException().isThrownBy(() -> store.markSeen("evt_1", Duration.ZERO));
		assertThatIllegalArgumentException().isThrownBy(() -> store.markSeen("evt_1", Duration.ofSeconds(-1)));
	}

}
