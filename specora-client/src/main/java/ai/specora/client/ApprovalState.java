package ai.specora.client;

/**
 * Where a journal entry stands with respect to approval.
 */
public enum ApprovalState {

	/** No approval was required. */
	NONE,

	/** Waiting for an approver. */
	PENDING,

	/** Approved: enforcing the same request again is allowed. */
	APPROVED,

	/** Denied. */
	DENIED

}
