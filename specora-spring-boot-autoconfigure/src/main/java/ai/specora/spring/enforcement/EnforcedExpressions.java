package ai.specora.spring.enforcement;

import java.math.BigDecimal;

import org.springframework.expression.Expression;

/**
 * The parsed expressions of one {@code @Enforced} declaration; an estimate given as a
 * literal is kept as a constant instead (its expression is then {@code null}).
 *
 * @param scope the scope map, required
 * @param args the arguments map, or {@code null}
 * @param constantCost the literal estimated cost, or {@code null} when computed
 * @param cost the estimated cost expression, or {@code null} when constant
 * @param constantVolume the literal estimated volume, or {@code null} when computed
 * @param volume the estimated volume expression, or {@code null} when constant
 * @param costActual the actual cost expression (may use {@code #result}), or
 * {@code null}
 * @param requestId the request id expression, or {@code null} for a new random id per
 * call
 */
record EnforcedExpressions(Expression scope, Expression args, BigDecimal constantCost, Expression cost,
		Long constantVolume, Expression volume, Expression costActual, Expression requestId) {

}
