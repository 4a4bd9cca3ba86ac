package ai.specora.client;

import java.util.Objects;

/**
 * The authority blocked the action: it was not executed.
 */
public class SpecoraBlockedException extends SpecoraException {

	private final transient EnforcementResult result;

	/**
	 * Creates the exception from a {@code block} decision.
	 * @param result the decision
	 */
	public SpecoraBlockedException(EnforcementResult result) {
		this(result, "Action '" + result.actionType() + "' blocked by Specora: "
				+ Objects.requireNonNullElse(result.blockedReason(), "no reason given") + " (journal "
				+ result.journalId() + ")");
	}

	/**
	 * Creates the exception with a message of the caller's.
	 * @param result the decision
	 * @param message the message
	 */
	public SpecoraBlockedException(EnforcementResult result, String message) {
		super(message, null, new ErrorDetails(0, null, "blocked", 0, false));
		this.result = Objects.requireNonNull(result, "result must not be null");
	}

	/**
	 * Why the action was blocked.
	 * @return the reason, or {@code null} when the authority gave none
	 */
	public String getReason() {
		return this.result.blockedReason();
	}

	/**
	 * The journal entry recording the decision.
	 * @return the journal id
	 */
	public String getJournalId() {
		return this.result.journalId();
	}

	/**
	 * The policy that blocked the action.
	 * @return the policy id, or {@code null}
	 */
	public String getPolicyId() {
		return this.result.policyId();
	}

	/**
	 * The whole decision.
	 * @return the decision
	 */
	public EnforcementResult getResult() {
		return this.result;
	}

}
