package ai.specora.spring;

import ai.specora.client.FailMode;

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
	OPEN;

	/**
	 * The effective fail mode.
	 * @param inherited the client's fail mode, used for {@link #INHERIT}
	 * @return the fail mode
	 */
	public FailMode orElse(FailMode inherited) {
		return switch (this) {
			case INHERIT -> inherited;
			case CLOSED -> FailMode.CLOSED;
			case OPEN -> FailMode.OPEN;
		};
	}

}
