package ai.specora.localauthority;

import java.util.Map;
import java.util.Objects;

/**
 * A policy of the local authority: actions whose type matches {@code actionType} and
 * whose scope matches every entry of {@code scope} get {@code effect}. Rules are tried
 * in order and the first match wins; when none matches, the settings' default effect
 * applies.
 * <p>
 * Globs use {@code *} (any run of characters) and {@code ?} (one character), for
 * example {@code db_*}. A scope matcher whose key is missing from the action's scope
 * does not match.
 *
 * @param name the rule's name, unique among the policies; reported as
 * {@code policy_id} {@code pol_<name>}
 * @param actionType the action type glob; {@code null} means {@code *}
 * @param scope scope key to value glob, all of which must match; {@code null} means none
 * @param effect what the rule decides
 * @param reason the {@code blocked_reason} of a {@link PolicyEffect#BLOCK} rule;
 * {@code null} for a generic one naming the rule
 * @param approvalSource who must approve a {@link PolicyEffect#SUSPEND} rule's actions,
 * e.g. {@code slack:#sec-approvals}; {@code null} for {@code local-authority}
 */
public record PolicyRule(String name, String actionType, Map<String, String> scope, PolicyEffect effect,
		String reason, String approvalSource) {

	/** The approval source reported when a rule names none. */
	public static final String DEFAULT_APPROVAL_SOURCE = "local-authority";

	/**
	 * Validates and normalises the rule.
	 * @param name the rule's name
	 * @param actionType the action type glob
	 * @param scope the scope matchers
	 * @param effect the effect
	 * @param reason the blocked reason
	 * @param approvalSource the approval source
	 */
	public PolicyRule {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("policy name must not be blank");
		}
		Objects.requireNonNull(effect, () -> "policy '" + name + "' must have an effect");
		actionType = (actionType != null) ? actionType : "*";
		scope = (scope != null) ? Map.copyOf(scope) : Map.of();
	}

	/**
	 * A rule that allows matching actions.
	 * @param name the rule's name
	 * @param actionType the action type glob
	 * @return the rule
	 */
	public static PolicyRule allow(String name, String actionType) {
		return new PolicyRule(name, actionType, null, PolicyEffect.ALLOW, null, null);
	}

	/**
	 * A rule that blocks matching actions.
	 * @param name the rule's name
	 * @param actionType the action type glob
	 * @param reason the blocked reason, or {@code null}
	 * @return the rule
	 */
	public static PolicyRule block(String name, String actionType, String reason) {
		return new PolicyRule(name, actionType, null, PolicyEffect.BLOCK, reason, null);
	}

	/**
	 * A rule that suspends matching actions until approved.
	 * @param name the rule's name
	 * @param actionType the action type glob
	 * @param approvalSource who must approve, or {@code null}
	 * @return the rule
	 */
	public static PolicyRule suspend(String name, String actionType, String approvalSource) {
		return new PolicyRule(name, actionType, null, PolicyEffect.SUSPEND, null, approvalSource);
	}

	/**
	 * Returns a copy of this rule with other scope matchers.
	 * @param scope scope key to value glob
	 * @return the new rule
	 */
	public PolicyRule withScope(Map<String, String> scope) {
		return new PolicyRule(this.name, this.actionType, scope, this.effect, this.reason, this.approvalSource);
	}

	/**
	 * The id reported as {@code policy_id}.
	 * @return {@code pol_<name>}
	 */
	public String policyId() {
		return "pol_" + this.name;
	}

	boolean matches(String actionType, Map<String, String> scope) {
		return Globs.matches(this.actionType, this.scope, actionType, scope);
	}

	String blockedReason() {
		return (this.reason != null) ? this.reason : "blocked by policy '" + this.name + "'";
	}

	String effectiveApprovalSource() {
		return (this.approvalSource != null) ? this.approvalSource : DEFAULT_APPROVAL_SOURCE;
	}

}
