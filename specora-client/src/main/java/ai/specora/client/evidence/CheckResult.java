package ai.specora.client.evidence;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of one check of a bundle.
 *
 * @param check which check
 * @param status its outcome
 * @param message one line saying what was found
 * @param details one line per finding (an artifact that does not match, an unlisted
 * entry, ...); empty when there is nothing more to say
 */
public record CheckResult(EvidenceCheck check, CheckStatus status, String message, List<String> details) {

	/**
	 * Checks the fields.
	 * @param check the check
	 * @param status the outcome
	 * @param message the message
	 * @param details the findings
	 */
	public CheckResult {
		Objects.requireNonNull(check, "check must not be null");
		Objects.requireNonNull(status, "status must not be null");
		Objects.requireNonNull(message, "message must not be null");
		details = List.copyOf(Objects.requireNonNull(details, "details must not be null"));
	}

	static CheckResult pass(EvidenceCheck check, String message) {
		return new CheckResult(check, CheckStatus.PASS, message, List.of());
	}

	static CheckResult warn(EvidenceCheck check, String message, List<String> details) {
		return new CheckResult(check, CheckStatus.WARN, message, details);
	}

	static CheckResult fail(EvidenceCheck check, String message, List<String> details) {
		return new CheckResult(check, CheckStatus.FAIL, message, details);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder().append(this.status)
			.append(' ')
			.append(this.check.checkName())
			.append(": ")
			.append(this.message);
		this.details.forEach((detail) -> text.append("\n    ").append(detail));
		return text.toString();
	}

}
