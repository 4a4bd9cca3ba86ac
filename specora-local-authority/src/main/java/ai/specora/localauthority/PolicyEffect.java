package ai.specora.localauthority;

/**
 * What a {@link PolicyRule} (or the default effect) decides for a matching action.
 */
public enum PolicyEffect {

	/** The action may run; its estimated cost is reserved against the matching budgets. */
	ALLOW,

	/** The action must not run; the decision carries a {@code blocked_reason}. */
	BLOCK,

	/** The action needs a human approval first; the decision carries an {@code approval_id}. */
	SUSPEND

}
