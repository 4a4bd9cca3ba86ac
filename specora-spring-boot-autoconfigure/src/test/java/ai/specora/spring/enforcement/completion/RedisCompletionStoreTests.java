package ai.specora.spring.enforcement.completion;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import ai.specora.client.Completion;
import ai.specora.client.SpecoraClient;
import ai.specora.client.platform.ExecutionRecordRequest;
import ai.specora.client.platform.Provider;
import ai.specora.client.testing.RedisServer;
import ai.specora.client.testing.RedisServerExtension;
import ai.specora.spring.actuate.SpecoraEndpoint;
import ai.specora.spring.actuate.SpecoraErrorRecorder;
import ai.specora.spring.actuate.SpecoraHealthIndicator;
import ai.specora.spring.enforcement.Authority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Redis completion store against a real Redis 6.2 and a stand-in authority:
 * replicas sharing one stream, an outage of the authority, a replica killed with
 * completions pending, Redis down at dispatch, and the bounds.
 */
@ExtendWith({ RedisServerExtension.class, OutputCaptureExtension.class })
class RedisCompletionStoreTests {

	private final RedisFixtures fixtures = new RedisFixtures();

	private final List<AsyncCompletionDispatcher> dispatchers = new ArrayList<>();

	private final String stream = "specora:test:" + UUID.randomUUID();

	private RedisServer redis;

	private Authority authority;

	@BeforeEach
	void start(RedisServer redis) {
		this.redis = redis;
		this.authority = new Authority().start();
		this.authority.reset();
	}

	@AfterEach
	void stop() {
		this.dispatchers.forEach(AsyncCompletionDispatcher::stop);
		this.fixtures.close();
		this.authority.stop();
	}

	private AsyncCompletionDispatcher replica(Authority target, Duration lease, Clock clock, int capacity) {
		return replica(target.client(), lease, clock, capacity);
	}

	private AsyncCompletionDispatcher replica(SpecoraClient client, Duration lease, Clock clock, int capacity) {
		AsyncCompletionDispatcher dispatcher = AsyncCompletionDispatcher.builder(client.reactive())
			.store(new RedisCompletionStore(this.fixtures.template(this.redis.port()), this.stream,
					RedisCompletionStore.DEFAULT_GROUP, lease))
			.backoff(Duration.ofMillis(50), Duration.ofMillis(200))
			.shutdownTimeout(Duration.ofSeconds(2))
			.queueCapacity(capacity)
			.clock(clock)
			.build();
		dispatcher.start();
		this.dispatchers.add(dispatcher);
		return dispatcher;
	}

	private AsyncCompletionDispatcher replica(Authority target, Duration lease) {
		return replica(target, lease, Clock.systemUTC(), 1000);
	}

	private long streamLength() {
		Long size = this.fixtures.template(this.redis.port()).opsForStream().size(this.stream);
		return (size != null) ? size : 0;
	}

	private java.util.Set<Object> journalIdsInStream() {
		return this.fixtures.template(this.redis.port())
			.opsForStream()
			.range(this.stream, org.springframework.data.domain.Range.unbounded())
			.stream()
			.map((record) -> record.getValue().get("j"))
			.collect(java.util.stream.Collectors.toSet());
	}

	private long pendingInGroup() {
		return this.fixtures.template(this.redis.port())
			.opsForStream()
			.pending(this.stream, RedisCompletionStore.DEFAULT_GROUP)
			.getTotalPendingMessages();
	}

	@Test
	void twoReplicasDeliverEveryCompletionExactlyOnceOnceTheAuthorityIsBack() {
		int port = this.authority.port();
		this.authority.stop();
		Authority down = new Authority(port);
		AsyncCompletionDispatcher first = replica(down, Duration.ofSeconds(30));
		AsyncCompletionDispatcher second = replica(down, Duration.ofSeconds(30));
		assertThat(first.storeName()).isEqualTo("redis");
		for (int i = 0; i < 10; i++) {
			first.dispatch("jrn_first_" + i, Completion.success(null));
			second.dispatch("jrn_second_" + i, Completion.success(null));
		}
		assertThat(streamLength()).isEqualTo(20);
		this.authority = new Authority(port).startAnswering();
		await().atMost(Duration.ofSeconds(60)).until(() -> streamLength() == 0);
		for (int i = 0; i < 10; i++) {
			assertThat(this.authority.completionsOf("jrn_first_" + i)).as("jrn_first_" + i).hasSize(1);
			assertThat(this.authority.completionsOf("jrn_second_" + i)).as("jrn_second_" + i).hasSize(1);
		}
		assertThat(first.pendingCount() + second.pendingCount()).isZero();
		assertThat(first.droppedCount() + second.droppedCount()).isZero();
	}

