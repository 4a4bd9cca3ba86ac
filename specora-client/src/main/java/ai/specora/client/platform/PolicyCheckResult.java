package ai.specora.client.platform;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a policy check ({@code checkPolicy}).
 *
 * @param decision allow, block or warn
 * @param severity how serious the result is ({@link Severity#UNKNOWN} for a value this
 * client does not know, and for a fail-open result)
 * @param invariants the invariants evaluated (empty when none)
 * @param override whether the result may be overridden, or {@code null}
 * @param failOpen {@code false} for an answer of the platform, {@code true} for an allow
 * made up by the client under {@link ai.specora.client.FailMode#OPEN} because no answer
 * could be had
 */
public record PolicyCheckResult(PolicyDecision decision, Severity severity, List<PolicyInvariant> invariants,
		PolicyOverride override, boolean failOpen) {

	/**
	 * Checks the mandatory components and copies the list.
	 * @param decision the decision
	 * @param severity the severity
	 * @param invariants the invariants, or {@code null}
	 * @param override the override rules, or {@code null}
	 * @param failOpen whether the client made the allow up under the fail-open mode
	 */
	public PolicyCheckResult {
		Objects.requireNonNull(decision, "decision must not be null");
		Objects.requireNonNull(severity, "severity must not be null");
		invariants = (invariants != null) ? List.copyOf(invariants) : List.of();
	}

	/**
	 * Whether the operation may go ahead: the decision is allow or warn.
	 * @return {@code false} only for {@link PolicyDecision#BLOCK}
	 */
	public boolean isAllowed() {
		return this.decision != PolicyDecision.BLOCK;
	}

	/**
	 * Whether this allow was made up by the client under
	 * {@link ai.specora.client.FailMode#OPEN}; the same as {@link #failOpen()}.
	 * @return {@code true} for an allow the platform did not give
	 */
	public boolean isFailOpen() {
		return this.failOpen;
	}

	static PolicyCheckResult failOpenAllow() {
		return new PolicyCheckResult(PolicyDecision.ALLOW, Severity.UNKNOWN, List.of(), null, true);
	}

}
