package ai.specora.client.evidence;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of verifying an evidence bundle: one {@link CheckResult} per
 * {@link EvidenceCheck}, in order, and the overall status (the worst of them).
 *
 * @param status the overall outcome: {@code FAIL} if any check failed, else
 * {@code WARN} if any warned, else {@code PASS}
 * @param checks the four results, in the order of {@link EvidenceCheck}
 * @param manifestSha256 the canonical hash of the manifest without its {@code signing}
 * block as computed here (64 hex), or {@code null} when the manifest is unreadable
 * @param keyId the key id of the signing block, or {@code null}
 * @param schemaVersion the manifest's {@code schema_version}, or {@code null}
 */
public record BundleVerification(CheckStatus status, List<CheckResult> checks, String manifestSha256, String keyId,
		String schemaVersion) {

	/**
	 * Checks the fields.
	 * @param status the overall outcome
	 * @param checks the results
	 * @param manifestSha256 the manifest hash, or {@code null}
	 * @param keyId the key id, or {@code null}
	 * @param schemaVersion the schema version, or {@code null}
	 */
	public BundleVerification {
		Objects.requireNonNull(status, "status must not be null");
		checks = List.copyOf(Objects.requireNonNull(checks, "checks must not be null"));
	}

	static BundleVerification of(List<CheckResult> checks, String manifestSha256, String keyId,
			String schemaVersion) {
		CheckStatus overall = CheckStatus.PASS;
		for (CheckResult check : checks) {
			overall = overall.worst(check.status());
		}
		return new BundleVerification(overall, checks, manifestSha256, keyId, schemaVersion);
	}

	/**
	 * The result of one check.
	 * @param check the check
	 * @return its result
	 */
	public CheckResult check(EvidenceCheck check) {
		return this.checks.stream()
			.filter((result) -> result.check() == check)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no result for " + check));
	}

	/**
	 * Whether every check passed.
	 * @return {@code true} when the overall status is {@code PASS}
	 */
	public boolean passed() {
		return this.status == CheckStatus.PASS;
	}

	/**
	 * Whether a check failed: the evidence is not intact or not trusted.
	 * @return {@code true} when the overall status is {@code FAIL}
	 */
	public boolean failed() {
		return this.status == CheckStatus.FAIL;
	}

	/**
	 * The bundle hash of the API's answers, {@code sha256:} and the manifest hash.
	 * @return the bundle hash, or {@code null} when the manifest is unreadable
	 */
	public String bundleHash() {
		return (this.manifestSha256 != null) ? "sha256:" + this.manifestSha256 : null;
	}

	/**
	 * A report of the verification, one line per check and finding.
	 * @return the report
	 */
	public String report() {
		StringBuilder text = new StringBuilder("bundle verification: ").append(this.status);
		this.checks.forEach((check) -> text.append('\n').append(check));
		return text.toString();
	}

}
