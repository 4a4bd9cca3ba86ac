package ai.specora.localauthority;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import ai.specora.localauthority.AuthorityClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for budget reservation, settlement, release, expiry, windows and concurrency.
 */
class BudgetTests extends AbstractLocalAuthorityTests {

	/**
	 * Starts an authority whose reservations expire after five minutes.
	 */
	@Override
	void start(Consumer<LocalAuthoritySettings.Builder> settings) {
		super.start((builder) -> settings.accept(builder.reservationTtl(Duration.ofMinutes(5))));
	}

	private void startWithRefundBudget() {
		start((settings) -> settings.budget(BudgetRule.of("refunds", "refund*", new BigDecimal("100.00"), Duration.ofDays(1))));
	}

	private BigDecimal remaining() {
		return this.client.post("/v1/platform/budget/validate", "{}").decimal("budget_remaining");
	}

	@Test
	void allowReservesTheEstimatedCost() {
		startWithRefundBudget();
		assertThat(this.client.enforce("refund", new BigDecimal("30")).text("decision")).isEqualTo("allow");
		assertThat(remaining()).isEqualByComparingTo("70");
		assertThat(this.client.enforce("email", new BigDecimal("30")).text("decision")).isEqualTo("allow");
		assertThat(remaining()).as("non-matching action type").isEqualByComparingTo("70");
	}

	@Test
	void exhaustionBlocksWithReason() {
		startWithRefundBudget();
		assertThat(this.client.enforce("refund", new BigDecimal("95")).text("decision")).isEqualTo("allow");
		Reply blocked = this.client.enforce("refund", new BigDecimal("10"));
		assertThat(blocked.text("decision")).isEqualTo("block");
		assertThat(blocked.text("blocked_reason"))
			.isEqualTo("budget 'refunds' exhausted: 95.00 of 100.00 USD used or reserved, 10.00 requested");
		assertThat(blocked.text("reservation_id")).isNull();
		assertThat(this.client.enforce("refund", new BigDecimal("5")).text("decision"))
			.as("exactly up to the limit").isEqualTo("allow");
		assertThat(remaining()).isEqualByComparingTo("0");
	}

	@Test
	void reservationIsAllOrNothingAcrossBudgets() {
		start((settings) -> settings.budget(BudgetRule.of("all", "*", new BigDecimal("100"), null))
			.budget(BudgetRule.of("users", "db_*", new BigDecimal("10"), null).withScope(Map.of("table", "users"))));
		assertThat(this.client.enforce("db_write", new BigDecimal("8"), Map.of("table", "users")).text("decision"))
			.isEqualTo("allow");
		Reply blocked = this.client.enforce("db_write", new BigDecimal("5"), Map.of("table", "users"));
		assertThat(blocked.text("blocked_reason")).startsWith("budget 'users' exhausted");
		Reply all = this.client.post("/v1/platform/budget/validate", Map.of("scope", Map.of("action_type", "email")));
		assertThat(all.text("budget_name")).isEqualTo("all");
		assertThat(all.decimal("budget_remaining")).as("the blocked call reserved nothing").isEqualByComparingTo("92");
	}

	@Test
	void successSettlesToActualCost() {
		startWithRefundBudget();
		String journalId = this.client.enforce("refund", new BigDecimal("40")).text("journal_id");
		Reply completed = this.client.complete(journalId, "success", new BigDecimal("25.5"));
		assertThat(completed.status()).isEqualTo(200);
		assertThat(completed.text("status")).isEqualTo("success");
		assertThat(completed.body().get("recorded").asBoolean()).isTrue();
		assertThat(remaining()).isEqualByComparingTo("74.5");
		Reply journal = this.client.journal(journalId);
		assertThat(journal.text("status")).isEqualTo("completed");
		assertThat(journal.text("completed_status")).isEqualTo("success");
		assertThat(journal.decimal("cost_actual")).isEqualByComparingTo("25.5");
	}

