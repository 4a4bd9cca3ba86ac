package ai.specora.spring;

import java.time.Duration;

import ai.specora.runtime.SuspendPolicy;

/**
 * What an {@link Enforced @Enforced} method does when the authority suspends it
 * because an approval is required.
 */
public enum OnSuspend {

	/**
	 * Raise {@link ai.specora.client.SpecoraSuspendedException} at once: the method does
	 * not run. The caller can retry once the approval is given.
	 */
	THROW,

	/**
	 * Wait for the approval (following the journal entry) up to
	 * {@link Enforced#approvalTimeout()}: run the method when approved, raise
	 * {@link ai.specora.client.SpecoraBlockedException} when denied and
	 * {@link ai.specora.client.SpecoraSuspendedException} when the time is up. The
	 * waiting blocks the calling thread for plain methods and never blocks for reactive
	 * return types.
	 */
	WAIT;

	/**
	 * The engine's suspend policy for this value.
	 * @param approvalTimeout how long {@link #WAIT} waits, positive
	 * @return the suspend policy
	 */
	public SuspendPolicy policy(Duration approvalTimeout) {
		return (this == WAIT) ? SuspendPolicy.await(approvalTimeout) : SuspendPolicy.raise();
	}

}
