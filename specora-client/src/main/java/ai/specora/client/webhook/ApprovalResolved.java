package ai.specora.client.webhook;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The data of a {@code runtime.approval_resolved} event: a suspended action was
 * approved or denied by a person or a policy.
 *
 * @param journalId the journal entry of the suspended action ({@code journal_id})
 * @param approvalId the approval request ({@code approval_id})
 * @param approvalState the outcome ({@code approval_state})
 * @param resolvedBy who resolved it ({@code resolved_by}), or {@code null} if not sent
 * @see WebhookEvent#approvalResolved()
 */
public record ApprovalResolved(String journalId, String approvalId, Resolution approvalState,
		String resolvedBy) {

	/**
	 * Creates the payload, checking the required fields.
	 * @param journalId the journal entry of the suspended action
	 * @param approvalId the approval request
	 * @param approvalState the outcome
	 * @param resolvedBy who resolved it, may be {@code null}
	 */
	public ApprovalResolved {
		Objects.requireNonNull(journalId, "journalId must not be null");
		Objects.requireNonNull(approvalId, "approvalId must not be null");
		Objects.requireNonNull(approvalState, "approvalState must not be null");
	}

	/**
	 * Reads the payload from an event's {@code data} object.
	 * @param data the {@code data} object
	 * @return the payload
	 * @throws IllegalArgumentException if a required field is missing or invalid
	 */
	static ApprovalResolved from(Map<String, Object> data) {
		return new ApprovalResolved(requiredText(data, "journal_id"), requiredText(data, "approval_id"),
				Resolution.fromWireName(requiredText(data, "approval_state")), optionalText(data, "resolved_by"));
	}

	private static String requiredText(Map<String, Object> data, String field) {
		String value = optionalText(data, field);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("approval_resolved data lacks the string field '" + field + "'");
		}
		return value;
	}

	private static String optionalText(Map<String, Object> data, String field) {
		return (data.get(field) instanceof String text) ? text : null;
	}

	/**
	 * The outcome of an approval request.
	 */
	public enum Resolution {

		/** The action was approved and may run. */
		APPROVED("approved"),

		/** The action was denied and must not run. */
		DENIED("denied");

		private final String wireName;

		Resolution(String wireName) {
			this.wireName = wireName;
		}

		/**
		 * Returns the name of this state on the wire.
		 * @return the wire name, such as {@code approved}
		 */
		@JsonValue
		public String wireName() {
			return this.wireName;
		}

		/**
		 * Returns the state with the given wire name, ignoring case.
		 * @param wireName the wire name, such as {@code approved}
		 * @return the state
		 * @throws IllegalArgumentException if no state has that name
		 */
		@JsonCreator
		public static Resolution fromWireName(String wireName) {
			if (wireName != null) {
				String name = wireName.toLowerCase(Locale.ROOT);
				for (Resolution state : values()) {
					if (state.wireName.equals(name)) {
						return state;
					}
				}
			}
			throw new IllegalArgumentException("unknown approval_state '" + wireName + "'");
		}

	}

}
