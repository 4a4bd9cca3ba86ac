package ai.specora.client.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ai.specora.client.testing.RedisServer;
import ai.specora.client.testing.RedisServerExtension;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import ai.specora.client.webhook.WebhookVerificationException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RedisReplayStore} against a real {@code redis-server} on loopback.
 */
@ExtendWith(RedisServerExtension.class)
@TestInstance(Lifecycle.PER_CLASS)
class RedisReplayStoreTests {

	private static final Duration RETENTION = Duration.ofSeconds(600);

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	/** One set of event loops for every connection factory of these tests. */
	private final ClientResources clientResources = DefaultClientResources.create();

	private final List<LettuceConnectionFactory> factories = new ArrayList<>();

	private RedisServer redis;

	@BeforeEach
	void useRedis(RedisServer redis) {
		this.redis = redis;
	}

	@AfterEach
	void closeConnections() {
		this.factories.forEach(LettuceConnectionFactory::destroy);
		this.factories.clear();
	}

	@AfterAll
	void releaseClientResources() {
		this.clientResources.shutdown().syncUninterruptibly();
	}

	@Test
	void firstSightingIsTrueAndRepeatIsFalse() {
		StringRedisTemplate template = template(this.redis.port());
		RedisReplayStore store = new RedisReplayStore(template);
		String eventId = newEventId();
		assertThat(store.markSeen(eventId, RETENTION)).isTrue();
		assertThat(store.markSeen(eventId, RETENTION)).isFalse();
		assertThat(store.markSeen(newEventId(), RETENTION)).isTrue();
	}

	@Test
	void storesIdUnderDefaultPrefixWithRetentionAsTimeToLive() {
		StringRedisTemplate template = template(this.redis.port());
		RedisReplayStore store = new RedisReplayStore(template);
		String eventId = newEventId();
		store.markSeen(eventId, RETENTION);
		String key = "specora:webhook:event:" + eventId;
		assertThat(store.keyPrefix()).isEqualTo(RedisReplayStore.DEFAULT_KEY_PREFIX);
		assertThat(template.hasKey(key)).isTrue();
		assertThat(template.getExpire(key, TimeUnit.SECONDS)).isBetween(590L, 600L);
	}

	@Test
	void usesConfiguredKeyPrefix() {
		StringRedisTemplate template = template(this.redis.port());
		RedisReplayStore store = new RedisReplayStore(template, "myapp:hooks:");
		String eventId = newEventId();
		assertThat(store.markSeen(eventId, RETENTION)).isTrue();
		assertThat(template.hasKey("myapp:hooks:" + eventId)).isTrue();
		assertThat(template.hasKey(RedisReplayStore.DEFAULT_KEY_PREFIX + eventId)).isFalse();
		// the same id under another prefix is another id
		assertThat(new RedisReplayStore(template).markSeen(eventId, RETENTION)).isTrue();
	}

	@Test
	void idExpiresAfterRetention() throws InterruptedException {
		StringRedisTemplate template = template(this.redis.port());
		RedisReplayStore store = new RedisReplayStore(template);
		String eventId = newEventId();
		Duration retention = Duration.ofMillis(150);
		assertThat(store.markSeen(eventId, retention)).isTrue();
		assertThat(store.markSeen(eventId, retention)).isFalse();
		Thread.sleep(retention.toMillis() + 50);
		assertThat(store.markSeen(eventId, retention)).isTrue();
	}

	@Test
	void storesSharingOneRedisRejectTheReplay() {
		RedisReplayStore first = new RedisReplayStore(connectionFactory(this.redis.port()));
		RedisReplayStore second = new RedisReplayStore(connectionFactory(this.redis.port()));
		String eventId = newEventId();
		assertThat(first.markSeen(eventId, RETENTION)).isTrue();
		assertThat(second.markSeen(eventId, RETENTION)).isFalse();
	}

