package ai.specora.spring;

/**
 * What an {@link Enforced @Enforced} method does when no decision can be had from the
 * authority (it cannot be reached, or fails after all retries).
 */
public enum EnforcedFailMode {

	/**
	 * Use the fail mode of the client ({@code specora.fail-mode}).
	 */
	INHERIT,

	/**
	 * Raise {@link ai.specora.client.FailClosedException}: the method does not run.
	 */
	CLOSED,

	/**
	 * Run the method ungoverned and log a warning; there is nothing to complete.
	 */
	OPEN

}
