package ai.specora.spring.enforcement;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import ai.specora.client.EnforceRequest;
import ai.specora.client.FailMode;
import ai.specora.runtime.GovernanceMode;
import ai.specora.runtime.GovernancePolicy;
import ai.specora.spring.EnforcedFailMode;
import ai.specora.spring.EnforcedMode;
import ai.specora.spring.OnSuspend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.ReactiveAdapter;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.support.StandardEvaluationContext;

/**
 * What one {@link ai.specora.spring.Enforced @Enforced} method asks for, resolved and
 * parsed once at start-up: the action type, the parsed expressions, the fail mode,
 * the suspension policy and how its return type is governed. Per call, only the
 * expressions that are not constants are evaluated, in an evaluation context created
 * only when one of them needs it; constant ones were evaluated once, at start-up.
 */
public final class EnforcedMethod {

	private static final Logger logger = LoggerFactory.getLogger(EnforcedMethod.class);

	static final String SCOPE = "scope";

	static final String ARGS = "args";

	static final String ESTIMATED_COST = "estimatedCost";

	static final String ESTIMATED_VOLUME = "estimatedVolume";

	static final String COST_ACTUAL = "costActual";

	static final String REQUEST_ID = "requestId";

	private final Method method;

	private final Class<?> targetClass;

	private final String description;

	private final String actionType;

	private final boolean writeOp;

	private final EnforcedExpressions expressions;

	private final EnforcedRequestIds requestIds;

	private final EnforcedPolicy policy;

	private final ReturnKind returnKind;

	private final ReactiveAdapter reactiveAdapter;

	private final ParameterBindings bindings;

	private final StandardEvaluationContext sharedContext;

	EnforcedMethod(Method method, Class<?> targetClass, String actionType, boolean writeOp,
			EnforcedExpressions expressions, EnforcedPolicy policy, ReturnKind returnKind,
			ReactiveAdapter reactiveAdapter, ParameterBindings bindings, StandardEvaluationContext sharedContext) {
		this.method = method;
		this.targetClass = targetClass;
		this.description = EnforcedMethodDefinitionException.describe(targetClass, method);
		this.actionType = actionType;
		this.writeOp = writeOp;
		this.expressions = expressions;
		this.requestIds = (expressions.requestId() != null) ? new EnforcedRequestIds(actionType) : null;
		this.policy = policy;
		this.returnKind = returnKind;
		this.reactiveAdapter = reactiveAdapter;
		this.bindings = bindings;
		this.sharedContext = sharedContext;
	}

	/**
	 * The governed method (the most specific one for the target class).
	 * @return the method
	 */
	public Method getMethod() {
		return this.method;
	}

	/**
	 * The class of the bean the method was resolved for.
	 * @return the target class
	 */
	public Class<?> getTargetClass() {
		return this.targetClass;
	}

	/**
	 * The action type sent to the authority.
	 * @return the action type
	 */
	public String getActionType() {
		return this.actionType;
	}

	/**
	 * Whether the action changes state.
	 * @return {@code true} for writes
	 */
	public boolean isWriteOp() {
		return this.writeOp;
	}

	/**
	 * The fail mode of this method.
	 * @return the fail mode
	 */
	public EnforcedFailMode getFailMode() {
		return this.policy.failMode();
	}

	/**
	 * What happens when the action is suspended.
	 * @return the suspension policy
	 */
	public OnSuspend getOnSuspend() {
		return this.policy.onSuspend();
	}

	/**
	 * How long {@link OnSuspend#WAIT} waits for an approval.
	 * @return the approval timeout
	 */
	public Duration getApprovalTimeout() {
		return this.policy.approvalTimeout();
	}

	/**
	 * Whether this method's decisions are applied or only recorded.
	 * @return the declared mode
	 */
	public EnforcedMode getMode() {
		return this.policy.mode();
	}

