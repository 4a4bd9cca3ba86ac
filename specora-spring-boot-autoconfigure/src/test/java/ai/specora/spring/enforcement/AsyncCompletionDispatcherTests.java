package ai.specora.spring.enforcement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import ai.specora.client.Completion;
import ai.specora.client.CompletionStatus;
import ai.specora.spring.enforcement.completion.AsyncCompletionDispatcher;
import ai.specora.spring.enforcement.completion.CompletionDropReason;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Background delivery of completions: retried through outages with the same
 * idempotency key, bounded, drained at shutdown, and never silently lost.
 */
@ExtendWith(OutputCaptureExtension.class)
class AsyncCompletionDispatcherTests {

	private final Authority authority = new Authority().start();

	private AsyncCompletionDispatcher dispatcher;

	@BeforeEach
	void stubCompletions() {
		this.authority.reset();
	}

	@AfterEach
	void stop() {
		if (this.dispatcher != null) {
			this.dispatcher.stop();
		}
		this.authority.stop();
	}

	private AsyncCompletionDispatcher.Builder builder() {
		return AsyncCompletionDispatcher.builder(this.authority.client().reactive())
			.backoff(Duration.ofMillis(20), Duration.ofMillis(100))
			.shutdownTimeout(Duration.ofMillis(500));
	}

	@Test
	void deliversInTheBackground() {
		this.dispatcher = builder().build();
		CompletionStage<Void> stage = this.dispatcher.dispatch("jrn_1", Completion.success(null));
		assertThat(stage.toCompletableFuture()).isDone();
		await().atMost(Duration.ofSeconds(30)).until(() -> this.dispatcher.pendingCount() == 0);
		assertThat(this.authority.completionsOf("jrn_1")).isNotEmpty()
			.extracting((request) -> request.getHeader("Idempotency-Key"))
			.containsOnly(JsonPath.parse(this.authority.completionsOf("jrn_1").get(0).getBodyAsString())
				.<String>read("$.request_id"));
	}

	@Test
	void retriesThroughAnOutageWithTheSameCompletionAndDeliversItOnce() {
		String scenario = "outage";
		for (int i = 0; i < 4; i++) {
			this.authority.server()
				.stubFor(post(urlEqualTo(Authority.COMPLETE)).inScenario(scenario)
					.whenScenarioStateIs((i == 0) ? Scenario.STARTED : "failed-" + i)
					.willReturn(aResponse().withStatus(503))
					.willSetStateTo("failed-" + (i + 1)));
		}
		this.authority.server()
			.stubFor(post(urlEqualTo(Authority.COMPLETE)).inScenario(scenario)
				.whenScenarioStateIs("failed-4")
				.willReturn(okJson("{\"journal_id\": \"jrn_1\", \"status\": \"success\", \"recorded\": true}"))
				.willSetStateTo("recorded"));
		this.dispatcher = builder().build();
		Completion completion = Completion.success(null);
		this.dispatcher.dispatch("jrn_1", completion);
		await().atMost(Duration.ofSeconds(30)).until(() -> this.dispatcher.pendingCount() == 0);
		List<LoggedRequest> deliveries = this.authority.completionsOf("jrn_1");
		assertThat(deliveries).hasSizeGreaterThanOrEqualTo(5);
		assertThat(deliveries).extracting((request) -> request.getHeader("Idempotency-Key"))
			.containsOnly(completion.requestId().toString());
		assertThat(deliveries).extracting((request) -> JsonPath.parse(request.getBodyAsString()).read("$.request_id"))
			.containsOnly(completion.requestId().toString());
	}

