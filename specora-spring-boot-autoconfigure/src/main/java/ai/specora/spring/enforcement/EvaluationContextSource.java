package ai.specora.spring.enforcement;

/**
 * Gives the evaluation context of one call when an expression first needs it, so that
 * a call whose expressions are all constants creates none.
 */
@FunctionalInterface
interface EvaluationContextSource {

	/**
	 * The evaluation context of the call, the same one on every use.
	 * @return the context
	 */
	InvocationEvaluationContext evaluationContext();

}
