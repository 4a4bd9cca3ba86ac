package ai.specora.spring.enforcement;

import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import ai.specora.client.ApprovalState;
import ai.specora.client.CompletionStatus;
import ai.specora.client.IdempotencyConflictException;
import ai.specora.client.JournalEntry;
import ai.specora.client.JournalStatus;
import ai.specora.client.SpecoraClient;
import ai.specora.client.SpecoraSuspendedException;
import ai.specora.localauthority.PolicyRule;
import ai.specora.localauthority.junit.LocalAuthorityExtension;
import ai.specora.spring.Enforced;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * {@code @Enforced(requestId = ...)} against the local authority: a suspended call,
 * approved, then retried with the same business id, is allowed on the same journal
 * entry and the method runs once, whatever the return kind.
 */
@SpringBootTest(classes = ApproveThenRetryTests.TestApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "specora.enforcement.completion.mode=sync")
class ApproveThenRetryTests {

	@RegisterExtension
	static LocalAuthorityExtension authority = LocalAuthorityExtension
		.configure((settings) -> settings.policy(PolicyRule.suspend("refunds", "refund*", "slack:#finance")));

	@DynamicPropertySource
	static void specora(DynamicPropertyRegistry registry) {
		registry.add("specora.base-url", authority::baseUrl);
		registry.add("specora.api-key", authority::apiKey);
		registry.add("specora.org-id", authority::orgId);
	}

	@Autowired
	Refunds refunds;

	@Autowired
	SpecoraClient client;

	@BeforeEach
	void reset() {
		this.refunds.runs().set(0);
	}

	@Test
	void blockingRetryAfterApprovalRunsOnceOnTheSameEntry() {
		SpecoraSuspendedException suspended = suspended(() -> this.refunds.refund("re_blocking", new BigDecimal("250")));
		assertThat(this.refunds.runs()).hasValue(0);
		assertThat(suspended(() -> this.refunds.refund("re_blocking", new BigDecimal("250"))).getJournalId())
			.as("retried while pending: suspended again, on the same entry")
			.isEqualTo(suspended.getJournalId());

		authority.authority().approve(suspended.getApprovalId(), "alice");
		assertThat(this.refunds.refund("re_blocking", new BigDecimal("250"))).isEqualTo("refunded re_blocking");

		assertThat(this.refunds.runs()).hasValue(1);
		assertCompletedOnce(suspended.getJournalId());
	}

	@Test
	void completionStageRetryAfterApprovalRunsOnce() throws Exception {
		SpecoraSuspendedException suspended = suspended(
				() -> this.refunds.refundLater("re_stage").toCompletableFuture().join());
		authority.authority().approve(suspended.getApprovalId(), "alice");
		assertThat(this.refunds.refundLater("re_stage").toCompletableFuture().get()).isEqualTo("refunded re_stage");
		assertThat(this.refunds.runs()).hasValue(1);
		assertCompletedOnce(suspended.getJournalId());
	}

	@Test
	void reactiveRetryAfterApprovalRunsOnce() {
		SpecoraSuspendedException suspended = suspended(() -> this.refunds.refundReactive("re_mono").block());
		authority.authority().approve(suspended.getApprovalId(), "alice");
		assertThat(this.refunds.refundReactive("re_mono").block()).isEqualTo("refunded re_mono");
		assertThat(this.refunds.runs()).hasValue(1);
		assertCompletedOnce(suspended.getJournalId());
	}

	@Test
	void sameBusinessIdWithAnotherPayloadIsAConflict() {
		assertThatExceptionOfType(SpecoraSuspendedException.class)
			.isThrownBy(() -> this.refunds.refund("re_conflict", new BigDecimal("250")));
		assertThatExceptionOfType(IdempotencyConflictException.class)
			.isThrownBy(() -> this.refunds.refund("re_conflict", new BigDecimal("300")));
		assertThat(this.refunds.runs()).hasValue(0);
	}

	@Test
	void nullBusinessIdFailsBeforeAnyDecision() {
		int pending = authority.authority().pendingApprovals().size();
		assertThatExceptionOfType(EnforcedExpressionException.class)
			.isThrownBy(() -> this.refunds.refund(null, new BigDecimal("250")))
			.satisfies((ex) -> assertThat(ex.getAttribute()).isEqualTo("requestId"));
		assertThat(this.refunds.runs()).hasValue(0);
		assertThat(authority.authority().pendingApprovals()).hasSize(pending);
	}

	private static SpecoraSuspendedException suspended(ThrowingCallable call) {
		Throwable thrown = catchThrowable(call);
		if (thrown instanceof CompletionException completion) {
			thrown = completion.getCause();
		}
		assertThat(thrown).isInstanceOf(SpecoraSuspendedException.class);
		return (SpecoraSuspendedException) thrown;
	}

	private void assertCompletedOnce(String journalId) {
		JournalEntry entry = this.client.journal(journalId);
		assertThat(entry.approvalState()).isEqualTo(ApprovalState.APPROVED);
		assertThat(entry.status()).isEqualTo(JournalStatus.COMPLETED);
		assertThat(entry.completedStatus()).isEqualTo(CompletionStatus.SUCCESS);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		Refunds refunds() {
			return new Refunds();
		}

	}

	/**
	 * Refunds identified by the caller's refund id.
	 */
	public static class Refunds {

		private final AtomicInteger runs = new AtomicInteger();

		public AtomicInteger runs() {
			return this.runs;
		}

		@Enforced(actionType = "refund", scope = "{'refund': #refundId}", args = "{'amount': #amount}",
				estimatedCost = "#amount", requestId = "#refundId", writeOp = true)
		public String refund(String refundId, BigDecimal amount) {
			this.runs.incrementAndGet();
			return "refunded " + refundId;
		}

		@Enforced(actionType = "refund_later", scope = "{'refund': #refundId}", requestId = "#refundId")
		public CompletionStage<String> refundLater(String refundId) {
			this.runs.incrementAndGet();
			return CompletableFuture.completedFuture("refunded " + refundId);
		}

		@Enforced(actionType = "refund_reactive", scope = "{'refund': #refundId}", requestId = "#refundId")
		public Mono<String> refundReactive(String refundId) {
			return Mono.fromSupplier(() -> {
				this.runs.incrementAndGet();
				return "refunded " + refundId;
			});
		}

	}

}
