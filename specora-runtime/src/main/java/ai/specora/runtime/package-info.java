/**
 * The governance engine every entry point adapts: {@link ai.specora.runtime.GovernanceEngine}
 * asks the authority, applies the fail mode, judges the decision, waits for an approval,
 * runs the governed code and completes the call, for the policy
 * ({@link ai.specora.runtime.GovernancePolicy}) and request
 * ({@link ai.specora.runtime.GovernedRequest}) an adapter gives it. Its implementation
 * is package-private.
 */
package ai.specora.runtime;