	/**
	 * The engine's policy of this method, its inherited values resolved.
	 * @param failMode the client's fail mode
	 * @param mode the application's mode
	 * @return the policy
	 */
	public GovernancePolicy policy(FailMode failMode, GovernanceMode mode) {
		return GovernancePolicy.builder(this.actionType)
			.description(this.description)
			.failMode(this.policy.failMode().orElse(failMode))
			.onSuspend(this.policy.onSuspend().policy(this.policy.approvalTimeout()))
			.mode(this.policy.mode().orElse(mode))
			.build();
	}

	/**
	 * A readable name of the method, {@code com.example.Tools.write(String)}.
	 * @return the description
	 */
	public String getDescription() {
		return this.description;
	}

	ReturnKind returnKind() {
		return this.returnKind;
	}

	ReactiveAdapter reactiveAdapter() {
		return this.reactiveAdapter;
	}

	InvocationEvaluationContext evaluationContext(Object target, Object[] arguments) {
		return new InvocationEvaluationContext(this.sharedContext, this.bindings,
				new EnforcedExpressionRoot(this.method, target, arguments));
	}

	/**
	 * Builds the enforcement request of one call, with the request id its
	 * {@code requestId} expression gives (see {@link EnforcedRequestIds}), or a new
	 * random one.
	 * @throws EnforcedExpressionException when an expression gives an unusable value
	 */
	EnforceRequest request(EvaluationContextSource source) {
		EnforcedExpressions parsed = this.expressions;
		InvocationEvaluationContext context = parsed.needsContext() ? source.evaluationContext() : null;
		Map<String, Object> scopeValue = (parsed.scope() != null) ? map(SCOPE, parsed.scope(), context)
				: parsed.constantScope();
		if (scopeValue == null || scopeValue.isEmpty()) {
			throw new EnforcedExpressionException("@Enforced scope of " + this.description + " evaluated to "
					+ ((scopeValue == null) ? "null" : "an empty map")
					+ ": the audit trail needs an explicit scope, so the method was not run", SCOPE, null);
		}
		Map<String, Object> argsValue = (parsed.args() != null) ? map(ARGS, parsed.args(), context)
				: parsed.constantArgs();
		BigDecimal costValue = (parsed.cost() != null)
				? decimal(ESTIMATED_COST, evaluate(ESTIMATED_COST, parsed.cost(), context)) : parsed.constantCost();
		if (costValue == null || costValue.signum() < 0) {
			throw new EnforcedExpressionException("@Enforced estimatedCost of " + this.description + " evaluated to "
					+ costValue + ": it must be a number of at least zero", ESTIMATED_COST, null);
		}
		long volumeValue = (parsed.volume() != null)
				? wholeNumber(evaluate(ESTIMATED_VOLUME, parsed.volume(), context)) : parsed.constantVolume();
		if (volumeValue < 0) {
			throw new EnforcedExpressionException("@Enforced estimatedVolume of " + this.description
					+ " evaluated to " + volumeValue + ": it must be at least zero", ESTIMATED_VOLUME, null);
		}
		UUID requestIdValue = (parsed.requestId() != null) ? requestId(parsed.requestId(), context)
				: EnforceRequest.newRequestId();
		return new EnforceRequest(requestIdValue, this.actionType, scopeValue, argsValue, costValue, volumeValue,
				this.writeOp);
	}

	private UUID requestId(Expression expression, InvocationEvaluationContext context) {
		Object value = evaluate(REQUEST_ID, expression, context);
		try {
			return this.requestIds.of(value);
		}
		catch (IllegalArgumentException ex) {
			throw new EnforcedExpressionException("@Enforced requestId of " + this.description + " "
					+ ex.getMessage() + ", so the method was not run", REQUEST_ID, ex);
		}
	}

