package ai.specora.spring.enforcement.completion;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ai.specora.client.Completion;
import ai.specora.client.testing.RedisServer;
import ai.specora.client.testing.RedisServerExtension;
import ai.specora.spring.enforcement.Authority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamInfo.XInfoConsumer;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumers of the Redis completion group: a replica keeps its name across
 * restarts, and consumers left idle with nothing pending are removed, never one that
 * still holds an entry.
 */
@ExtendWith(RedisServerExtension.class)
class RedisCompletionConsumerTests {

	private final RedisFixtures fixtures = new RedisFixtures();

	private final String stream = "specora:test:consumers:" + UUID.randomUUID();

	private RedisServer redis;

	private Authority authority;

	private AsyncCompletionDispatcher dispatcher;

	@BeforeEach
	void start(RedisServer redis) {
		this.redis = redis;
		this.authority = new Authority().start();
		this.authority.reset();
	}

	@AfterEach
	void stop() {
		if (this.dispatcher != null) {
			this.dispatcher.stop();
		}
		this.fixtures.close();
		this.authority.stop();
	}

	private StringRedisTemplate template() {
		return this.fixtures.template(this.redis.port());
	}

	private AsyncCompletionDispatcher replica(String consumer, Duration idleConsumerTimeout) {
		this.dispatcher = AsyncCompletionDispatcher.builder(this.authority.client().reactive())
			.store(new RedisCompletionStore(template(), this.stream, RedisCompletionStore.DEFAULT_GROUP,
					Duration.ofSeconds(30), RedisCompletionStore.DEFAULT_APPEND_TIMEOUT, consumer,
					idleConsumerTimeout))
			.backoff(Duration.ofMillis(50), Duration.ofMillis(200))
			.shutdownTimeout(Duration.ofSeconds(2))
			.build();
		this.dispatcher.start();
		return this.dispatcher;
	}

	private List<String> consumers() {
		return template().opsForStream()
			.consumers(this.stream, RedisCompletionStore.DEFAULT_GROUP)
			.stream()
			.map(XInfoConsumer::consumerName)
			.toList();
	}

	private void readAs(String consumer) {
		template().opsForStream()
			.read(Consumer.from(RedisCompletionStore.DEFAULT_GROUP, consumer), StreamReadOptions.empty().count(1),
					StreamOffset.create(this.stream, ReadOffset.lastConsumed()));
	}

	@Test
	void theDefaultConsumerNameIsStableForAProcessAndNamesItsProcessId() {
		String name = RedisCompletionStore.defaultConsumer();
		assertThat(name).startsWith("specora-").endsWith("-" + ProcessHandle.current().pid());
		assertThat(RedisCompletionStore.defaultConsumer()).isEqualTo(name);
		assertThat(new RedisCompletionStore(template()).consumer()).isEqualTo(name);
	}

	@Test
	void aReplicaReadsUnderItsConfiguredNameAndKeepsItAcrossARestart() {
		AsyncCompletionDispatcher first = replica("replica-a", RedisCompletionStore.IDLE_CONSUMER_TIMEOUT);
		first.dispatch("jrn_named_1", Completion.success(null));
		await().atMost(Duration.ofSeconds(30)).until(() -> !this.authority.completionsOf("jrn_named_1").isEmpty());
		first.stop();
		AsyncCompletionDispatcher second = replica("replica-a", RedisCompletionStore.IDLE_CONSUMER_TIMEOUT);
		second.dispatch("jrn_named_2", Completion.success(null));
		await().atMost(Duration.ofSeconds(30)).until(() -> !this.authority.completionsOf("jrn_named_2").isEmpty());
		assertThat(consumers()).containsExactly("replica-a");
	}

	@Test
	void idleConsumersWithNothingPendingAreRemovedAndOnesHoldingEntriesKept() throws Exception {
		RedisCompletionStream appender = new RedisCompletionStream(template(), this.stream,
				RedisCompletionStore.DEFAULT_GROUP, "appender", 100);
		appender.connect();
		appender.append(new PendingCompletion("jrn_held_by_busy", Completion.success(null), Instant.now()));
		readAs("busy"); // holds the entry, pending
		String done = appender.append(new PendingCompletion("jrn_done_by_ghost", Completion.success(null),
				Instant.now()));
		readAs("ghost");
		template().opsForStream().acknowledge(this.stream, RedisCompletionStore.DEFAULT_GROUP, done);
		template().opsForStream().delete(this.stream, done); // ghost: idle, nothing pending
		assertThat(consumers()).contains("busy", "ghost");
		Thread.sleep(600);
		replica("replica-live", Duration.ofMillis(300));
		await().atMost(Duration.ofSeconds(30)).until(() -> !consumers().contains("ghost"));
		assertThat(consumers()).contains("busy").doesNotContain("ghost");
		assertThat(template().opsForStream().pending(this.stream, RedisCompletionStore.DEFAULT_GROUP)
			.getTotalPendingMessages()).isEqualTo(1);
	}

}
