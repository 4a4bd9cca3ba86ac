package ai.specora.spring.enforcement.completion;

import java.util.Locale;

/**
 * Why a completion was given up, the {@code reason} tag of the
 * {@code specora.completions.dropped} counter.
 */
public enum CompletionDropReason {

	/**
	 * A second completion of a journal entry whose completion is already waiting, or
	 * that the authority already recorded under another request id (HTTP 409): the
	 * first one stands. Logged at WARN, since the entry's completion is not lost.
	 */
	DUPLICATE,

	/** Older than {@code specora.enforcement.completion.max-age}, never delivered. */
	MAX_AGE,

	/** The queue was at {@code specora.enforcement.completion.queue-capacity}. */
	QUEUE_FULL,

	/** The authority refused it (a 4xx other than 409). */
	REFUSED,

	/** The shutdown timeout ended before it was delivered. */
	SHUTDOWN,

	/** A Redis stream entry that cannot be read as a completion. */
	UNREADABLE;

	/**
	 * The value of the {@code reason} tag.
	 * @return the lowercase name, e.g. {@code max_age}
	 */
	public String tagValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