	/**
	 * Evaluates the actual cost after the method succeeded; a failure is logged and
	 * reported as an unknown cost, never raised.
	 */
	BigDecimal costActual(EvaluationContextSource source, Object result) {
		if (this.expressions.costActual() == null) {
			return null;
		}
		try {
			InvocationEvaluationContext context = source.evaluationContext();
			context.setResult(result);
			BigDecimal value = decimal(COST_ACTUAL, evaluate(COST_ACTUAL, this.expressions.costActual(), context));
			if (value != null && value.signum() < 0) {
				logger.warn("@Enforced costActual of {} evaluated to a negative number; reporting no actual cost",
						this.description);
				return null;
			}
			return value;
		}
		catch (RuntimeException ex) {
			logger.warn("@Enforced costActual of {} could not be evaluated ({}); reporting no actual cost",
					this.description, ex.getMessage());
			return null;
		}
	}

	private Object evaluate(String attribute, Expression expression, InvocationEvaluationContext context) {
		try {
			return expression.getValue(context);
		}
		catch (EvaluationException ex) {
			throw new EnforcedExpressionException("@Enforced " + attribute + " of " + this.description
					+ " could not be evaluated: " + ex.getMessage(), attribute, ex);
		}
	}

	private Map<String, Object> map(String attribute, Expression expression, InvocationEvaluationContext context) {
		Object value = evaluate(attribute, expression, context);
		if (value == null) {
			return null;
		}
		if (!(value instanceof Map<?, ?> map)) {
			throw new EnforcedExpressionException("@Enforced " + attribute + " of " + this.description
					+ " must evaluate to a map, but gave a " + value.getClass().getName(), attribute, null);
		}
		if (hasStringKeys(map)) {
			// the request makes its own immutable copy
			@SuppressWarnings("unchecked")
			Map<String, Object> named = (Map<String, Object>) map;
			return named;
		}
		Map<String, Object> result = new LinkedHashMap<>(map.size() * 2);
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			result.put(String.valueOf(entry.getKey()), entry.getValue());
		}
		return result;
	}

	private static boolean hasStringKeys(Map<?, ?> map) {
		for (Object key : map.keySet()) {
			if (!(key instanceof String)) {
				return false;
			}
		}
		return true;
	}

	private BigDecimal decimal(String attribute, Object value) {
		if (value == null) {
			return null;
		}
		try {
			return toDecimal(value);
		}
		catch (NumberFormatException ex) {
			throw new EnforcedExpressionException("@Enforced " + attribute + " of " + this.description
					+ " must evaluate to a number, but gave a " + value.getClass().getName(), attribute, ex);
		}
	}

	private long wholeNumber(Object value) {
		BigDecimal decimal = decimal(ESTIMATED_VOLUME, value);
		if (decimal == null) {
			throw new EnforcedExpressionException(
					"@Enforced estimatedVolume of " + this.description + " evaluated to null", ESTIMATED_VOLUME, null);
		}
		try {
			return decimal.longValueExact();
		}
		catch (ArithmeticException ex) {
			throw new EnforcedExpressionException("@Enforced estimatedVolume of " + this.description
					+ " must evaluate to a whole number, but gave " + decimal, ESTIMATED_VOLUME, ex);
		}
	}

	static BigDecimal toDecimal(Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal;
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
			return BigDecimal.valueOf(((Number) value).longValue());
		}
		if (value instanceof BigInteger integer) {
			return new BigDecimal(integer);
		}
		if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			if (Double.isNaN(number) || Double.isInfinite(number)) {
				throw new NumberFormatException("not a finite number");
			}
			return BigDecimal.valueOf(number);
		}
		if (value instanceof CharSequence text) {
			return new BigDecimal(text.toString().trim());
		}
		throw new NumberFormatException("not a number");
	}

	@Override
	public String toString() {
		return "EnforcedMethod[" + this.description + ", actionType=" + this.actionType + "]";
	}

	/**
	 * How a method's return type is governed.
	 */
	enum ReturnKind {

		/** A plain value or {@code void}: enforced and completed around the call. */
		BLOCKING,

		/** A {@code CompletionStage}: completed when the stage completes. */
		COMPLETION_STAGE,

		/** A reactive type: enforced at subscription, completed on the terminal signal. */
		REACTIVE

	}

}
