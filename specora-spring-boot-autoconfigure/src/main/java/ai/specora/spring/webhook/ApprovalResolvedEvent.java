package ai.specora.spring.webhook;

import ai.specora.client.webhook.ApprovalResolved;
import ai.specora.client.webhook.WebhookEvent;

/**
 * A {@code runtime.approval_resolved} event: a suspended action was approved or denied.
 */
public final class ApprovalResolvedEvent extends SpecoraWebhookEvent {

	private static final long serialVersionUID = 1L;

	private final transient ApprovalResolved approval;

	/**
	 * Creates an event.
	 * @param source the component that received the event
	 * @param event the verified webhook event, of type {@code runtime.approval_resolved}
	 * @throws IllegalArgumentException if the event is of another type or its payload is
	 * incomplete
	 */
	public ApprovalResolvedEvent(Object source, WebhookEvent event) {
		super(source, event);
		this.approval = event.approvalResolved()
			.orElseThrow(() -> new IllegalArgumentException("Not an approval_resolved event: " + event.eventType()));
	}

	/**
	 * Returns the payload.
	 * @return the approval outcome
	 */
	public ApprovalResolved approval() {
		return this.approval;
	}

	/**
	 * Returns the journal entry of the suspended action.
	 * @return the journal id
	 */
	public String journalId() {
		return this.approval.journalId();
	}

	/**
	 * Returns the approval request.
	 * @return the approval id
	 */
	public String approvalId() {
		return this.approval.approvalId();
	}

	/**
	 * Returns whether the action was approved.
	 * @return {@code true} if approved
	 */
	public boolean approved() {
		return this.approval.approvalState() == ApprovalResolved.Resolution.APPROVED;
	}

	/**
	 * Returns whether the action was denied.
	 * @return {@code true} if denied
	 */
	public boolean denied() {
		return this.approval.approvalState() == ApprovalResolved.Resolution.DENIED;
	}

	/**
	 * Returns who resolved the approval.
	 * @return who resolved it, or {@code null} if not sent
	 */
	public String resolvedBy() {
		return this.approval.resolvedBy();
	}

}
