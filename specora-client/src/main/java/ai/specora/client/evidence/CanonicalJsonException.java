package ai.specora.client.evidence;

/**
 * A value that canonical JSON cannot express, or a text that is not the JSON it needs:
 * a floating-point or non-integral number, {@code NaN} or an infinity, a map key that
 * is not a string, a duplicate key, a value of a type JSON has no form for, or a text
 * that does not parse.
 * <p>
 * The spec carries decimals as strings; a number with a fraction or an exponent has no
 * byte-exact canonical form across implementations, so it is refused rather than
 * guessed.
 */
public class CanonicalJsonException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what could not be expressed, and where
	 */
	public CanonicalJsonException(String message) {
		super(message);
	}

	/**
	 * Creates the exception with its cause.
	 * @param message what could not be expressed, and where
	 * @param cause the parser's error
	 */
	public CanonicalJsonException(String message, Throwable cause) {
		super(message, cause);
	}

}
