package ai.specora.spring.enforcement.completion;

import java.time.Duration;

/**
 * The default of each completion delivery setting, in one place: the
 * {@link AsyncCompletionDispatcher.Builder} starts from these and the
 * {@code specora.enforcement.completion.*} properties and their metadata read them.
 */
public final class CompletionDefaults {

	/** The largest number of completions waiting for delivery. */
	public static final int QUEUE_CAPACITY = 10_000;

	/**
	 * The largest number of deliveries in flight at once: 256 sustain about 2,500
	 * completions a second against an authority 100 ms away.
	 */
	public static final int MAX_IN_FLIGHT = 256;

	/** How long an undelivered completion is retried before it is dropped. */
	public static final Duration MAX_AGE = Duration.ofMinutes(15);

	/** How long shutdown waits for the queue to drain. */
	public static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

	/** The back-off before the first redelivery. */
	public static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);

	/** The largest back-off between two redeliveries. */
	public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	private CompletionDefaults() {
	}

}
