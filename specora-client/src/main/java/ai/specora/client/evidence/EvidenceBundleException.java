package ai.specora.client.evidence;

/**
 * A bundle that could not be read at all: not a ZIP archive, a damaged one, one over the
 * verifier's limits (entry count, entry size, total size: what a ZIP bomb runs into), or
 * an I/O error. The public verifier calls this an error (exit code 3), as opposed to a
 * bundle it could read and found wrong ({@link CheckStatus#FAIL}).
 */
public class EvidenceBundleException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message why the bundle could not be read
	 */
	public EvidenceBundleException(String message) {
		super(message);
	}

	/**
	 * Creates the exception with its cause.
	 * @param message why the bundle could not be read
	 * @param cause the underlying error
	 */
	public EvidenceBundleException(String message, Throwable cause) {
		super(message, cause);
	}

}
