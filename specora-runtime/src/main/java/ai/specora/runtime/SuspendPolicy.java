package ai.specora.runtime;

import java.time.Duration;

/**
 * What a governed call does when the authority suspends it for an approval: raise
 * {@link ai.specora.client.SpecoraSuspendedException} at once, or wait for the approval
 * up to a timeout. Create it with {@link #raise()} or {@link #await(Duration)}.
 *
 * @param awaits whether the call waits for the approval
 * @param timeout how long it waits; {@link Duration#ZERO} when it does not
 */
public record SuspendPolicy(boolean awaits, Duration timeout) {

	private static final SuspendPolicy RAISE = new SuspendPolicy(false, Duration.ZERO);

	/**
	 * Checks the timeout: positive when waiting, zero otherwise.
	 * @param awaits whether the call waits for the approval
	 * @param timeout how long it waits
	 */
	public SuspendPolicy {
		if (timeout == null || timeout.isNegative() || (awaits && timeout.isZero())) {
			throw new IllegalArgumentException("the approval timeout must be positive, not " + timeout);
		}
	}

	/**
	 * Raise {@link ai.specora.client.SpecoraSuspendedException} at once; the call does
	 * not run.
	 * @return the policy
	 */
	public static SuspendPolicy raise() {
		return RAISE;
	}

	/**
	 * Wait for the approval by following the journal entry, up to a timeout; run the call
	 * once approved. Denied raises {@link ai.specora.client.SpecoraBlockedException},
	 * not approved in time {@link ai.specora.client.SpecoraSuspendedException}. No read
	 * of the journal outlives the timeout.
	 * @param timeout how long to wait, positive
	 * @return the policy
	 */
	public static SuspendPolicy await(Duration timeout) {
		return new SuspendPolicy(true, timeout);
	}

}
