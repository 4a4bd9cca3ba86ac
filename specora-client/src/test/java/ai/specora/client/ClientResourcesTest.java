package ai.specora.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The client's costly resources are created once, on first use or warm-up.
 */
class ClientResourcesTest {

	private final AtomicInteger mappersCreated = new AtomicInteger();

	private final AtomicInteger webClientsCreated = new AtomicInteger();

	@Test
	void nothingIsCreatedUntilFirstUse() {
		ClientResources resources = countingResources();
		assertThat(resources.isWarm()).isFalse();
		assertThat(this.mappersCreated).hasValue(0);
		assertThat(this.webClientsCreated).hasValue(0);
	}

	@Test
	void eachIsCreatedOnceAndThenReused() {
		ClientResources resources = countingResources();
		JsonMapper mapper = resources.jsonMapper();
		assertThat(resources.isWarm()).as("the web client is still to be created").isFalse();
		WebClient webClient = resources.webClient();
		assertThat(resources.jsonMapper()).isSameAs(mapper);
		assertThat(resources.webClient()).isSameAs(webClient);
		resources.warmUp();
		assertThat(resources.isWarm()).isTrue();
		assertThat(this.mappersCreated).hasValue(1);
		assertThat(this.webClientsCreated).hasValue(1);
	}

	@Test
	void concurrentFirstCallsShareOneInstance() throws Exception {
		ClientResources resources = countingResources();
		int threads = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Future<WebClient>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				results.add(executor.submit(() -> {
					start.await();
					return resources.webClient();
				}));
			}
			start.countDown();
			WebClient first = results.get(0).get(10, TimeUnit.SECONDS);
			for (Future<WebClient> result : results) {
				assertThat(result.get(10, TimeUnit.SECONDS)).isSameAs(first);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.webClientsCreated).hasValue(1);
	}

	@Test
	void aFailedCreationIsTriedAgainByTheNextUse() {
		AtomicInteger attempts = new AtomicInteger();
		ClientResources resources = new ClientResources(WireJson::create, () -> {
			if (attempts.incrementAndGet() == 1) {
				throw new IllegalStateException("no connector yet");
			}
			return WebClient.create();
		});
		assertThatIllegalStateException().isThrownBy(resources::warmUp).withMessage("no connector yet");
		assertThat(resources.isWarm()).isFalse();
		assertThat(resources.webClient()).isNotNull();
		assertThat(resources.isWarm()).isTrue();
		assertThat(attempts).hasValue(2);
	}

	@Test
	void closeReleasesWhatTheClientCreatedForItselfOnce() {
		AtomicInteger disposed = new AtomicInteger();
		ClientResources resources = new ClientResources(WireJson::create, (owned) -> {
			owned.accept(disposed::incrementAndGet);
			return WebClient.create();
		});
		resources.warmUp();
		assertThat(disposed).hasValue(0);
		resources.close();
		resources.close();
		assertThat(disposed).hasValue(1);
	}

	@Test
	void noWebClientIsCreatedAfterClose() {
		ClientResources resources = countingResources();
		resources.close();
		assertThatIllegalStateException().isThrownBy(resources::webClient).withMessageContaining("closed");
		assertThat(this.webClientsCreated).hasValue(0);
	}

	private ClientResources countingResources() {
		return new ClientResources(() -> {
			this.mappersCreated.incrementAndGet();
			return WireJson.create();
		}, () -> {
			this.webClientsCreated.incrementAndGet();
			return WebClient.create();
		});
	}

}
