package ai.specora.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a method under Specora runtime governance: before the method runs, the
 * authority is asked for a decision; the method runs only when allowed, and its
 * outcome is reported as the enforcement's completion.
 * <p>
 * Put it on a method, on a class or interface (all its public methods), on an
 * interface method, or on an annotation of your own to compose it:
 *
 * <pre class="code">
 * &#64;Retention(RetentionPolicy.RUNTIME)
 * &#64;Target(ElementType.METHOD)
 * &#64;Enforced(actionType = "db_write", scope = "{'table': #table}", writeOp = true)
 * public &#64;interface DbWrite {
 * }
 * </pre>
 *
 * A method-level annotation beats a class-level one; two annotations competing on the
 * same method fail start-up. All expressions are parsed and checked once, at start-up;
 * a mistake fails start-up with a message naming the class, method and attribute.
 * <p>
 * Expressions are SpEL. They see the method's parameters by name (compile with
 * {@code -parameters}) and as {@code #p0}/{@code #a0}, the invocation as
 * {@code #root.method}, {@code #root.target} and {@code #root.args}, and beans as
 * {@code @beanName}.
 * <p>
 * Methods may return plain values, {@code void}, {@code CompletionStage} /
 * {@code CompletableFuture}, or any type known to Spring's
 * {@code ReactiveAdapterRegistry} ({@code Mono}, {@code Flux}, ...), for which
 * enforcement happens at subscription, without blocking.
 * <p>
 * Like every proxy-based annotation, it applies to calls made through the Spring bean,
 * not to calls a bean makes to its own methods; use
 * {@link ai.specora.client.SpecoraClient#enforced} there.
 */
@Target({ ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface Enforced {

	/**
	 * The kind of action, a literal, e.g. {@code db_write}.
	 * @return the action type
	 */
	String actionType();

	/**
	 * What the action touches, for the audit trail and the policies: a SpEL expression
	 * giving a non-empty map, e.g. {@code "{'table': 'users', 'tenant': #tenantId}"}.
	 * Required: an empty expression fails start-up, and an expression giving
	 * {@code null} or an empty map fails the call before the method runs.
	 * @return the scope expression
	 */
	String scope();

	/**
	 * The arguments as the audit trail should show them: a SpEL expression giving a
	 * map, e.g. {@code "{'id': #user.id}"}. Empty (the default) sends no arguments;
	 * method arguments are never sent unless named here.
	 * @return the arguments expression
	 */
	String args() default "";

	/**
	 * The estimated cost in USD: a SpEL expression giving a number, default
	 * {@code "0"}.
	 * @return the estimated cost expression
	 */
	String estimatedCost() default "0";

	/**
	 * The estimated volume (number of units): a SpEL expression giving a whole number,
	 * default {@code "1"}.
	 * @return the estimated volume expression
	 */
	String estimatedVolume() default "1";

	/**
	 * The idempotency key of the business operation: a SpEL expression, e.g.
	 * {@code "#refund.id"}, so that a retry of the same operation (after an approval,
	 * or a redelivery) is answered from the same journal entry instead of making a new
	 * one. A {@code UUID}, or a string in UUID form, is sent as the request id as is;
	 * any other non-blank string, an integer or a {@code BigDecimal} becomes a
	 * name-based UUID derived from the action type and the value, so the same
	 * operation always has the same id and two action types never share one. A
	 * {@code null} or blank value, or one of another type, fails the call with an
	 * {@code EnforcedExpressionException} before the method runs. Empty (the default)
	 * gives every call a new random request id.
	 * @return the request id expression
	 */
	String requestId() default "";

	/**
	 * Whether the action changes state.
	 * @return {@code true} for writes
	 */
	boolean writeOp() default false;

	/**
	 * The actual cost in USD, evaluated after the method succeeded: a SpEL expression
	 * that may use the method's result as {@code #result}, e.g.
	 * {@code "#result.cost"}. Empty (the default) reports no actual cost.
	 * @return the actual cost expression
	 */
	String costActual() default "";

	/**
	 * What happens when no decision can be had; by default the client's fail mode.
	 * @return the fail mode of this method
	 */
	EnforcedFailMode failMode() default EnforcedFailMode.INHERIT;

	/**
	 * What happens when the action needs an approval: raise at once (default) or wait.
	 * @return the suspension policy
	 */
	OnSuspend onSuspend() default OnSuspend.THROW;

	/**
	 * How long {@link OnSuspend#WAIT} waits for the approval: an ISO-8601 duration
	 * ({@code "PT5M"}) or a number of seconds ({@code "300"}). Default five minutes.
	 * @return the approval timeout
	 */
	String approvalTimeout() default "PT5M";

	/**
	 * Whether this method's decisions are applied or only recorded; by default the
	 * application's mode ({@code specora.mode}).
	 * @return the mode of this method
	 */
	EnforcedMode mode() default EnforcedMode.INHERIT;

}
