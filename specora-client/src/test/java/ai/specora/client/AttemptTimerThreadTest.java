package ai.specora.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What runs on the attempt timer's thread: nothing of the caller. An expired attempt
 * is handed over, so that a continuation of the caller (a fail-open method body, say)
 * neither runs on the timer thread nor holds up another client's time limits.
 */
@Timeout(60)
class AttemptTimerThreadTest {

	private final HangingServer server = new HangingServer();

	@AfterEach
	void stopServer() {
		this.server.close();
	}

	@Test
	void aFailOpenContinuationAfterATimeoutDoesNotRunOnTheTimerThread() {
		SpecoraClient client = client(Duration.ofMillis(200), FailMode.OPEN);
		String thread = client.reactive()
			.enforce(ClientFixtures.dbWrite())
			.map((result) -> {
				assertThat(result.source()).isEqualTo(DecisionSource.FAIL_OPEN);
				return Thread.currentThread().getName();
			})
			.block(Duration.ofSeconds(10));
		assertThat(thread).isNotEqualTo(AttemptTimer.THREAD_NAME);
	}

	@Test
	void aFailClosedErrorAfterATimeoutIsNotSignalledOnTheTimerThread() {
		SpecoraClient client = client(Duration.ofMillis(200), FailMode.CLOSED);
		String thread = client.reactive()
			.enforce(ClientFixtures.dbWrite())
			.map((result) -> "a decision")
			.onErrorResume(FailClosedException.class, (ex) -> Mono.fromSupplier(() -> Thread.currentThread().getName()))
			.block(Duration.ofSeconds(10));
		assertThat(thread).isNotEqualTo(AttemptTimer.THREAD_NAME).isNotEqualTo("a decision");
	}

	/**
	 * One client's fail-open continuation blocks until another client's call has ended;
	 * the other's time limit is later than the first's. Were expiries signalled on the
	 * timer thread, the other's would wait behind the blocked continuation (for its
	 * 10 s bound) and never arrive within 5 s.
	 */
	@Test
	void aBlockingContinuationAfterOneClientsTimeoutDoesNotDelayAnotherClientsTimeout() throws Exception {
		SpecoraClient blocking = client(Duration.ofMillis(200), FailMode.OPEN);
		SpecoraClient other = client(Duration.ofSeconds(1), FailMode.OPEN);
		blocking.warmUp();
		other.warmUp();
		CountDownLatch otherEnded = new CountDownLatch(1);
		CompletableFuture<Boolean> blockingBody = blocking.reactive()
			.enforce(ClientFixtures.dbWrite())
			.map((result) -> await(otherEnded))
			.toFuture();
		EnforcementResult otherResult = other.reactive()
			.enforce(ClientFixtures.dbWrite())
			.doFinally((signal) -> otherEnded.countDown())
			.block(Duration.ofSeconds(5));
		assertThat(otherResult.source()).isEqualTo(DecisionSource.FAIL_OPEN);
		assertThat(blockingBody.get(10, TimeUnit.SECONDS)).as("the blocked body saw the other call end").isTrue();
	}

	private static boolean await(CountDownLatch latch) {
		try {
			return latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private SpecoraClient client(Duration timeout, FailMode failMode) {
		return SpecoraClient.builder()
			.baseUrl(this.server.baseUrl())
			.apiKey(ClientFixtures.API_KEY)
			.orgId(ClientFixtures.ORG_ID)
			.timeout(timeout)
			.deadline(Duration.ofSeconds(30))
			.retries(0)
			.failMode(failMode)
			.build();
	}

}
