package ai.specora.client.webhook;

/**
 * Thrown when a {@link ReplayStore} cannot answer, for example because Redis is down.
 * <p>
 * The event was neither accepted nor refused: the endpoint should answer 503 so that
 * the sender delivers it again later. A verifier never accepts an event whose replay
 * check failed.
 */
public class ReplayStoreUnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message the description of the failure
	 * @param cause the underlying failure, or {@code null}
	 */
	public ReplayStoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