	@Test
	void verifiersOfTwoInstancesSharingOneRedisRejectTheReplay() {
		long now = 1_700_000_000L;
		Clock clock = Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC);
		WebhookVerifier first = WebhookVerifier.builder()
			.secret("whsec_test")
			.clock(clock)
			.replayStore(new RedisReplayStore(connectionFactory(this.redis.port())))
			.build();
		WebhookVerifier second = WebhookVerifier.builder()
			.secret("whsec_test")
			.clock(clock)
			.replayStore(new RedisReplayStore(connectionFactory(this.redis.port())))
			.build();
		String eventId = newEventId();
		byte[] body = ("{\"event_id\":\"" + eventId + "\",\"event_type\":\"platform.sla_breach\","
				+ "\"created_at\":\"2023-11-14T22:13:20Z\"}").getBytes(StandardCharsets.UTF_8);
		String signature = WebhookSignatures.sign("whsec_test", now, body);
		assertThat(first.verify(body, String.valueOf(now), signature, eventId).eventId()).isEqualTo(eventId);
		assertThatExceptionOfType(WebhookVerificationException.class)
			.isThrownBy(() -> second.verify(body, String.valueOf(now), signature, eventId))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(Reason.REPLAYED));
	}

	@Test
	void concurrentSightingsOfOneIdAcceptExactlyOne() throws Exception {
		RedisReplayStore store = new RedisReplayStore(template(this.redis.port()));
		// connect first: this test is about the atomicity of SET NX, not about a burst of
		// commands racing the first connection of a client that rejects them meanwhile
		assertThat(store.markSeen(newEventId(), RETENTION)).isTrue();
		String eventId = newEventId();
		int threads = 16;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				results.add(executor.submit(() -> {
					start.await();
					return store.markSeen(eventId, RETENTION);
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
	void stoppedRedisMakesStoreUnavailable() throws Exception {
		RedisReplayStore store = new RedisReplayStore(template(this.redis.port()));
		assertThat(store.markSeen(newEventId(), RETENTION)).isTrue();
		this.redis.stop();
		assertThatExceptionOfType(ReplayStoreUnavailableException.class)
			.isThrownBy(() -> store.markSeen(newEventId(), RETENTION))
			.withMessageContaining("Redis");
	}

	@Test
	void stoppedRedisIsNeverTakenForAcceptance() throws Exception {
		long now = 1_700_000_000L;
		WebhookVerifier verifier = WebhookVerifier.builder()
			.secret("whsec_test")
			.clock(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC))
			.replayStore(new RedisReplayStore(template(this.redis.port())))
			.build();
		this.redis.stop();
		String eventId = newEventId();
		byte[] body = ("{\"event_id\":\"" + eventId + "\",\"event_type\":\"platform.sla_breach\","
				+ "\"created_at\":\"2023-11-14T22:13:20Z\"}").getBytes(StandardCharsets.UTF_8);
		String signature = WebhookSignatures.sign("whsec_test", now, body);
		assertThatExceptionOfType(ReplayStoreUnavailableException.class)
			.isThrownBy(() -> verifier.verify(body, String.valueOf(now), signature, eventId));
	}

	@Test
	void unreachableRedisMakesStoreUnavailable() throws Exception {
		RedisReplayStore store = new RedisReplayStore(template(RedisServer.freePort()));
		assertThatExceptionOfType(ReplayStoreUnavailableException.class)
			.isThrownBy(() -> store.markSeen(newEventId(), RETENTION));
	}

	@Test
	void refusesNonPositiveRetention() {
		RedisReplayStore store = new RedisReplayStore(template(this.redis.port()));
		assertThatIllegalArgumentException().isThrownBy(() -> store.markSeen(newEventId(), Duration.ZERO));
	}

	private StringRedisTemplate template(int port) {
		return new StringRedisTemplate(connectionFactory(port));
	}

	private LettuceConnectionFactory connectionFactory(int port) {
		// Commands sent while disconnected fail at once; the timeouts only bound a
		// server that accepts but does not answer, and leave room for a busy machine
		LettuceClientConfiguration client = LettuceClientConfiguration.builder()
			.clientResources(this.clientResources)
			.commandTimeout(TIMEOUT)
			.clientOptions(ClientOptions.builder()
				.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
				.socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
				.build())
			.build();
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", port), client);
		factory.afterPropertiesSet();
		factory.start();
		this.factories.add(factory);
		return factory;
	}

	private static String newEventId() {
		return "evt_" + UUID.randomUUID();
	}

}
