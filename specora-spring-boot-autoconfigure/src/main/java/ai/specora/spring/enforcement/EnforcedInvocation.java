package ai.specora.spring.enforcement;

import java.math.BigDecimal;

import ai.specora.client.EnforceRequest;
import ai.specora.runtime.GovernedRequest;

/**
 * What one call of an {@code @Enforced} method asks: its request and actual cost, from
 * the method's expressions evaluated against the call's target and arguments. The
 * evaluation context is created only when an expression that is not a constant needs
 * it, and at most once per use.
 */
final class EnforcedInvocation implements GovernedRequest, EvaluationContextSource {

	private final EnforcedMethod method;

	private final Object target;

	private final Object[] arguments;

	private InvocationEvaluationContext evaluation;

	EnforcedInvocation(EnforcedMethod method, Object target, Object[] arguments) {
		this.method = method;
		this.target = target;
		this.arguments = arguments;
	}

	/**
	 * The evaluation context of this call's expressions, created on first use. The
	 * request is built before the method runs and the actual cost after it ended, never
	 * both at once; should the second use not see the first's context, it creates an
	 * equivalent one (a context holds nothing but the call's target and arguments).
	 */
	@Override
	public InvocationEvaluationContext evaluationContext() {
		InvocationEvaluationContext context = this.evaluation;
		if (context == null) {
			context = this.method.evaluationContext(this.target, this.arguments);
			this.evaluation = context;
		}
		return context;
	}

	/**
	 * @throws EnforcedExpressionException when an expression gives an unusable value
	 */
	@Override
	public EnforceRequest build() {
		return this.method.request(this);
	}

	@Override
	public BigDecimal actualCost(Object value) {
		return this.method.costActual(this, value);
	}

}
