package ai.specora.spring.webhook;

/**
 * What the webhook endpoint answers: a status code and, for a refusal, a small JSON
 * error body that never says why a signature failed beyond "invalid signature".
 *
 * @param status the HTTP status code
 * @param body the JSON body, or {@code null} for an empty body
 */
public record WebhookResponse(int status, String body) {

	/** 204: the event was accepted (also an event of an unknown type). */
	public static final WebhookResponse ACCEPTED = new WebhookResponse(204, null);

	/** 400: the signed body is not a valid event. */
	public static final WebhookResponse MALFORMED = error(400, "malformed_event", "malformed event");

	/** 401: missing or invalid signature, or timestamp outside the window. */
	public static final WebhookResponse INVALID_SIGNATURE = error(401, "invalid_signature", "invalid signature");

	/** 409: the event id was already received. */
	public static final WebhookResponse REPLAYED = error(409, "replayed_event", "event already received");

	/** 413: the body is larger than the configured maximum. */
	public static final WebhookResponse TOO_LARGE = error(413, "payload_too_large", "payload too large");

	/** 503: the replay store cannot be reached; the sender should retry later. */
	public static final WebhookResponse UNAVAILABLE = error(503, "replay_store_unavailable",
			"temporarily unavailable");

	private static WebhookResponse error(int status, String code, String message) {
		return new WebhookResponse(status,
				"{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}");
	}

	/**
	 * Returns whether a body is to be sent.
	 * @return {@code true} if {@link #body()} is not {@code null}
	 */
	public boolean hasBody() {
		return this.body != null;
	}

}
