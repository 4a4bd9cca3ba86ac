package ai.specora.spring.enforcement.completion;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.specora.client.Completion;
import ai.specora.client.SpecoraClient;
import ai.specora.client.testing.RedisServer;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Run by hand (not a test): what handing a completion over adds to a governed call's
 * latency, in memory and with the Redis store on loopback. Prints p50, p99 and mean of
 * {@code dispatch()} over a bounded number of calls, after a warm-up. The authority is
 * unreachable, so the worker only retries in the background.
 */
public final class CompletionAppendLatency {

	private static final int WARM_UP = 5_000;

	private static final int MEASURED = 20_000;

	private CompletionAppendLatency() {
	}

	public static void main(String[] args) throws Exception {
		try (RedisServer redis = RedisServer.create()) {
			redis.start();
			List<LettuceConnectionFactory> factories = new ArrayList<>();
			SpecoraClient client = SpecoraClient.builder()
				.baseUrl("http://127.0.0.1:" + RedisServer.freePort())
				.apiKey("sk_test_key")
				.orgId("org-1")
				.retries(0)
				.build();
			measure("memory", AsyncCompletionDispatcher.builder(client.reactive())
				.queueCapacity(WARM_UP + MEASURED + 10)
				.backoff(Duration.ofMinutes(1), Duration.ofMinutes(1))
				.build());
			measure("redis", AsyncCompletionDispatcher.builder(client.reactive())
				.queueCapacity(WARM_UP + MEASURED + 10)
				.backoff(Duration.ofMinutes(1), Duration.ofMinutes(1))
				.store(new RedisCompletionStore(RedisFixtures.template(redis.port(), factories)))
				.build());
			factories.forEach(LettuceConnectionFactory::destroy);
		}
	}

	private static void measure(String name, AsyncCompletionDispatcher dispatcher) {
		dispatcher.start();
		long[] nanos = new long[MEASURED];
		for (int i = 0; i < WARM_UP + MEASURED; i++) {
			long start = System.nanoTime();
			dispatcher.dispatch(name + "_" + i, Completion.success(null));
			long took = System.nanoTime() - start;
			if (i >= WARM_UP) {
				nanos[i - WARM_UP] = took;
			}
		}
		dispatcher.stop();
		Arrays.sort(nanos);
		double mean = Arrays.stream(nanos).average().orElse(0);
		System.out.printf("%-6s dispatch: p50 %6.1f us, p99 %6.1f us, mean %6.1f us (%d calls, %d cores)%n", name,
				nanos[MEASURED / 2] / 1000.0, nanos[MEASURED * 99 / 100] / 1000.0, mean / 1000.0, MEASURED,
				Runtime.getRuntime().availableProcessors());
	}

}
