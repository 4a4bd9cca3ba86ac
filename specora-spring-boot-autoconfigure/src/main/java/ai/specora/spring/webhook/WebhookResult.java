package ai.specora.spring.webhook;

/**
 * What became of one webhook request, as the {@code result} tag of the
 * {@code specora.webhook.events} meter says: accepted, or rejected for one fixed
 * reason.
 */
public enum WebhookResult {

	/**
	 * Verified and published (answered with 204), even when a listener failed.
	 */
	ACCEPTED("accepted"),

	/**
	 * The body was larger than {@code specora.webhook.max-body-size} (413).
	 */
	REJECTED_TOO_LARGE("rejected:too_large"),

	/**
	 * A signature or timestamp header was missing (401).
	 */
	REJECTED_MISSING_HEADER("rejected:missing_header"),

	/**
	 * The timestamp was outside the tolerance (401).
	 */
	REJECTED_STALE_TIMESTAMP("rejected:stale_timestamp"),

	/**
	 * No secret gave the signature (401).
	 */
	REJECTED_BAD_SIGNATURE("rejected:bad_signature"),

	/**
	 * The signed body was not a valid event (400).
	 */
	REJECTED_MALFORMED("rejected:malformed"),

	/**
	 * The event had already been received (409).
	 */
	REJECTED_REPLAYED("rejected:replayed"),

	/**
	 * The replay store could not be asked (503).
	 */
	REJECTED_UNAVAILABLE("rejected:unavailable");

	private final String value;

	WebhookResult(String value) {
		this.value = value;
	}

	/**
	 * The value of the {@code result} tag.
	 * @return the value
	 */
	public String value() {
		return this.value;
	}

}
