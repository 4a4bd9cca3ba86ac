package ai.specora.client.webhook;

import java.util.Objects;

/**
 * Thrown when a webhook request is refused by {@link WebhookVerifier}.
 * <p>
 * The {@link #reason() reason} tells the endpoint which response to send; the message
 * is safe to return to the caller: it never carries a secret, and for a signature
 * failure it says no more than "invalid signature".
 */
public class WebhookVerificationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Reason reason;

	/**
	 * Creates an exception.
	 * @param reason why the request was refused
	 * @param message a message safe to show the sender
	 */
	public WebhookVerificationException(Reason reason, String message) {
		this(reason, message, null);
	}

	/**
	 * Creates an exception with a cause.
	 * @param reason why the request was refused
	 * @param message a message safe to show the sender
	 * @param cause the underlying failure, or {@code null}
	 */
	public WebhookVerificationException(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = Objects.requireNonNull(reason, "reason must not be null");
	}

	/**
	 * Returns why the request was refused.
	 * @return the reason, never {@code null}
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * Why a webhook request was refused, in the order the checks run.
	 */
	public enum Reason {

		/** The body is larger than the configured maximum (HTTP 413). */
		TOO_LARGE,

		/** A required header is absent or blank (HTTP 401). */
		MISSING_HEADER,

		/**
		 * The timestamp is outside the tolerance window, or is not a number of seconds
		 * (HTTP 401).
		 */
		STALE_TIMESTAMP,

		/** No signature matches any configured secret (HTTP 401). */
		BAD_SIGNATURE,

		/**
		 * The signed body is not a valid event: not JSON, a required field missing, or
		 * its event id differs from the header (HTTP 400).
		 */
		MALFORMED,

		/** The event id was already accepted within the replay window (HTTP 409). */
		REPLAYED

	}

}
