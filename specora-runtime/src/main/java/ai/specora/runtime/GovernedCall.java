package ai.specora.runtime;

import java.time.Duration;

import ai.specora.client.EnforceRequest;
import ai.specora.client.EnforcementResult;

/**
 * One governed call, as {@link GovernanceListener}s see it, whatever the entry point
 * (an {@code @Enforced} method, a tool callback): the same instance is passed to every
 * callback of one call, from start to end.
 */
public interface GovernedCall {

	/**
	 * The policy the call is governed by: action type, description, fail mode, suspend
	 * policy and mode.
	 * @return the policy
	 */
	GovernancePolicy policy();

	/**
	 * The action type of the call, as observed (see
	 * {@link GovernancePolicy#actionType()}).
	 * @return the action type
	 */
	default String actionType() {
		return policy().actionType();
	}

	/**
	 * The enforcement request; {@code null} before it was built or when it could not be.
	 * @return the request, or {@code null}
	 */
	EnforceRequest request();

	/**
	 * The latest decision; {@code null} before it is known or when none could be had.
	 * @return the decision, or {@code null}
	 */
	EnforcementResult result();

	/**
	 * How long the governed code has run (or ran); zero before it started.
	 * @return the duration
	 */
	Duration duration();

}
