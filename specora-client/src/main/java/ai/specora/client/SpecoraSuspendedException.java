package ai.specora.client;

import java.util.Objects;

/**
 * The action needs an approval before it may run: it was not executed. Retry the same
 * request (same request id) once {@link #getApprovalSource()} has approved it, or wait
 * for the {@code runtime.approval_resolved} webhook.
 */
public class SpecoraSuspendedException extends SpecoraException {

	private final transient EnforcementResult result;

	/**
	 * Creates the exception from a {@code suspend} decision.
	 * @param result the decision
	 */
	public SpecoraSuspendedException(EnforcementResult result) {
		this(result, "Action '" + result.actionType() + "' needs approval from "
				+ Objects.requireNonNullElse(result.approvalSource(), "an approver") + " (approval "
				+ result.approvalId() + ", journal " + result.journalId() + ")");
	}

	/**
	 * Creates the exception with a message of the caller's.
	 * @param result the decision
	 * @param message the message
	 */
	public SpecoraSuspendedException(EnforcementResult result, String message) {
		super(message, null, new ErrorDetails(0, null, "suspended", 0, false));
		this.result = Objects.requireNonNull(result, "result must not be null");
	}

	/**
	 * Who must approve, e.g. {@code slack:#sec-approvals}.
	 * @return the approval source, or {@code null}
	 */
	public String getApprovalSource() {
		return this.result.approvalSource();
	}

	/**
	 * The approval to wait for.
	 * @return the approval id, or {@code null}
	 */
	public String getApprovalId() {
		return this.result.approvalId();
	}

	/**
	 * The journal entry recording the decision.
	 * @return the journal id
	 */
	public String getJournalId() {
		return this.result.journalId();
	}

	/**
	 * The whole decision.
	 * @return the decision
	 */
	public EnforcementResult getResult() {
		return this.result;
	}

}
