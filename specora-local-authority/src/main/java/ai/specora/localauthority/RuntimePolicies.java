package ai.specora.localauthority;

import java.util.List;
import java.util.Map;

/**
 * The runtime policies: the first that matches a request, and what it decides, with
 * the default effect when none matches. Immutable.
 */
final class RuntimePolicies {

	private final List<PolicyRule> policies;

	private final PolicyEffect defaultEffect;

	RuntimePolicies(List<PolicyRule> policies, PolicyEffect defaultEffect) {
		this.policies = policies;
		this.defaultEffect = defaultEffect;
	}

	/** The first policy that matches, or {@code null}. */
	PolicyRule firstMatch(String actionType, Map<String, String> scope) {
		for (PolicyRule rule : this.policies) {
			if (rule.matches(actionType, scope)) {
				return rule;
			}
		}
		return null;
	}

	/** The effect of a matched policy, or the default effect for {@code null}. */
	PolicyEffect effectOf(PolicyRule rule) {
		return (rule != null) ? rule.effect() : this.defaultEffect;
	}

	/** Why a matched policy, or the default policy for {@code null}, blocks. */
	static String blockedReason(PolicyRule rule) {
		return (rule != null) ? rule.blockedReason() : "blocked by the default policy";
	}

	/** Who approves for a matched policy, or the default policy for {@code null}. */
	static String approvalSource(PolicyRule rule) {
		return (rule != null) ? rule.effectiveApprovalSource() : PolicyRule.DEFAULT_APPROVAL_SOURCE;
	}

}
