package ai.specora.spring.enforcement.completion;

/**
 * A durable completion store could not be reached.
 */
final class CompletionStoreException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	CompletionStoreException(String message, Throwable cause) {
		super(message, cause);
	}

}
