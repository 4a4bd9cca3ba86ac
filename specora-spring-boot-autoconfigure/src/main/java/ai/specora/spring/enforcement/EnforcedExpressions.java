package ai.specora.spring.enforcement;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.expression.Expression;

/**
 * The parsed expressions of one {@code @Enforced} declaration. An attribute whose
 * expression is a constant (it refers to no parameter, variable, bean, type or method,
 * see {@link ConstantExpressions}) is evaluated once at start-up and kept as an
 * immutable value instead; its expression is then {@code null}.
 *
 * @param scope the scope expression, or {@code null} when constant
 * @param constantScope the constant scope, or {@code null} when computed
 * @param args the arguments expression, or {@code null} when constant or absent
 * @param constantArgs the constant arguments, or {@code null} when computed or absent
 * @param constantCost the constant estimated cost, or {@code null} when computed
 * @param cost the estimated cost expression, or {@code null} when constant
 * @param constantVolume the constant estimated volume, or {@code null} when computed
 * @param volume the estimated volume expression, or {@code null} when constant
 * @param costActual the actual cost expression (may use {@code #result}), or
 * {@code null}
 * @param requestId the request id expression, or {@code null} for a new random id per
 * call
 */
record EnforcedExpressions(Expression scope, Map<String, Object> constantScope, Expression args,
		Map<String, Object> constantArgs, BigDecimal constantCost, Expression cost, Long constantVolume,
		Expression volume, Expression costActual, Expression requestId) {

	/**
	 * Whether building a request needs a call's evaluation context.
	 * @return {@code true} when a request attribute is computed per call
	 */
	boolean needsContext() {
		return this.scope != null || this.args != null || this.cost != null || this.volume != null
				|| this.requestId != null;
	}

}
