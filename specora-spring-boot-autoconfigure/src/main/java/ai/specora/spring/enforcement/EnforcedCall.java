package ai.specora.spring.enforcement;

import java.lang.reflect.Method;
import java.time.Duration;

import ai.specora.client.EnforceRequest;
import ai.specora.client.EnforcementResult;

/**
 * One governed call of an {@link ai.specora.spring.Enforced @Enforced} method, as
 * {@link EnforcementListener}s see it: the same instance is passed to every callback
 * of one call, from start to end.
 */
public interface EnforcedCall {

	/**
	 * The action type of the call.
	 * @return the action type
	 */
	String actionType();

	/**
	 * The governed method.
	 * @return the method
	 */
	Method method();

	/**
	 * The enforcement request; {@code null} when it could not be built.
	 * @return the request, or {@code null}
	 */
	EnforceRequest request();

	/**
	 * The decision; {@code null} before it is known or when none could be had.
	 * @return the decision, or {@code null}
	 */
	EnforcementResult result();

	/**
	 * How long the method has run (or ran); zero before it started.
	 * @return the duration
	 */
	Duration duration();

}
