package ai.specora.spring.enforcement.completion;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.dao.QueryTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The worker never waits for Redis longer than the limit, a command given up keeps the
 * next ones from piling up behind it, and its late answer is handed on.
 */
class WorkerRedisCallsTests {

	private final WorkerRedisCalls calls = new WorkerRedisCalls(Duration.ofMillis(100));

	@Test
	void anAnswerInTimeIsReturned() {
		assertThat(this.calls.call(() -> "entries")).isEqualTo("entries");
		assertThat(this.calls.call(() -> "more")).isEqualTo("more");
	}

	@Test
	void aCommandsOwnFailureIsRaisedAsIs() {
		assertThatExceptionOfType(QueryTimeoutException.class)
			.isThrownBy(() -> this.calls.call(() -> {
				throw new QueryTimeoutException("Redis command timed out");
			}));
		assertThat(this.calls.call(() -> "after")).isEqualTo("after");
	}

	@Test
	void aCommandWithoutAnswerIsGivenUpTheNextFailAtOnceAndItsLateAnswerIsHandedOn() throws Exception {
		CountDownLatch redisAnswers = new CountDownLatch(1);
		AtomicReference<String> late = new AtomicReference<>();
		long start = System.nanoTime();
		assertThatExceptionOfType(CompletionStoreException.class).isThrownBy(() -> this.calls.call(() -> {
			waitFor(redisAnswers);
			return "late entries";
		}, late::set)).withMessageContaining("did not answer within PT0.1S");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		long next = System.nanoTime();
		assertThatExceptionOfType(CompletionStoreException.class).isThrownBy(() -> this.calls.call(() -> "next"))
			.withMessageContaining("has not answered a command given up before");
		assertThat(Duration.ofNanos(System.nanoTime() - next)).isLessThan(Duration.ofMillis(100));
		redisAnswers.countDown();
		await().atMost(Duration.ofSeconds(10)).until(() -> "late entries".equals(late.get()));
		assertThat(this.calls.call(() -> "answered again")).isEqualTo("answered again");
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
