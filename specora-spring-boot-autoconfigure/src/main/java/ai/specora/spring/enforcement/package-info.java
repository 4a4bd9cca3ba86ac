/**
 * The machinery behind {@link ai.specora.spring.Enforced @Enforced}: the registry that
 * resolves and parses each method's declaration once, the pointcut, the advisor and
 * the interceptor, the delivery of completions, and the listener hook for
 * observability.
 */
package ai.specora.spring.enforcement;
