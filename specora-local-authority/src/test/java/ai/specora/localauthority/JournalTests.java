package ai.specora.localauthority;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.specora.localauthority.AuthorityClient.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the journal: idempotency of enforce and complete, lookups and eviction.
 */
class JournalTests extends AbstractLocalAuthorityTests {

	private void start(int capacity) {
		start((settings) -> settings.journalCapacity(capacity)
			.policy(PolicyRule.block("drops", "db_drop", null))
			.budget(BudgetRule.of("all", "*", new BigDecimal("100"), null)));
	}

	@Test
	void samePayloadReturnsTheSameEntry() {
		start(100);
		Map<String, Object> body = AuthorityClient.enforceBody("search", new BigDecimal("10"), Map.of("q", "x"));
		Reply first = this.client.post("/v1/runtime/enforce", body);
		this.clock.advance(Duration.ofSeconds(30));
		Map<String, Object> reordered = new LinkedHashMap<>();
		reordered.put("estimated_cost", new BigDecimal("10.00"));
		reordered.putAll(body);
		reordered.put("estimated_cost", new BigDecimal("10.00"));
		Reply second = this.client.post("/v1/runtime/enforce", reordered);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(this.client.post("/v1/platform/budget/validate", "{}").decimal("budget_remaining"))
			.as("reserved once").isEqualByComparingTo("90");
	}

	@Test
	void sameRequestIdWithDifferentPayloadConflicts() {
		start(100);
		Map<String, Object> body = AuthorityClient.enforceBody("search", new BigDecimal("10"), Map.of());
		this.client.post("/v1/runtime/enforce", body);
		body.put("estimated_cost", new BigDecimal("11"));
		Reply conflict = this.client.post("/v1/runtime/enforce", body);
		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.errorCode()).isEqualTo("idempotency_conflict");
	}

	@Test
	void completeIsIdempotentByItsRequestId() {
		start(100);
		String journalId = this.client.enforce("search", BigDecimal.ONE).text("journal_id");
		Map<String, Object> completion = new LinkedHashMap<>();
		completion.put("request_id", "done-1");
		completion.put("journal_id", journalId);
		completion.put("status", "success");
		completion.put("cost_actual", 0.5);
		completion.put("duration_ms", 412);
		Reply first = this.client.post("/v1/runtime/complete", completion);
		Reply again = this.client.post("/v1/runtime/complete", completion);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).isEqualTo(first.body());
		completion.put("status", "failure");
		Reply changed = this.client.post("/v1/runtime/complete", completion);
		assertThat(changed.status()).isEqualTo(409);
		assertThat(changed.errorCode()).isEqualTo("idempotency_conflict");
	}

	@Test
	void completingACompletedEntryWithAnotherRequestIdConflicts() {
		start(100);
		String journalId = this.client.enforce("search", BigDecimal.ONE).text("journal_id");
		this.client.complete(journalId, "success", null);
		Reply second = this.client.complete(journalId, "success", null);
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.errorCode()).isEqualTo("already_completed");
	}

	@Test
	void completingABlockedEntryConflicts() {
		start(100);
		Reply blocked = this.client.enforce("db_drop", BigDecimal.ZERO);
		Reply journal = this.client.journal(blocked.text("journal_id"));
		assertThat(journal.text("decision")).isEqualTo("block");
		assertThat(journal.text("status")).isEqualTo("completed");
		assertThat(journal.text("completed_status")).isNull();
		Reply complete = this.client.complete(blocked.text("journal_id"), "success", null);
		assertThat(complete.status()).isEqualTo(409);
		assertThat(complete.errorMessage()).contains("was blocked");
	}

	@Test
	void unknownJournalEntryIsNotFound() {
		start(100);
		Reply journal = this.client.journal("jrn_missing");
		assertThat(journal.status()).isEqualTo(404);
		assertThat(journal.errorCode()).isEqualTo("not_found");
		Reply complete = this.client.complete("jrn_missing", "success", null);
		assertThat(complete.status()).isEqualTo(404);
		assertThat(complete.errorCode()).isEqualTo("not_found");
	}

	@Test
	void journalShowsTheEntry() {
		start(100);
		Reply allowed = this.client.enforce("search", BigDecimal.ONE);
		Reply journal = this.client.journal(allowed.text("journal_id"));
		assertThat(journal.status()).isEqualTo(200);
		assertThat(journal.text("journal_id")).isEqualTo(allowed.text("journal_id"));
		assertThat(journal.text("decision")).isEqualTo("allow");
		assertThat(journal.text("status")).isEqualTo("pending");
		assertThat(journal.text("approval_state")).isEqualTo("none");
		assertThat(journal.text("approval_id")).isNull();
		assertThat(journal.text("completed_status")).isNull();
		assertThat(journal.text("cost_actual")).isNull();
		assertThat(journal.text("created_at")).isEqualTo("2026-11-21T10:00:00Z");
		assertThat(journal.text("updated_at")).isEqualTo("2026-11-21T10:00:00Z");
	}

	@Test
	void fullJournalEvictsTheOldestFinishedEntryFirst() {
		start(3);
		String pending = this.client.enforce("search", BigDecimal.ONE).text("journal_id");
		String completed = this.client.enforce("search", BigDecimal.ONE).text("journal_id");
		this.client.complete(completed, "success", null);
		String blocked = this.client.enforce("db_drop", BigDecimal.ZERO).text("journal_id");
		String fourth = this.client.enforce("search", BigDecimal.ONE).text("journal_id");
		assertThat(this.client.journal(completed).status()).isEqualTo(404);
		assertThat(this.client.journal(pending).status()).isEqualTo(200);
		assertThat(this.client.journal(blocked).status()).isEqualTo(200);
		this.client.enforce("search", BigDecimal.ONE);
		assertThat(this.client.journal(blocked).status()).isEqualTo(404);
		assertThat(this.client.journal(pending).status()).isEqualTo(200);
		this.client.enforce("search", BigDecimal.ONE);
		assertThat(this.client.journal(pending).status()).as("all pending: the oldest goes").isEqualTo(404);
		assertThat(this.client.journal(fourth).status()).isEqualTo(200);
	}

	@Test
	void evictingAPendingEntryReleasesItsReservation() {
		start(1);
		this.client.enforce("search", new BigDecimal("60"));
		assertThat(this.client.enforce("search", new BigDecimal("60")).text("decision")).isEqualTo("allow");
		assertThat(this.client.post("/v1/platform/budget/validate", "{}").decimal("budget_remaining"))
			.isEqualByComparingTo("40");
	}

}
