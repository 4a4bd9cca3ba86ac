package ai.specora.client.platform;

import java.util.List;
import java.util.Objects;

/**
 * The verdict on a change's assumptions ({@code validateAssumptions}).
 *
 * @param severity how serious the findings are ({@link Severity#UNKNOWN} for a value
 * this client does not know)
 * @param verificationRequired whether the change needs verification
 * @param mergeEligible whether the change may be merged
 * @param violations the violated assumptions (empty when none)
 * @param recommendations what to do (empty when none)
 */
public record AssumptionsValidationResult(Severity severity, boolean verificationRequired, boolean mergeEligible,
		List<AssumptionViolation> violations, List<String> recommendations) {

	/**
	 * Checks the mandatory components and copies the lists.
	 * @param severity the severity
	 * @param verificationRequired whether verification is required
	 * @param mergeEligible whether the change may be merged
	 * @param violations the violations, or {@code null}
	 * @param recommendations the recommendations, or {@code null}
	 */
	public AssumptionsValidationResult {
		Objects.requireNonNull(severity, "severity must not be null");
		violations = (violations != null) ? List.copyOf(violations) : List.of();
		recommendations = (recommendations != null) ? List.copyOf(recommendations) : List.of();
	}

}
