package ai.specora.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link SpecoraClient#close()}: the attempt timer's thread stops with the last open
 * client and starts again with the next, calls after close fail, and calls in flight
 * end. Each test keeps its limits on a wheel of its own, which no other client of the
 * test JVM holds, and records the threads that wheel starts.
 */
@Timeout(60)
class SpecoraClientCloseTest {

	@RegisterExtension
	static WireMockExtension authority = ClientFixtures.authority();

	private final List<Thread> timerThreads = new CopyOnWriteArrayList<>();

	private final AttemptTimer.SharedWheel wheel = new AttemptTimer.SharedWheel((runnable) -> {
		Thread thread = AttemptTimer.SharedWheel.daemonThread(runnable);
		this.timerThreads.add(thread);
		return thread;
	});

	@BeforeEach
	void allow() {
		authority.stubFor(post("/v1/runtime/enforce").willReturn(ClientFixtures.json(200, ClientFixtures.allow("jrn_1"))));
	}

	@Test
	void theTimerThreadStopsWithTheLastClientAndStartsAgainWithTheNext() throws InterruptedException {
		SpecoraClient first = client().build();
		SpecoraClient second = client().build();
		assertThat(this.timerThreads).as("no thread before the first attempt").isEmpty();
		first.enforce(ClientFixtures.dbWrite());
		second.enforce(ClientFixtures.dbWrite());
		assertThat(this.timerThreads).hasSize(1);
		Thread thread = this.timerThreads.get(0);
		assertThat(thread.getName()).isEqualTo("specora-attempt-timer");
		assertThat(thread.isAlive()).isTrue();
		first.close();
		assertThat(thread.isAlive()).as("the second client still needs it").isTrue();
		second.close();
		thread.join(5000);
		assertThat(thread.isAlive()).as("stopped with the last client").isFalse();
		assertThat(this.wheel.shares()).isZero();
		SpecoraClient third = client().build();
		third.enforce(ClientFixtures.dbWrite());
		assertThat(this.timerThreads).hasSize(2);
		Thread restarted = this.timerThreads.get(1);
		assertThat(restarted.getName()).isEqualTo("specora-attempt-timer");
		assertThat(restarted.isAlive()).isTrue();
		third.close();
		restarted.join(5000);
		assertThat(restarted.isAlive()).isFalse();
	}

	@Test
	void closingTwiceGivesTheShareBackOnce() {
		SpecoraClient first = client().build();
		SpecoraClient second = client().build();
		first.enforce(ClientFixtures.dbWrite());
		second.enforce(ClientFixtures.dbWrite());
		assertThat(this.wheel.shares()).isEqualTo(2);
		first.close();
		first.close();
		assertThat(first.isClosed()).isTrue();
		assertThat(this.wheel.shares()).isEqualTo(1);
		assertThat(this.timerThreads.get(0).isAlive()).isTrue();
		second.close();
		assertThat(this.wheel.shares()).isZero();
	}

	@Test
	void aClientClosedBeforeItsFirstCallNeverStartsTheTimer() {
		SpecoraClient client = client().build();
		client.close();
		assertThat(this.wheel.shares()).isZero();
		assertThat(this.timerThreads).isEmpty();
	}

	@Test
	void callsAfterCloseFailWhateverTheFailModeAndSendNothing() {
		SpecoraClient client = client().failMode(FailMode.OPEN).build();
		client.close();
		authority.resetRequests();
		assertThatIllegalStateException().isThrownBy(() -> client.enforce(ClientFixtures.dbWrite()))
			.withMessageContaining("closed");
		assertThatIllegalStateException().isThrownBy(() -> client.platform().getRiskScore())
			.withMessageContaining("closed");
		assertThat(authority.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void aCallInFlightWhenTheLastClientClosesEndsAtOnce() throws Exception {
		try (HangingServer hanging = new HangingServer()) {
			SpecoraClient client = SpecoraClient.builder()
				.baseUrl(hanging.baseUrl())
				.apiKey(ClientFixtures.API_KEY)
				.orgId(ClientFixtures.ORG_ID)
				.timeout(Duration.ofSeconds(30))
				.deadline(Duration.ofSeconds(60))
				.attemptTimerWheel(this.wheel)
				.build();
			CompletableFuture<EnforcementResult> call = client.reactive().enforce(ClientFixtures.dbWrite()).toFuture();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (hanging.connections() == 0 && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			assertThat(hanging.connections()).as("the call reached the server").isPositive();
			client.close();
			assertThat(call).failsWithin(Duration.ofSeconds(10))
				.withThrowableOfType(ExecutionException.class)
				.havingCause()
				.isInstanceOf(IllegalStateException.class)
				.withMessageContaining("closed");
		}
	}

	private SpecoraClientBuilder client() {
		return ClientFixtures.client(authority).attemptTimerWheel(this.wheel);
	}

}
