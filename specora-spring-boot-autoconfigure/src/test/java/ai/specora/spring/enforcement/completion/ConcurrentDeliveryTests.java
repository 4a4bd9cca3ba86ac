package ai.specora.spring.enforcement.completion;

import java.time.Duration;

import ai.specora.client.Completion;
import ai.specora.client.SpecoraClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deliveries run concurrently, so that the rate delivered does not depend on the
 * authority's round-trip time: against an authority that answers after 200 ms, 50
 * completions delivered one after the other would take 10 s.
 */
class ConcurrentDeliveryTests {

	private SlowAuthority authority;

	private SpecoraClient client;

	private AsyncCompletionDispatcher dispatcher;

	@AfterEach
	void stop() {
		if (this.dispatcher != null) {
			this.dispatcher.stop();
		}
		if (this.client != null) {
			this.client.close();
		}
		if (this.authority != null) {
			this.authority.close();
		}
	}

	private AsyncCompletionDispatcher dispatcher(Duration delay, Duration shutdownTimeout) throws Exception {
		this.authority = new SlowAuthority(delay);
		this.client = this.authority.client();
		this.dispatcher = AsyncCompletionDispatcher.builder(this.client.reactive())
			.backoff(Duration.ofMillis(20), Duration.ofMillis(100))
			.shutdownTimeout(shutdownTimeout)
			.build();
		this.dispatcher.start();
		return this.dispatcher;
	}

	@Test
	void manyCompletionsAreInFlightAtOnceAndDeliveredInAFewRoundTrips() throws Exception {
		AsyncCompletionDispatcher dispatcher = dispatcher(Duration.ofMillis(200), Duration.ofSeconds(10));
		long start = System.nanoTime();
		for (int i = 0; i < 50; i++) {
			dispatcher.dispatch("jrn_concurrent_" + i, Completion.success(null));
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> this.authority.delivered().size() == 50);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(this.authority.maxInFlight()).isGreaterThan(1);
		assertThat(this.authority.delivered()).doesNotHaveDuplicates();
		await().atMost(Duration.ofSeconds(5)).until(() -> dispatcher.pendingCount() == 0);
		assertThat(dispatcher.droppedCount()).isZero();
	}

	@Test
	void shutdownWaitsForEveryDeliveryInFlight() throws Exception {
		AsyncCompletionDispatcher dispatcher = dispatcher(Duration.ofMillis(200), Duration.ofSeconds(10));
		for (int i = 0; i < 30; i++) {
			dispatcher.dispatch("jrn_drain_" + i, Completion.success(null));
		}
		dispatcher.stop();
		assertThat(this.authority.delivered()).hasSize(30).doesNotHaveDuplicates();
		assertThat(dispatcher.pendingCount()).isZero();
		assertThat(dispatcher.droppedCount()).isZero();
	}

}