	@Test
	void successWithoutActualCostSettlesTheEstimate() {
		startWithRefundBudget();
		String journalId = this.client.enforce("refund", new BigDecimal("40")).text("journal_id");
		this.client.complete(journalId, "success", null);
		assertThat(remaining()).isEqualByComparingTo("60");
		assertThat(this.client.journal(journalId).decimal("cost_actual")).isEqualByComparingTo("40");
	}

	@Test
	void failureAndCancelReleaseTheReservation() {
		startWithRefundBudget();
		String failed = this.client.enforce("refund", new BigDecimal("40")).text("journal_id");
		String cancelled = this.client.enforce("refund", new BigDecimal("50")).text("journal_id");
		assertThat(remaining()).isEqualByComparingTo("10");
		this.client.complete(failed, "failure", null);
		assertThat(remaining()).isEqualByComparingTo("50");
		this.client.complete(cancelled, "cancelled", null);
		assertThat(remaining()).isEqualByComparingTo("100");
		assertThat(this.client.journal(failed).text("completed_status")).isEqualTo("failure");
		assertThat(this.client.journal(cancelled).text("cost_actual")).isNull();
	}

	@Test
	void failureWithReportedCostChargesIt() {
		startWithRefundBudget();
		String journalId = this.client.enforce("refund", new BigDecimal("40")).text("journal_id");
		this.client.complete(journalId, "failure", new BigDecimal("3"));
		assertThat(remaining()).isEqualByComparingTo("97");
	}

	@Test
	void expiredReservationIsReleased() {
		startWithRefundBudget();
		Reply allowed = this.client.enforce("refund", new BigDecimal("60"));
		assertThat(allowed.text("expires_at")).isEqualTo("2026-11-21T10:05:00Z");
		this.clock.advance(Duration.ofMinutes(4));
		assertThat(remaining()).isEqualByComparingTo("40");
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(remaining()).isEqualByComparingTo("100");
		Reply journal = this.client.journal(allowed.text("journal_id"));
		assertThat(journal.text("status")).isEqualTo("expired");
		assertThat(journal.text("updated_at")).isEqualTo("2026-11-21T10:05:00Z");
	}

	@Test
	void lateCompletionOfExpiredEntryIsRecordedAndCharged() {
		startWithRefundBudget();
		String journalId = this.client.enforce("refund", new BigDecimal("60")).text("journal_id");
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(this.client.complete(journalId, "success", new BigDecimal("20")).status()).isEqualTo(200);
		assertThat(remaining()).isEqualByComparingTo("80");
		assertThat(this.client.journal(journalId).text("status")).isEqualTo("completed");
	}

	@Test
	void newWindowStartsEmpty() {
		startWithRefundBudget();
		this.client.complete(this.client.enforce("refund", new BigDecimal("100")).text("journal_id"), "success", null);
		assertThat(this.client.enforce("refund", new BigDecimal("1")).text("decision")).isEqualTo("block");
		this.clock.advance(Duration.ofDays(1));
		assertThat(this.client.enforce("refund", new BigDecimal("1")).text("decision")).isEqualTo("allow");
	}

	@Test
	void concurrentCallersNeverOverspend() throws Exception {
		start((settings) -> settings.budget(BudgetRule.of("tight", "*", new BigDecimal("50"), null)));
		BigDecimal cost = new BigDecimal("3");
		int callers = 32;
		int callsEach = 4;
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(callers);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				Callable<Integer> caller = () -> {
					go.await();
					int allowed = 0;
					for (int call = 0; call < callsEach; call++) {
						Reply reply = this.client.enforce("search", cost);
						assertThat(reply.status()).isEqualTo(200);
						if ("allow".equals(reply.text("decision"))) {
							allowed++;
						}
					}
					return allowed;
				};
				results.add(executor.submit(caller));
			}
			go.countDown();
			int allowed = 0;
			for (Future<Integer> result : results) {
				allowed += result.get();
			}
			assertThat(allowed).isEqualTo(16);
			Reply budget = this.client.post("/v1/platform/budget/validate", "{}");
			assertThat(budget.decimal("budget_remaining")).isEqualByComparingTo("2");
			assertThat(budget.decimal("budget_total")).isEqualByComparingTo("50");
		}
		finally {
			executor.shutdownNow();
		}
	}

}
