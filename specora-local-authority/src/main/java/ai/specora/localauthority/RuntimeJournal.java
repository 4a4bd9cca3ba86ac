package ai.specora.localauthority;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded runtime journal: its entries, their indexes by request, completion and
 * approval id, and the entries holding live reservations, which expire after the
 * reservation life. When full, the oldest entry that is not pending goes first. Not
 * thread-safe: guarded by the {@link AuthorityEngine}'s lock.
 */
final class RuntimeJournal {

	/** Logs under the engine's name, as before the journal had its own class. */
	private static final Logger logger = LoggerFactory.getLogger(AuthorityEngine.class);

	private final int capacity;

	private final Duration reservationTtl;

	private final Clock clock;

	private final LinkedHashMap<String, JournalEntry> journal = new LinkedHashMap<>();

	private final Map<String, JournalEntry> byRequestId = new HashMap<>();

	private final Map<String, JournalEntry> byCompletionRequestId = new HashMap<>();

	private final Map<String, JournalEntry> byApprovalId = new HashMap<>();

	private final LinkedHashMap<String, JournalEntry> holding = new LinkedHashMap<>();

	RuntimeJournal(LocalAuthoritySettings settings) {
		this.capacity = settings.journalCapacity();
		this.reservationTtl = settings.reservationTtl();
		this.clock = settings.clock();
	}

	/** Every entry, oldest first (a live view: read it under the engine's lock). */
	Collection<JournalEntry> entries() {
		return this.journal.values();
	}

	/** The entry of an enforce request id, or {@code null}. */
	JournalEntry byRequestId(String requestId) {
		return this.byRequestId.get(requestId);
	}

	/** The entry a completion request id completed, or {@code null}. */
	JournalEntry byCompletionRequestId(String requestId) {
		return this.byCompletionRequestId.get(requestId);
	}

	/** The entry of an approval id, or {@code null}. */
	JournalEntry byApprovalId(String approvalId) {
		return this.byApprovalId.get(approvalId);
	}

	/**
	 * The entry of a journal id.
	 * @throws LocalAuthorityException 404 when there is none
	 */
	JournalEntry entry(String journalId) {
		JournalEntry entry = this.journal.get(journalId);
		if (entry == null) {
			throw LocalAuthorityException.notFound("journal entry " + journalId + " not found");
		}
		return entry;
	}

	/** Evicts one entry when the journal is full, before a new one is decided. */
	void makeRoom() {
		if (this.journal.size() >= this.capacity) {
			evictOne();
		}
	}

	/** Adds a decided entry and indexes it. */
	void add(JournalEntry entry) {
		this.journal.put(entry.journalId, entry);
		this.byRequestId.put(entry.requestId, entry);
		if (entry.approvalId != null) {
			this.byApprovalId.put(entry.approvalId, entry);
		}
	}

	/** Indexes an entry under the request id of the completion that completed it. */
	void completed(JournalEntry entry, String completionRequestId) {
		this.byCompletionRequestId.put(completionRequestId, entry);
	}

	/**
	 * Allows an entry: reserves its estimated cost on the matching budgets until the
	 * reservation life has passed.
	 */
	void allow(JournalEntry entry, List<BudgetAccount> matching, Instant now) {
		entry.allow(matching, Ids.newId("res_"), now.plus(this.reservationTtl), now);
		this.holding.put(entry.journalId, entry);
	}

	/** Releases an entry's reservations, if it still holds any. */
	void releaseHolds(JournalEntry entry, Instant now) {
		if (this.holding.remove(entry.journalId) != null) {
			entry.releaseHolds(now);
		}
	}

	/** Releases the reservations whose life has passed and marks their entries expired. */
	void expireReservations(Instant now) {
		Iterator<JournalEntry> entries = this.holding.values().iterator();
		while (entries.hasNext()) {
			JournalEntry entry = entries.next();
			if (!now.isBefore(entry.expiresAt)) {
				entries.remove();
				entry.releaseHolds(now);
				entry.status = "expired";
				entry.updatedAt = entry.expiresAt;
			}
		}
	}

	private void evictOne() {
		JournalEntry victim = null;
		for (JournalEntry entry : this.journal.values()) {
			if (!"pending".equals(entry.status)) {
				victim = entry;
				break;
			}
		}
		if (victim == null) {
			victim = this.journal.values().iterator().next();
			releaseHolds(victim, this.clock.instant());
			logger.warn("Journal full ({} entries) with every entry pending: evicting the oldest, {}",
					this.journal.size(), victim.journalId);
		}
		this.journal.remove(victim.journalId);
		this.byRequestId.remove(victim.requestId);
		if (victim.completion != null) {
			this.byCompletionRequestId.remove(victim.completion.requestId());
		}
		if (victim.approvalId != null) {
			this.byApprovalId.remove(victim.approvalId);
		}
	}

	/** The approvals still waiting for a resolution, oldest first. */
	List<PendingApproval> pendingApprovals() {
		List<PendingApproval> pending = new ArrayList<>();
		for (JournalEntry entry : this.journal.values()) {
			if ("pending".equals(entry.approvalState) && "pending".equals(entry.status)) {
				pending.add(new PendingApproval(entry.approvalId, entry.journalId, entry.payload.actionType(),
						entry.payload.scope(), entry.approvalSource, entry.payload.estimatedCost(), entry.createdAt));
			}
		}
		return pending;
	}

}
