package ai.specora.client;

import java.time.Duration;

/**
 * The default of each client setting, in one place: the client builder starts from
 * these, and the Spring Boot properties, their metadata and the failure analyzer's
 * messages read them.
 */
public final class SpecoraDefaults {

	/** Decisions that cannot be had raise and the action does not run. */
	public static final FailMode FAIL_MODE = FailMode.CLOSED;

	/** Time limit of one HTTP attempt. */
	public static final Duration TIMEOUT = Duration.ofSeconds(10);

	/** Time limit of a whole call, retries and back-off included. */
	public static final Duration DEADLINE = Duration.ofSeconds(30);

	/** How many times a transient failure is retried. */
	public static final int RETRIES = 2;

	/** The largest number of retries allowed. */
	public static final int MAX_RETRIES = 10;

	/** The back-off before the first retry. */
	public static final Duration RETRY_BACKOFF = Duration.ofMillis(500);

	/** The largest back-off between two retries. */
	public static final Duration MAX_RETRY_BACKOFF = Duration.ofSeconds(8);

	private SpecoraDefaults() {
	}

}
