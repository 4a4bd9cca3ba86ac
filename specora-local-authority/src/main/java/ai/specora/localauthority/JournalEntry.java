package ai.specora.localauthority;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import ai.specora.localauthority.Requests.CompleteRequest;
import ai.specora.localauthority.Requests.EnforcePayload;

/**
 * One entry of the runtime journal: the decision on an enforce request, its approval,
 * its reservations and its completion. Not thread-safe: guarded by the
 * {@link AuthorityEngine}'s lock.
 */
final class JournalEntry {

	final String journalId;

	final String requestId;

	final EnforcePayload payload;

	final Instant createdAt;

	final List<BudgetAccount.Hold> holds = new ArrayList<>();

	String decision;

	String status = "pending";

	String approvalState = "none";

	String approvalId;

	String approvalSource;

	String policyId;

	String blockedReason;

	String reservationId;

	Instant expiresAt;

	String resolvedBy;

	String completedStatus;

	BigDecimal costActual;

	Instant updatedAt;

	CompleteRequest completion;

	Wire.CompleteResponse completionResponse;

	JournalEntry(String journalId, String requestId, EnforcePayload payload, Instant now) {
		this.journalId = journalId;
		this.requestId = requestId;
		this.payload = payload;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** Records a block, which completes the entry. */
	void block(String reason, Instant now) {
		this.decision = "block";
		this.blockedReason = reason;
		this.status = "completed";
		this.updatedAt = now;
	}

	/** Records an allow: the estimated cost is reserved on every matching budget. */
	void allow(List<BudgetAccount> matching, String reservationId, Instant expiresAt, Instant now) {
		BigDecimal cost = this.payload.estimatedCost();
		for (BudgetAccount account : matching) {
			this.holds.add(account.reserve(cost));
		}
		this.decision = "allow";
		this.reservationId = reservationId;
		this.expiresAt = expiresAt;
		this.updatedAt = now;
	}

	/** Gives back what the entry reserved, in the windows that are still current. */
	void releaseHolds(Instant now) {
		for (BudgetAccount.Hold hold : this.holds) {
			hold.release(this.payload.estimatedCost(), now);
		}
	}

	/**
	 * The entry's decision as it stands: a repeated request is answered with it, so a
	 * retry after an approval is allowed and one after a denial is blocked.
	 */
	Wire.EnforceResponse enforceResponse() {
		return new Wire.EnforceResponse(this.decision, this.journalId, this.requestId, this.blockedReason,
				this.approvalSource, this.approvalId, this.policyId, this.reservationId, "authority",
				Wire.time(this.expiresAt));
	}

	Wire.JournalView view() {
		return new Wire.JournalView(this.journalId, this.requestId, this.payload.actionType(), this.decision,
				this.status, this.approvalState, this.approvalId, this.completedStatus, this.costActual,
				this.blockedReason, this.reservationId, Wire.time(this.expiresAt), Wire.time(this.createdAt),
				Wire.time(this.updatedAt));
	}

}
