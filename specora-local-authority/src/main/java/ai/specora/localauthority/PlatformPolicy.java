package ai.specora.localauthority;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A governance policy of the Platform API, evaluated by
 * {@code POST /v1/platform/policy/check}: a check whose {@code subject.type} matches
 * {@code subjectType} and whose {@code inputs} match every entry of {@code inputs}
 * answers this policy's decision, severity, invariants and override eligibility.
 * Policies are tried in order and the first match wins; when none matches, the answer
 * is {@code allow}, severity {@code low}, no invariants and no override.
 * <p>
 * Globs use {@code *} and {@code ?}; an input matcher whose key the check's inputs lack
 * (or whose value is not a string, number or boolean) does not match. A check whose
 * invariants include a {@code failed} one also sends a {@code platform.invariant_failed}
 * webhook per failed invariant.
 *
 * @param name the policy's name, unique among the platform policies
 * @param subjectType the subject type glob, e.g. {@code pr_run}; {@code null} means
 * {@code *}
 * @param inputs input key to value glob, all of which must match; {@code null} means
 * none
 * @param decision what the check answers
 * @param severity the severity answered
 * @param invariants the invariants answered; {@code null} means none
 * @param override whether and how the decision may be overridden; {@code null} means
 * {@link OverrideEligibility#NONE}
 */
public record PlatformPolicy(String name, String subjectType, Map<String, String> inputs, Decision decision,
		Severity severity, List<Invariant> invariants, OverrideEligibility override) {

	/**
	 * Validates and normalises the policy.
	 * @param name the name
	 * @param subjectType the subject type glob
	 * @param inputs the input matchers
	 * @param decision the decision
	 * @param severity the severity
	 * @param invariants the invariants
	 * @param override the override eligibility
	 */
	public PlatformPolicy {
		PlatformVocabulary.requireText(name, "platform policy name");
		Objects.requireNonNull(decision, () -> "platform policy '" + name + "' must have a decision");
		Objects.requireNonNull(severity, () -> "platform policy '" + name + "' must have a severity");
		subjectType = (subjectType != null) ? subjectType : "*";
		inputs = (inputs != null) ? Map.copyOf(inputs) : Map.of();
		invariants = (invariants != null) ? List.copyOf(invariants) : List.of();
		override = (override != null) ? override : OverrideEligibility.NONE;
	}

	/**
	 * A policy that blocks subjects of a type, with the given failed invariant.
	 * @param name the name
	 * @param subjectType the subject type glob
	 * @param severity the severity
	 * @param invariant the invariant that fails
	 * @return the policy
	 */
	public static PlatformPolicy block(String name, String subjectType, Severity severity, Invariant invariant) {
		return new PlatformPolicy(name, subjectType, null, Decision.BLOCK, severity, List.of(invariant), null);
	}

	/**
	 * Returns a copy of this policy with other input matchers.
	 * @param inputs input key to value glob
	 * @return the new policy
	 */
	public PlatformPolicy withInputs(Map<String, String> inputs) {
		return new PlatformPolicy(this.name, this.subjectType, inputs, this.decision, this.severity, this.invariants,
				this.override);
	}

	/**
	 * Returns a copy of this policy with another override eligibility.
	 * @param override the override eligibility
	 * @return the new policy
	 */
	public PlatformPolicy withOverride(OverrideEligibility override) {
		return new PlatformPolicy(this.name, this.subjectType, this.inputs, this.decision, this.severity,
				this.invariants, override);
	}

	boolean matches(String subjectType, Map<String, String> inputs) {
		return Globs.matches(this.subjectType, this.inputs, subjectType, inputs);
	}

	/**
	 * What a policy check decides.
	 */
	public enum Decision {

		/** The operation may go ahead. */
		ALLOW,

		/** The operation must not go ahead. */
		BLOCK,

		/** The operation may go ahead, with a warning. */
		WARN;

		String wire() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/**
	 * How severe a finding is.
	 */
	public enum Severity {

		/** Low. */
		LOW,

		/** Medium. */
		MEDIUM,

		/** High. */
		HIGH,

		/** Critical. */
		CRITICAL;

		String wire() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/**
	 * One invariant of a policy check's answer.
	 *
	 * @param id the invariant's id
	 * @param status its status in the client's vocabulary: {@code pass}, {@code fail} or
	 * {@code warn} ({@code passed}, {@code failed} and {@code warned} are read as those)
	 * @param reason why, or {@code null}
	 */
	public record Invariant(String id, String status, String reason) {

		/**
		 * Validates the invariant.
		 * @param id the id
		 * @param status the status
		 * @param reason the reason
		 */
		public Invariant {
			PlatformVocabulary.requireText(id, "invariant id");
			status = PlatformVocabulary.invariantStatus(status, "status of invariant '" + id + "'");
		}

		/**
		 * A failed invariant.
		 * @param id the id
		 * @param reason why it failed
		 * @return the invariant
		 */
		public static Invariant failed(String id, String reason) {
			return new Invariant(id, PlatformVocabulary.INVARIANT_FAIL, reason);
		}

		/**
		 * A passed invariant.
		 * @param id the id
		 * @return the invariant
		 */
		public static Invariant passed(String id) {
			return new Invariant(id, PlatformVocabulary.INVARIANT_PASS, null);
		}

		boolean isFailed() {
			return PlatformVocabulary.INVARIANT_FAIL.equals(this.status);
		}

	}

	/**
	 * Whether a policy check's decision may be overridden (break glass), and how.
	 *
	 * @param eligible whether an override is possible
	 * @param requiredJustification whether an override needs a written justification
	 * @param expiresMaxSeconds the longest an override may last, in seconds, zero or more
	 */
	public record OverrideEligibility(boolean eligible, boolean requiredJustification, long expiresMaxSeconds) {

		/** No override possible. */
		public static final OverrideEligibility NONE = new OverrideEligibility(false, false, 0);

		/**
		 * Validates the override eligibility.
		 * @param eligible whether an override is possible
		 * @param requiredJustification whether it needs a justification
		 * @param expiresMaxSeconds its longest life in seconds
		 */
		public OverrideEligibility {
			if (expiresMaxSeconds < 0) {
				throw new IllegalArgumentException("override expires_max_seconds must not be negative");
			}
		}

		/**
		 * An override that needs a justification and lasts at most the given time.
		 * @param expiresMaxSeconds its longest life in seconds
		 * @return the override eligibility
		 */
		public static OverrideEligibility withJustification(long expiresMaxSeconds) {
			return new OverrideEligibility(true, true, expiresMaxSeconds);
		}

	}

}
