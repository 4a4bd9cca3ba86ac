package ai.specora.runtime;

/**
 * The governed code of a blocking call, run on the calling thread once allowed.
 *
 * @param <T> what it returns
 * @param <E> the exception it may throw
 */
@FunctionalInterface
public interface GovernedBody<T, E extends Throwable> {

	/**
	 * Runs the governed code.
	 * @return its result
	 * @throws E its own exception, passed on unchanged
	 */
	T run() throws E;

}
