package ai.specora.spring.enforcement.completion;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ai.specora.client.Completion;
import ai.specora.client.SpecoraClient;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A replica in a JVM of its own, for {@link RedisCompletionStoreTests}: hands over
 * completions to the Redis store while the authority is down, says so, and waits to be
 * killed. Arguments: Redis port, stream, authority base URL, count, journal id prefix.
 */
public final class CompletionReplica {

	private CompletionReplica() {
	}

	public static void main(String[] args) throws Exception {
		List<LettuceConnectionFactory> factories = new ArrayList<>();
		SpecoraClient client = SpecoraClient.builder()
			.baseUrl(args[2])
			.apiKey("sk_test_key")
			.orgId("org-1")
			.retries(0)
			.timeout(Duration.ofSeconds(1))
			.deadline(Duration.ofSeconds(2))
			.build();
		AsyncCompletionDispatcher dispatcher = AsyncCompletionDispatcher.builder(client.reactive())
			.store(new RedisCompletionStore(RedisFixtures.template(Integer.parseInt(args[0]), factories), args[1],
					RedisCompletionStore.DEFAULT_GROUP, Duration.ofMinutes(10)))
			.backoff(Duration.ofSeconds(5), Duration.ofSeconds(5))
			.build();
		dispatcher.start();
		int count = Integer.parseInt(args[3]);
		for (int i = 0; i < count; i++) {
			dispatcher.dispatch(args[4] + i, Completion.success(null));
		}
		System.out.println("APPENDED " + count);
		System.out.flush();
		Thread.sleep(Duration.ofMinutes(5).toMillis());
	}

}
