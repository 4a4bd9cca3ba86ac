package ai.specora.client;

/**
 * What a decision call does when the authority cannot be reached or answers with a
 * server error after all retries. Client errors (4xx) are raised in both modes.
 */
public enum FailMode {

	/**
	 * Raise {@link FailClosedException}: the guarded action does not run. The default,
	 * and the safe choice.
	 */
	CLOSED,

	/**
	 * Return an {@link Decision#ALLOW} decision whose source is
	 * {@link DecisionSource#FAIL_OPEN}, and log a warning: the action runs ungoverned.
	 */
	OPEN

}
