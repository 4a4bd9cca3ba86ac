package ai.specora.client.evidence;

/**
 * The outcome of a check, with the meaning of the public verifier's exit codes.
 */
public enum CheckStatus {

	/** Everything checked holds (exit code 0). */
	PASS(0),

	/**
	 * Nothing is proven wrong, but something could not be established or deserves a look:
	 * a retired or unknown key, entries the manifest does not list (exit code 1).
	 */
	WARN(1),

	/** The evidence is not intact or not trusted (exit code 2). */
	FAIL(2);

	private final int exitCode;

	CheckStatus(int exitCode) {
		this.exitCode = exitCode;
	}

	/**
	 * The public verifier's exit code for this outcome.
	 * @return 0, 1 or 2
	 */
	public int exitCode() {
		return this.exitCode;
	}

	/**
	 * The worse of two outcomes.
	 * @param other another outcome
	 * @return {@code FAIL} over {@code WARN} over {@code PASS}
	 */
	public CheckStatus worst(CheckStatus other) {
		return (other.exitCode > this.exitCode) ? other : this;
	}

}