	@Test
	void survivesTheAuthorityBeingDownForSecondsAndDeliversExactlyOnce() throws Exception {
		int port = this.authority.port();
		this.authority.stop();
		this.dispatcher = builder().build();
		Completion completion = Completion.success(null);
		this.dispatcher.dispatch("jrn_down", completion);
		Thread.sleep(1500);
		assertThat(this.dispatcher.pendingCount()).isEqualTo(1);
		Authority restarted = new Authority(port).startAnswering();
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> this.dispatcher.pendingCount() == 0);
			List<LoggedRequest> deliveries = restarted.completionsOf("jrn_down");
			assertThat(deliveries).hasSize(1);
			assertThat(deliveries.get(0).getHeader("Idempotency-Key")).isEqualTo(completion.requestId().toString());
		}
		finally {
			this.dispatcher.stop();
			restarted.stop();
		}
	}

	@Test
	void retriesThroughAnOutageAreLoggedAtMostOnceAnIntervalNotOnceAnAttempt(CapturedOutput output)
			throws Exception {
		this.authority.server().stubFor(post(urlEqualTo(Authority.COMPLETE)).willReturn(aResponse().withStatus(503)));
		this.dispatcher = builder().build();
		for (int i = 0; i < 30; i++) {
			this.dispatcher.dispatch("jrn_outage_" + i, Completion.success(null));
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.authority.completions().size() >= 150);
		long warnings = output.getOut().lines().filter((line) -> line.contains("not delivered (attempt")).count();
		assertThat(warnings).as("WARN lines for %d failed attempts", this.authority.completions().size())
			.isBetween(1L, 2L);
		assertThat(this.dispatcher.pendingCount()).isEqualTo(30);
	}

	@Test
	void fullQueueDropsTheCompletionAndLogsItsJournalIdAtError(CapturedOutput output) {
		this.authority.server()
			.stubFor(post(urlEqualTo(Authority.COMPLETE)).willReturn(aResponse().withStatus(503)));
		this.dispatcher = builder().queueCapacity(1).build();
		this.dispatcher.dispatch("jrn_first", Completion.success(null));
		this.dispatcher.dispatch("jrn_overflow", Completion.success(null));
		assertThat(this.dispatcher.pendingCount()).isEqualTo(1);
		assertThat(output).containsPattern("ERROR .*jrn_overflow dropped: the completion queue is full.*reason queue_full");
		assertThat(this.dispatcher.droppedCount(CompletionDropReason.QUEUE_FULL)).isEqualTo(1);
		assertThat(this.dispatcher.droppedCount()).isEqualTo(1);
	}

	@Test
	void tooOldCompletionIsDroppedAndLogged(CapturedOutput output) {
		this.authority.server()
			.stubFor(post(urlEqualTo(Authority.COMPLETE)).willReturn(aResponse().withStatus(503)));
		MutableClock clock = new MutableClock();
		this.dispatcher = builder().maxAge(Duration.ofMinutes(1)).clock(clock).build();
		this.dispatcher.dispatch("jrn_old", Completion.success(null));
		await().atMost(Duration.ofSeconds(30)).until(() -> !this.authority.completionsOf("jrn_old").isEmpty());
		clock.advance(Duration.ofMinutes(2));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.dispatcher.pendingCount() == 0);
		assertThat(output).containsPattern("ERROR .*jrn_old dropped after \\d+ attempts: it is older than");
		assertThat(this.dispatcher.droppedCount(CompletionDropReason.MAX_AGE)).isEqualTo(1);
	}

	@Test
	void refusedCompletionIsDroppedAndLogged(CapturedOutput output) {
		this.authority.server()
			.stubFor(post(urlEqualTo(Authority.COMPLETE)).willReturn(aResponse().withStatus(422)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\": {\"code\": \"validation_error\", \"message\": \"bad cost\"}}")));
		this.dispatcher = builder().build();
		this.dispatcher.dispatch("jrn_refused", Completion.success(null));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.dispatcher.pendingCount() == 0);
		assertThat(this.authority.completionsOf("jrn_refused")).hasSize(1);
		assertThat(output).containsPattern(
				"ERROR .*jrn_refused dropped after 1 attempts: the authority refused it.*reason refused");
		assertThat(this.dispatcher.droppedCount(CompletionDropReason.REFUSED)).isEqualTo(1);
	}

	@Test
	void completionTheAuthorityAlreadyRecordedUnderAnotherRequestIdIsCountedAsADuplicate(CapturedOutput output) {
		this.authority.server()
			.stubFor(post(urlEqualTo(Authority.COMPLETE)).willReturn(aResponse().withStatus(409)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\": {\"code\": \"conflict\", \"message\": \"already completed\"}}")));
		this.dispatcher = builder().build();
		this.dispatcher.dispatch("jrn_conflict", Completion.success(null));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.dispatcher.pendingCount() == 0);
		assertThat(this.authority.completionsOf("jrn_conflict")).hasSize(1);
		assertThat(output).containsPattern("WARN .*jrn_conflict dropped as a duplicate after 1 attempts");
		assertThat(this.dispatcher.droppedCount(CompletionDropReason.DUPLICATE)).isEqualTo(1);
		assertThat(this.dispatcher.droppedCount(CompletionDropReason.REFUSED)).isZero();
	}

	@Test
	void secondCompletionOfAPendingJournalEntryIsCountedAsADuplicateDrop(CapturedOutput output) {
		this.authority.server()
			.stubFor(post(urlEqualTo(Authority.COMPLETE)).willReturn(aResponse().withStatus(503)));
		this.dispatcher = builder().build();
		this.dispatcher.dispatch("jrn_twice", Completion.success(null));
		this.dispatcher.dispatch("jrn_twice", Completion.builder(CompletionStatus.FAILURE).build());
		assertThat(this.dispatcher.pendingCount()).isEqualTo(1);
		assertThat(output).containsPattern("WARN .*jrn_twice dropped as a duplicate");
		assertThat(this.dispatcher.droppedCount(CompletionDropReason.DUPLICATE)).isEqualTo(1);
		assertThat(this.dispatcher.droppedCount()).isEqualTo(1);
	}

	@Test
	void theOldestWaitingCompletionsAgeIsMeasuredWithTheDispatchersClock() {
		this.authority.server()
			.stubFor(post(urlEqualTo(Authority.COMPLETE)).willReturn(aResponse().withStatus(503)));
		MutableClock clock = new MutableClock();
		this.dispatcher = builder().clock(clock).build();
		assertThat(this.dispatcher.oldestAge()).isZero();
		this.dispatcher.dispatch("jrn_aged_1", Completion.success(null));
		clock.advance(Duration.ofSeconds(30));
		this.dispatcher.dispatch("jrn_aged_2", Completion.success(null));
		clock.advance(Duration.ofSeconds(12));
		assertThat(this.dispatcher.oldestAge()).isEqualTo(Duration.ofSeconds(42));
	}

	@Test
	void shutdownDrainsTheQueue() {
		this.authority.server()
			.stubFor(post(urlEqualTo(Authority.COMPLETE)).willReturn(
					okJson("{\"journal_id\": \"x\", \"status\": \"success\", \"recorded\": true}").withFixedDelay(20)));
		this.dispatcher = builder().shutdownTimeout(Duration.ofSeconds(60)).build();
		for (int i = 0; i < 5; i++) {
			this.dispatcher.dispatch("jrn_drain_" + i, Completion.success(null));
		}
		this.dispatcher.stop();
		assertThat(this.dispatcher.pendingCount()).isZero();
		assertThat(this.authority.completions()).hasSize(5);
		assertThat(this.dispatcher.isRunning()).isFalse();
	}

	@Test
	void shutdownTimeoutDropsWhatIsLeftAndLogsIt(CapturedOutput output) {
		this.authority.server()
			.stubFor(post(urlEqualTo(Authority.COMPLETE)).willReturn(aResponse().withStatus(503)));
		this.dispatcher = builder().shutdownTimeout(Duration.ofMillis(300)).build();
		this.dispatcher.dispatch("jrn_stuck", Completion.success(null));
		long start = System.nanoTime();
		this.dispatcher.stop();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
		assertThat(this.dispatcher.pendingCount()).isZero();
		assertThat(output).containsPattern("ERROR .*jrn_stuck dropped after \\d+ attempts: the shutdown timeout");
		assertThat(this.dispatcher.droppedCount(CompletionDropReason.SHUTDOWN)).isEqualTo(1);
	}

	@Test
	void completionArrivingAfterShutdownIsDeliveredDirectly() {
		this.dispatcher = builder().build();
		this.dispatcher.start();
		this.dispatcher.stop();
		this.dispatcher.dispatch("jrn_late", Completion.success(null));
		assertThat(this.authority.completionsOf("jrn_late")).hasSize(1);
	}

	@Test
	void aDeliveryInFlightAtShutdownIsBoundedByTheTimeoutAndLoggedWhenCutOff(CapturedOutput output) {
		this.authority.server()
			.stubFor(post(urlEqualTo(Authority.COMPLETE)).willReturn(
					okJson("{\"journal_id\": \"x\", \"status\": \"success\", \"recorded\": true}").withFixedDelay(8000)));
		this.dispatcher = builder().shutdownTimeout(Duration.ofMillis(300)).build();
		this.dispatcher.dispatch("jrn_in_flight", Completion.success(null));
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.authority.completionsOf("jrn_in_flight").isEmpty());
		long start = System.nanoTime();
		this.dispatcher.stop();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		assertThat(this.dispatcher.pendingCount()).isZero();
		assertThat(this.dispatcher.droppedCount()).isEqualTo(1);
		assertThat(output).containsPattern("ERROR .*jrn_in_flight dropped after \\d+ attempts: the shutdown timeout");
	}

	@Test
	void anInterruptedWorkerGoesOnDelivering() {
		this.dispatcher = builder().build();
		this.dispatcher.start();
		Thread worker = await().atMost(Duration.ofSeconds(5)).until(AsyncCompletionDispatcherTests::worker,
				(thread) -> thread != null);
		worker.interrupt();
		this.dispatcher.dispatch("jrn_after_interrupt", Completion.success(null));
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.authority.completionsOf("jrn_after_interrupt").isEmpty());
		await().atMost(Duration.ofSeconds(10)).until(() -> this.dispatcher.pendingCount() == 0);
	}

	@Test
	void aWorkerKilledByAnErrorIsReplacedAndNothingIsLost(CapturedOutput output) {
		FailingOnceClock clock = new FailingOnceClock();
		this.dispatcher = builder().clock(clock).build();
		this.dispatcher.dispatch("jrn_error_1", Completion.success(null));
		await().atMost(Duration.ofSeconds(10)).until(() -> clock.failed);
		this.dispatcher.dispatch("jrn_error_2", Completion.success(null));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.dispatcher.pendingCount() == 0);
		assertThat(this.authority.completionsOf("jrn_error_1")).isNotEmpty();
		assertThat(this.authority.completionsOf("jrn_error_2")).isNotEmpty();
		assertThat(output).containsPattern("ERROR .*completion worker .*failed");
	}

	@Test
	void dispatchesRacingWithShutdownAreNeverStranded(CapturedOutput output) throws Exception {
		for (int i = 0; i < 20; i++) {
			AsyncCompletionDispatcher racing = builder().shutdownTimeout(Duration.ofSeconds(5)).build();
			racing.start();
			String journalId = "jrn_race_" + i;
			Thread stopper = new Thread(racing::stop);
			stopper.start();
			racing.dispatch(journalId, Completion.success(null)).toCompletableFuture().get(10, TimeUnit.SECONDS);
			stopper.join(10_000);
			assertThat(racing.pendingCount()).isZero();
			assertThat(!this.authority.completionsOf(journalId).isEmpty() || output.getOut().contains(journalId))
				.as(journalId + " delivered or logged")
				.isTrue();
		}
	}

	@Test
	void aCompletionArrivingAfterShutdownOnAnEventLoopThreadIsDelivered() {
		this.dispatcher = builder().build();
		this.dispatcher.start();
		this.dispatcher.stop();
		Mono.fromRunnable(() -> this.dispatcher.dispatch("jrn_event_loop", Completion.success(null)))
			.subscribeOn(Schedulers.parallel())
			.block(Duration.ofSeconds(5));
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.authority.completionsOf("jrn_event_loop").isEmpty());
		assertThat(this.dispatcher.droppedCount()).isZero();
	}

	private static Thread worker() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().startsWith("specora-completions") && thread.isAlive())
			.findFirst()
			.orElse(null);
	}

	@Test
	void settingsAreChecked() {
		assertThatIllegalArgumentException().isThrownBy(() -> builder().queueCapacity(0).build())
			.withMessageContaining("queue-capacity");
		assertThatIllegalArgumentException().isThrownBy(() -> builder().maxAge(Duration.ZERO).build())
			.withMessageContaining("max-age");
		assertThatIllegalArgumentException().isThrownBy(() -> builder().shutdownTimeout(Duration.ofSeconds(-1)).build())
			.withMessageContaining("shutdown-timeout");
	}

	/**
	 * Throws an {@link Error} the first time the delivery worker asks it for the time.
	 */
	static final class FailingOnceClock extends Clock {

		volatile boolean failed;

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			if (!this.failed && Thread.currentThread().getName().startsWith("specora-completions")) {
				this.failed = true;
				throw new AssertionError("the clock broke");
			}
			return Instant.now();
		}

	}

	static final class MutableClock extends Clock {

		private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-21T22:00:00Z"));

		void advance(Duration duration) {
			this.now.updateAndGet((instant) -> instant.plus(duration));
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now.get();
		}

	}

}
