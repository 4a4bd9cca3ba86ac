package ai.specora.spring.observation;

/**
 * The names and tag keys of the Specora meters besides the {@code specora.enforcement}
 * observation. They are fixed: no tag ever carries a scope value, an argument or an id.
 */
public final class SpecoraMeterNames {

	/**
	 * Counter of governed calls that ran without a decision because their fail mode is
	 * open; tags {@link #ACTION_TYPE} and {@link #MODE}.
	 */
	public static final String ENFORCEMENT_FAIL_OPEN = "specora.enforcement.fail.open";

	/**
	 * Gauge of the completions and LLM execution records waiting for delivery (the
	 * backlog: every replica's with the Redis store).
	 */
	public static final String COMPLETIONS_PENDING = "specora.completions.pending";

	/**
	 * Counter of completions dropped undelivered; tag {@link #REASON}.
	 */
	public static final String COMPLETIONS_DROPPED = "specora.completions.dropped";

	/**
	 * Gauge of the completion deliveries in flight.
	 */
	public static final String COMPLETIONS_IN_FLIGHT = "specora.completions.in.flight";

	/**
	 * Time gauge of the age of the oldest completion waiting for delivery.
	 */
	public static final String COMPLETIONS_OLDEST_AGE = "specora.completions.oldest.age";

	/**
	 * Counter of LLM execution records delivered to the platform by this process.
	 */
	public static final String EXECUTION_RECORDS_DELIVERED = "specora.execution.records.delivered";

	/**
	 * Counter of LLM execution records dropped undelivered; tag {@link #REASON}.
	 */
	public static final String EXECUTION_RECORDS_DROPPED = "specora.execution.records.dropped";

	/**
	 * The tag of why a completion was dropped: {@code duplicate}, {@code max_age},
	 * {@code queue_full}, {@code refused}, {@code shutdown}, {@code unreadable}, or
	 * {@code unknown} for a dispatcher that does not say.
	 */
	public static final String REASON = "reason";

	/**
	 * Gauges of the state of the client's circuit breaker, one per state, tag
	 * {@link #STATE}: 1 for the breaker's current state, 0 for the others. Registered
	 * only when the client has a circuit breaker.
	 */
	public static final String CLIENT_CIRCUIT_STATE = "specora.client.circuit.state";

	/**
	 * Counter of webhook requests; tags {@link #EVENT_TYPE} and {@link #RESULT}.
	 */
	public static final String WEBHOOK_EVENTS = "specora.webhook.events";

	/**
	 * The tag of the action type of a governed method.
	 */
	public static final String ACTION_TYPE = "action.type";

	/**
	 * The tag of the governance mode: {@code enforce}, or {@code shadow} when decisions
	 * are recorded but not applied.
	 */
	public static final String MODE = "mode";

	/**
	 * The tag of the type of a webhook event: its wire name for known types,
	 * {@code unknown} otherwise (and for every rejected request).
	 */
	public static final String EVENT_TYPE = "event.type";

	/**
	 * The tag of what became of a webhook request: see
	 * {@link ai.specora.spring.webhook.WebhookResult}.
	 */
	public static final String RESULT = "result";

	/**
	 * The tag of a circuit breaker state: {@code closed}, {@code open} or
	 * {@code half_open}.
	 */
	public static final String STATE = "state";

	/**
	 * The {@code client.name} of the authority's HTTP calls in {@code http.client.requests}.
	 */
	public static final String CLIENT_NAME = "specora";

	private SpecoraMeterNames() {
	}

}
