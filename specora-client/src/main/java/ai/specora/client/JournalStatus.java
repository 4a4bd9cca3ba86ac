package ai.specora.client;

/**
 * The life-cycle state of a journal entry.
 */
public enum JournalStatus {

	/** Decided, not yet completed. */
	PENDING,

	/** Completed. */
	COMPLETED,

	/** The reservation expired before a completion arrived. */
	EXPIRED

}