	@Test
	void completionsOfAReplicaKilledAbruptlyAreDeliveredByAnotherAfterTheLease() throws Exception {
		int count = 5;
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				CompletionReplica.class.getName(), String.valueOf(this.redis.port()), this.stream,
				"http://127.0.0.1:" + RedisServer.freePort(), String.valueOf(count), "jrn_killed_");
		builder.redirectErrorStream(true);
		Process child = builder.start();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null && !line.startsWith("APPENDED")) {
				// the replica's start-up log
			}
			assertThat(line).isEqualTo("APPENDED " + count);
			// the replica takes the entries: they are pending with it when it dies
			await().atMost(Duration.ofSeconds(20)).until(() -> pendingInGroup() == count);
		}
		finally {
			child.destroyForcibly();
			assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(streamLength()).isEqualTo(count);
		AsyncCompletionDispatcher survivor = replica(this.authority, Duration.ofSeconds(1));
		await().atMost(Duration.ofSeconds(60)).until(() -> streamLength() == 0);
		for (int i = 0; i < count; i++) {
			assertThat(this.authority.completionsOf("jrn_killed_" + i)).as("jrn_killed_" + i).hasSize(1);
		}
		assertThat(survivor.droppedCount()).isZero();
	}

	@Test
	void anExecutionRecordLeftByAReplicaIsDeliveredByAnotherWithItsKeyAndFields() {
		int port = this.authority.port();
		this.authority.stop();
		SpecoraClient downClient = new Authority(port).vendorClient();
		AsyncCompletionDispatcher first = replica(downClient, Duration.ofSeconds(1), Clock.systemUTC(), 100);
		first.dispatchExecutionRecord(ExecutionRecordRequest.builder(Provider.OPENAI, "gpt-4o")
			.tokens(1200, 300)
			.costMicros(4500)
			.duration(Duration.ofMillis(850))
			.externalRunId("run-7")
			.metadata("authorization_id", "auth_1")
			.metadata("attempt", 2)
			.build());
		assertThat(streamLength()).isEqualTo(1);
		Object key = this.fixtures.template(this.redis.port())
			.opsForStream()
			.range(this.stream, org.springframework.data.domain.Range.unbounded())
			.get(0)
			.getValue()
			.get("r");
		first.stop();
		assertThat(streamLength()).as("left in Redis for another replica").isEqualTo(1);
		this.authority = new Authority(port).startAnswering();
		AsyncCompletionDispatcher second = replica(this.authority.vendorClient(), Duration.ofSeconds(1),
				Clock.systemUTC(), 100);
		await().atMost(Duration.ofSeconds(60)).until(() -> streamLength() == 0);
		assertThat(this.authority.executions()).singleElement().satisfies((request) -> {
			assertThat(request.getHeader("Idempotency-Key")).isEqualTo(key);
			assertThat(request.getBodyAsString()).contains("\"provider\":\"openai\"", "\"model\":\"gpt-4o\"",
					"\"cost_micros\":4500", "\"input_tokens\":1200", "\"output_tokens\":300",
					"\"duration_ms\":850", "\"success\":true", "\"external_run_id\":\"run-7\"",
					"\"authorization_id\":\"auth_1\"", "\"attempt\":2");
		});
		assertThat(second.deliveredExecutionRecordCount()).isEqualTo(1);
		assertThat(this.authority.completions()).isEmpty();
		downClient.close();
	}

	@Test
	void aDeliveryInFlightAtTheEndOfTheShutdownTimeoutStaysInRedisForAnotherReplica(CapturedOutput output) {
		this.authority.server()
			.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(Authority.COMPLETE)
				.atPriority(1)
				.willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{}").withFixedDelay(5_000)));
		AsyncCompletionDispatcher first = AsyncCompletionDispatcher.builder(this.authority.client().reactive())
			.store(new RedisCompletionStore(this.fixtures.template(this.redis.port()), this.stream,
					RedisCompletionStore.DEFAULT_GROUP, Duration.ofSeconds(1)))
			.shutdownTimeout(Duration.ofMillis(500))
			.build();
		first.start();
		first.dispatch("jrn_cut_off", Completion.success(null));
		await().atMost(Duration.ofSeconds(20)).until(() -> !this.authority.completions().isEmpty());
		first.stop();
		assertThat(first.droppedCount()).isZero();
		assertThat(streamLength()).isEqualTo(1);
		assertThat(output).contains("stay in the completion store for another replica");
		this.authority.reset();
		replica(this.authority, Duration.ofSeconds(1));
		await().atMost(Duration.ofSeconds(60)).until(() -> streamLength() == 0);
		assertThat(this.authority.completionsOf("jrn_cut_off")).hasSize(1);
	}

	@Test
	void redisDownAtDispatchKeepsTheCompletionInMemoryAndDeliversIt(CapturedOutput output) throws Exception {
		AsyncCompletionDispatcher dispatcher = replica(this.authority, Duration.ofSeconds(30));
		this.redis.stop();
		dispatcher.dispatch("jrn_fallback", Completion.success(null));
		assertThat(output).containsPattern("WARN .*jrn_fallback kept in memory");
		await().atMost(Duration.ofSeconds(30)).until(() -> !this.authority.completionsOf("jrn_fallback").isEmpty());
		assertThat(this.authority.completionsOf("jrn_fallback")).hasSize(1);
		assertThat(dispatcher.droppedCount()).isZero();
	}

	@Test
	void aFullStreamDropsTheCompletionLogsItsJournalIdAndCountsIt(CapturedOutput output) {
		int port = this.authority.port();
		this.authority.stop();
		AsyncCompletionDispatcher dispatcher = replica(new Authority(port), Duration.ofSeconds(30),
				Clock.systemUTC(), 2);
		dispatcher.dispatch("jrn_cap_1", Completion.success(null));
		dispatcher.dispatch("jrn_cap_2", Completion.success(null));
		dispatcher.dispatch("jrn_cap_3", Completion.success(null));
		assertThat(streamLength()).isEqualTo(2);
		assertThat(dispatcher.droppedCount(CompletionDropReason.QUEUE_FULL)).isEqualTo(1);
		assertThat(output).containsPattern("ERROR .*jrn_cap_3 dropped: the completion queue is full");
		this.authority = new Authority(port).startAnswering();
	}

	@Test
	void aCompletionPastTheMaximumAgeIsDroppedLoggedCountedAndRemoved(CapturedOutput output) {
		int port = this.authority.port();
		this.authority.stop();
		MutableClock clock = new MutableClock();
		AsyncCompletionDispatcher dispatcher = replica(new Authority(port), Duration.ofSeconds(30), clock, 100);
		dispatcher.dispatch("jrn_too_old", Completion.success(null));
		await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().contains("jrn_too_old not delivered"));
		clock.advance(Duration.ofHours(1));
		await().atMost(Duration.ofSeconds(30)).until(() -> streamLength() == 0);
		assertThat(dispatcher.droppedCount()).isEqualTo(1);
		assertThat(output).containsPattern("ERROR .*jrn_too_old dropped after \\d+ attempts: it is older than");
		this.authority = new Authority(port).start();
	}

	@Test
	void theActuatorEndpointAndHealthShowTheStoreAndItsBacklog() {
		int port = this.authority.port();
		this.authority.stop();
		Authority down = new Authority(port);
		AsyncCompletionDispatcher dispatcher = replica(down, Duration.ofSeconds(30));
		dispatcher.dispatch("jrn_backlog_1", Completion.success(null));
		dispatcher.dispatch("jrn_backlog_2", Completion.success(null));
		SpecoraEndpoint.Completions completions = new SpecoraEndpoint(down.client(), true, dispatcher, null,
				new SpecoraErrorRecorder())
			.specora()
			.enforcement()
			.completions();
		assertThat(completions.store()).isEqualTo("redis");
		assertThat(completions.pending()).isEqualTo(2);
		Health health = new SpecoraHealthIndicator(down.client(), dispatcher).health();
		assertThat(health.getDetails()).containsEntry("completionStore", "redis").containsEntry("completionBacklog", 2);
		this.authority = new Authority(port).startAnswering();
	}

	@Test
	void twoEntriesOfOneJournalEntryAreNeverDeliveredAtTheSameTime() throws Exception {
		try (SlowAuthority slow = new SlowAuthority(Duration.ofMillis(200));
				ai.specora.client.SpecoraClient client = slow.client()) {
			RedisCompletionStream stream = new RedisCompletionStream(this.fixtures.template(this.redis.port()),
					this.stream, RedisCompletionStore.DEFAULT_GROUP, "appender", 100);
			for (int i = 0; i < 3; i++) {
				stream.append(new PendingCompletion("jrn_same", Completion.success(null), Instant.now()));
				stream.append(new PendingCompletion("jrn_other_" + i, Completion.success(null), Instant.now()));
			}
			AsyncCompletionDispatcher dispatcher = AsyncCompletionDispatcher.builder(client.reactive())
				.store(new RedisCompletionStore(this.fixtures.template(this.redis.port()), this.stream,
						RedisCompletionStore.DEFAULT_GROUP, Duration.ofSeconds(30)))
				.shutdownTimeout(Duration.ofSeconds(2))
				.build();
			this.dispatchers.add(dispatcher);
			dispatcher.start();
			await().atMost(Duration.ofSeconds(30)).until(() -> streamLength() == 0);
			assertThat(slow.maxInFlightPerJournalId()).isEqualTo(1);
			assertThat(slow.maxInFlight()).isGreaterThan(1);
		}
	}

	@Test
	void aRedisThatDoesNotAnswerHoldsNoCallerAndEveryCompletionIsDeliveredOnceItIsBack() throws Exception {
		int port = this.authority.port();
		this.authority.stop();
		AsyncCompletionDispatcher dispatcher = replica(new Authority(port), Duration.ofSeconds(30));
		dispatcher.dispatch("jrn_warm_up", Completion.success(null));
		Thread sleeper = sleepRedis(12);
		try {
			List<Thread> callers = new ArrayList<>();
			List<Duration> handOvers = new java.util.concurrent.CopyOnWriteArrayList<>();
			for (int i = 0; i < 5; i++) {
				String journalId = "jrn_hung_" + i;
				callers.add(started(() -> {
					long start = System.nanoTime();
					dispatcher.dispatch(journalId, Completion.success(null));
					handOvers.add(Duration.ofNanos(System.nanoTime() - start));
				}));
			}
			for (Thread caller : callers) {
				caller.join(30_000);
			}
			// the Redis command timeout is 2 s: callers waiting on each other would take 2, 4, 6, 8 and 10 s
			assertThat(handOvers).hasSize(5).allSatisfy((took) -> assertThat(took).isLessThan(Duration.ofSeconds(1)));
			// the stream's length cannot be read: the backlog is what this process holds, the five in memory
			// and the warm-up one if this replica had read it before Redis stopped answering
			assertThat(dispatcher.pendingCount()).isBetween(5, 6);
		}
		finally {
			sleeper.join(30_000);
		}
		// Redis answers again: the completions kept in memory move to the stream
		await().atMost(Duration.ofSeconds(30)).until(() -> journalIdsInStream().containsAll(
				List.of("jrn_hung_0", "jrn_hung_1", "jrn_hung_2", "jrn_hung_3", "jrn_hung_4")));
		this.authority = new Authority(port).startAnswering();
		await().atMost(Duration.ofSeconds(60)).until(() -> streamLength() == 0 && dispatcher.pendingCount() == 0);
		for (int i = 0; i < 5; i++) {
			// an append that timed out may still have reached Redis: a second copy, with the same idempotency key
			assertThat(this.authority.completionsOf("jrn_hung_" + i)).as("jrn_hung_" + i)
				.isNotEmpty()
				.extracting((request) -> request.getHeader("Idempotency-Key"))
				.containsOnly(this.authority.completionsOf("jrn_hung_" + i).get(0).getHeader("Idempotency-Key"));
		}
		assertThat(dispatcher.droppedCount()).isZero();
	}

	private static Thread started(Runnable task) {
		Thread thread = new Thread(task);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	/**
	 * Makes the Redis server stop answering anyone for some seconds ({@code DEBUG SLEEP}).
	 */
	private Thread sleepRedis(int seconds) throws Exception {
		java.util.concurrent.CountDownLatch sent = new java.util.concurrent.CountDownLatch(1);
		Thread sleeper = started(() -> {
			try (java.net.Socket socket = new java.net.Socket("127.0.0.1", this.redis.port())) {
				String arg = Integer.toString(seconds);
				socket.getOutputStream()
					.write(("*3\r\n$5\r\nDEBUG\r\n$5\r\nSLEEP\r\n$" + arg.length() + "\r\n" + arg + "\r\n")
						.getBytes(StandardCharsets.US_ASCII));
				socket.getOutputStream().flush();
				sent.countDown();
				socket.getInputStream().read();
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
		assertThat(sent.await(5, TimeUnit.SECONDS)).isTrue();
		Thread.sleep(300);
		return sleeper;
	}

	@Test
	void duringARedisOutageOnlyTheFirstHandOverWaitsForTheAppendTimeout() throws Exception {
		AsyncCompletionDispatcher dispatcher = replica(this.authority, Duration.ofSeconds(30));
		dispatcher.dispatch("jrn_before_outage", Completion.success(null));
		await().atMost(Duration.ofSeconds(30)).until(() -> !this.authority.completionsOf("jrn_before_outage").isEmpty());
		Thread sleeper = sleepRedis(8);
		List<Duration> handOvers = new ArrayList<>();
		try {
			Thread.sleep(100);
			for (int i = 0; i < 100; i++) {
				long start = System.nanoTime();
				dispatcher.dispatch("jrn_outage_" + i, Completion.success(null));
				handOvers.add(Duration.ofNanos(System.nanoTime() - start));
				Thread.sleep(20);
			}
		}
		finally {
			sleeper.join(30_000);
		}
		// the append timeout is 200 ms: the first hand-over waits it out, the others see Redis stalled
		assertThat(handOvers.stream().filter((took) -> took.compareTo(Duration.ofMillis(100)) >= 0))
			.as("hand-overs of 100 ms or more, of %s", handOvers)
			.hasSizeLessThanOrEqualTo(1);
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			for (int i = 0; i < 100; i++) {
				if (this.authority.completionsOf("jrn_outage_" + i).isEmpty()) {
					return false;
				}
			}
			return true;
		});
		assertThat(dispatcher.droppedCount()).isZero();
	}

	@Test
	void completionsLostWithTheStreamBeforeAnyReplicaReadThemAreHandedOverAgain(CapturedOutput output) {
		this.authority.server()
			.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(Authority.COMPLETE)
				.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("jrn_slow"))
				.atPriority(1)
				.willReturn(com.github.tomakehurst.wiremock.client.WireMock
					.okJson("{\"journal_id\": \"jrn_slow\", \"status\": \"success\", \"recorded\": true}")
					.withFixedDelay(3_000)));
		// one delivery in flight at a time: while the slow one is, nothing else is read from the stream
		AsyncCompletionDispatcher dispatcher = AsyncCompletionDispatcher.builder(this.authority.client().reactive())
			.store(new RedisCompletionStore(this.fixtures.template(this.redis.port()), this.stream,
					RedisCompletionStore.DEFAULT_GROUP, Duration.ofSeconds(30)))
			.maxInFlight(1)
			.backoff(Duration.ofMillis(50), Duration.ofMillis(200))
			.build();
		dispatcher.start();
		this.dispatchers.add(dispatcher);
		dispatcher.dispatch("jrn_slow", Completion.success(null));
		await().atMost(Duration.ofSeconds(20)).until(() -> !this.authority.completionsOf("jrn_slow").isEmpty());
		for (int i = 0; i < 5; i++) {
			dispatcher.dispatch("jrn_unread_" + i, Completion.success(null));
		}
		assertThat(journalIdsInStream()).contains("jrn_unread_0", "jrn_unread_4");
		this.fixtures.template(this.redis.port())
			.execute((org.springframework.data.redis.core.RedisCallback<Object>) (connection) -> {
				connection.serverCommands().flushAll();
				return null;
			});
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			for (int i = 0; i < 5; i++) {
				if (this.authority.completionsOf("jrn_unread_" + i).isEmpty()) {
					return false;
				}
			}
			return true;
		});
		assertThat(output).contains("hands over again the 5 completions");
		assertThat(dispatcher.droppedCount()).isZero();
	}

	@Test
	void aLostStreamOrGroupIsCreatedAgainAndLaterCompletionsAreDelivered(CapturedOutput output) {
		AsyncCompletionDispatcher dispatcher = replica(this.authority, Duration.ofSeconds(30));
		dispatcher.dispatch("jrn_before_flush", Completion.success(null));
		await().atMost(Duration.ofSeconds(30)).until(() -> streamLength() == 0
				&& !this.authority.completionsOf("jrn_before_flush").isEmpty());
		StringRedisTemplate template = this.fixtures.template(this.redis.port());
		template.execute((org.springframework.data.redis.core.RedisCallback<Object>) (connection) -> {
			connection.serverCommands().flushAll();
			return null;
		});
		for (int i = 0; i < 5; i++) {
			dispatcher.dispatch("jrn_after_flush_" + i, Completion.success(null));
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> streamLength() == 0 && dispatcher.pendingCount() == 0);
		for (int i = 0; i < 5; i++) {
			assertThat(this.authority.completionsOf("jrn_after_flush_" + i)).as("jrn_after_flush_" + i).isNotEmpty();
		}
		assertThat(output.getOut().split("consumer group .* was lost", -1)).hasSize(2);
		assertThat(dispatcher.droppedCount()).isZero();
	}

	@Test
	void aSecondCompletionOfAJournalEntryIsCountedAsADuplicateAsInMemory(CapturedOutput output) {
		int port = this.authority.port();
		this.authority.stop();
		AsyncCompletionDispatcher dispatcher = replica(new Authority(port), Duration.ofSeconds(30));
		dispatcher.dispatch("jrn_dup", Completion.success(null));
		dispatcher.dispatch("jrn_dup", Completion.success(null));
		assertThat(streamLength()).isEqualTo(1);
		assertThat(dispatcher.droppedCount(CompletionDropReason.DUPLICATE)).isEqualTo(1);
		assertThat(dispatcher.droppedCount()).isEqualTo(1);
		assertThat(output).containsPattern("WARN .*jrn_dup dropped as a duplicate");
		this.authority = new Authority(port).startAnswering();
	}

	@Test
	void theOldestEntrysAgeIsReadFromTheStream() {
		int port = this.authority.port();
		this.authority.stop();
		MutableClock clock = new MutableClock();
		AsyncCompletionDispatcher dispatcher = replica(new Authority(port), Duration.ofSeconds(30), clock, 100);
		assertThat(dispatcher.oldestAge()).isZero();
		dispatcher.dispatch("jrn_aged_1", Completion.success(null));
		clock.advance(Duration.ofSeconds(5));
		dispatcher.dispatch("jrn_aged_2", Completion.success(null));
		clock.advance(Duration.ofSeconds(15));
		assertThat(dispatcher.oldestAge()).isBetween(Duration.ofSeconds(19), Duration.ofSeconds(21));
		this.authority = new Authority(port).startAnswering();
	}

	@Test
	void anUnreadableEntryIsRemovedAndCounted(CapturedOutput output) {
		this.fixtures.template(this.redis.port()).opsForStream().add(this.stream, java.util.Map.of("j", "jrn_garbled"));
		AsyncCompletionDispatcher dispatcher = replica(this.authority, Duration.ofSeconds(30));
		await().atMost(Duration.ofSeconds(30)).until(() -> streamLength() == 0);
		assertThat(dispatcher.droppedCount(CompletionDropReason.UNREADABLE)).isEqualTo(1);
		assertThat(output).containsPattern("ERROR .*jrn_garbled dropped: .*cannot be read.*reason unreadable");
	}

	@Test
	void theTemplateStaysUsableForTheApplication() {
		StringRedisTemplate template = this.fixtures.template(this.redis.port());
		replica(this.authority, Duration.ofSeconds(30)).dispatch("jrn_plain", Completion.success(null));
		await().atMost(Duration.ofSeconds(30)).until(() -> !this.authority.completionsOf("jrn_plain").isEmpty());
		await().atMost(Duration.ofSeconds(30)).until(() -> template.opsForStream().size(this.stream) == 0);
	}

	static final class MutableClock extends Clock {

		private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

		void advance(Duration duration) {
			this.now.updateAndGet((instant) -> instant.plus(duration));
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now.get();
		}

	}

}
