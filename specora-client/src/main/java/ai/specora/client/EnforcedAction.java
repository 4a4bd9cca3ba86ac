package ai.specora.client;

/**
 * The body of {@link SpecoraClient#enforced(EnforceRequest, EnforcedAction)}: the
 * governed action, run only when the authority allows it.
 *
 * @param <T> the action's result type
 * @param <E> the checked exception the action may throw
 */
@FunctionalInterface
public interface EnforcedAction<T, E extends Throwable> {

	/**
	 * Runs the action.
	 * @param context the allowed enforcement; use it to complete explicitly, e.g. with
	 * the real cost
	 * @return the action's result
	 * @throws E when the action fails
	 */
	T run(EnforcementContext context) throws E;

}
