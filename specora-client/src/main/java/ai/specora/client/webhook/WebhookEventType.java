package ai.specora.client.webhook;

/**
 * The webhook event types this version of the client knows, with their wire names.
 * <p>
 * An event whose type is not listed here is still delivered, as {@link #UNKNOWN}; its
 * wire name stays available from {@link WebhookEvent#eventType()}.
 */
public enum WebhookEventType {

	/** {@code platform.invariant_failed}: a declared invariant was violated. */
	INVARIANT_FAILED("platform.invariant_failed"),

	/** {@code platform.budget_breach}: a budget was exceeded. */
	BUDGET_BREACH("platform.budget_breach"),

	/** {@code platform.provider_quarantined}: a provider was put in quarantine. */
	PROVIDER_QUARANTINED("platform.provider_quarantined"),

	/** {@code platform.drift_detected}: behaviour drift was detected. */
	DRIFT_DETECTED("platform.drift_detected"),

	/** {@code platform.break_glass_used}: a break-glass override was used. */
	BREAK_GLASS_USED("platform.break_glass_used"),

	/** {@code platform.sla_breach}: a service level was breached. */
	SLA_BREACH("platform.sla_breach"),

	/** {@code platform.risk_score_changed}: a risk score changed. */
	RISK_SCORE_CHANGED("platform.risk_score_changed"),

	/**
	 * {@code runtime.approval_resolved}: a suspended action was approved or denied; see
	 * {@link ApprovalResolved}.
	 */
	APPROVAL_RESOLVED("runtime.approval_resolved"),

	/** Any type this version of the client does not know. */
	UNKNOWN(null);

	private final String wireName;

	WebhookEventType(String wireName) {
		this.wireName = wireName;
	}

	/**
	 * Returns the name of this type on the wire.
	 * @return the wire name, or {@code null} for {@link #UNKNOWN}
	 */
	public String wireName() {
		return this.wireName;
	}

	/**
	 * Returns the type with the given wire name.
	 * @param wireName the {@code event_type} of an event, may be {@code null}
	 * @return the matching type, or {@link #UNKNOWN} if none matches
	 */
	public static WebhookEventType fromWireName(String wireName) {
		if (wireName != null) {
			for (WebhookEventType type : values()) {
				if (wireName.equals(type.wireName)) {
					return type;
				}
			}
		}
		return UNKNOWN;
	}

}
