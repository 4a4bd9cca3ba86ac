package ai.specora.spring.ai.tool;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import ai.specora.client.FailMode;
import ai.specora.runtime.GovernanceMode;
import ai.specora.runtime.GovernancePolicy;
import ai.specora.spring.EnforcedFailMode;
import ai.specora.spring.EnforcedMode;
import ai.specora.spring.OnSuspend;

import org.springframework.expression.Expression;

/**
 * How the calls of one tool are governed, resolved once per tool.
 *
 * @param toolName the tool's name, as the model calls it
 * @param actionType the action type sent to the authority
 * @param observedActionType the action type shown in the {@code specora.enforcement}
 * observation (a fixed value unless the tool name may be a tag)
 * @param scope the scope sent with every call: the configured entries and {@code tool}
 * @param writeOp whether the tool changes state
 * @param includeArgs whether the tool's input is sent as args
 * @param onBlock what a blocked call does
 * @param onSuspend what a call that needs an approval does
 * @param approvalTimeout how long a call waits for its approval
 * @param failMode what a call does when no decision can be had
 * @param mode whether the tool's decisions are applied or only recorded
 * @param enforcedMethod whether the tool runs an {@link ai.specora.spring.Enforced @Enforced}
 * method of its own: that method is then governed with its annotation's request (more
 * specific than these settings), in one round trip, and the tool itself is not
 * @param scopeExpression a SpEL expression giving a map of scope entries, evaluated per
 * call and merged over {@code scope}, or {@code null} (see {@link ToolCallVariables})
 * @param argsExpression a SpEL expression giving a map of args, evaluated per call and
 * merged over the input args when {@code includeArgs}, or {@code null}
 */
public record ToolCallSpec(String toolName, String actionType, String observedActionType, Map<String, Object> scope,
		boolean writeOp, boolean includeArgs, OnToolBlock onBlock, OnSuspend onSuspend, Duration approvalTimeout,
		EnforcedFailMode failMode, EnforcedMode mode, boolean enforcedMethod, Expression scopeExpression,
		Expression argsExpression) {

	/**
	 * The scope key that carries the tool's name.
	 */
	public static final String TOOL_SCOPE_KEY = "tool";

	/**
	 * Validates the components and makes the scope unmodifiable.
	 */
	public ToolCallSpec {
		if (toolName == null || toolName.isBlank()) {
			throw new IllegalArgumentException("toolName must not be empty");
		}
		if (actionType == null || actionType.isBlank()) {
			throw new IllegalArgumentException("actionType of tool '" + toolName + "' must not be empty");
		}
		Objects.requireNonNull(observedActionType, "observedActionType must not be null");
		scope = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(scope, "scope")));
		Objects.requireNonNull(onBlock, "onBlock must not be null");
		Objects.requireNonNull(onSuspend, "onSuspend must not be null");
		Objects.requireNonNull(failMode, "failMode must not be null");
		Objects.requireNonNull(mode, "mode must not be null");
		if (approvalTimeout == null || approvalTimeout.isNegative() || approvalTimeout.isZero()) {
			throw new IllegalArgumentException("approvalTimeout of tool '" + toolName + "' must be positive");
		}
	}

	/**
	 * A spec without per-call expressions.
	 * @param toolName the tool's name, as the model calls it
	 * @param actionType the action type sent to the authority
	 * @param observedActionType the action type shown in the observation
	 * @param scope the scope sent with every call
	 * @param writeOp whether the tool changes state
	 * @param includeArgs whether the tool's input is sent as args
	 * @param onBlock what a blocked call does
	 * @param onSuspend what a call that needs an approval does
	 * @param approvalTimeout how long a call waits for its approval
	 * @param failMode what a call does when no decision can be had
	 * @param mode whether the tool's decisions are applied or only recorded
	 * @param enforcedMethod whether the tool runs an {@code @Enforced} method of its own
	 */
	public ToolCallSpec(String toolName, String actionType, String observedActionType, Map<String, Object> scope,
			boolean writeOp, boolean includeArgs, OnToolBlock onBlock, OnSuspend onSuspend, Duration approvalTimeout,
			EnforcedFailMode failMode, EnforcedMode mode, boolean enforcedMethod) {
		this(toolName, actionType, observedActionType, scope, writeOp, includeArgs, onBlock, onSuspend,
				approvalTimeout, failMode, mode, enforcedMethod, null, null);
	}

	/**
	 * The engine's policy of this tool, its inherited values resolved.
	 * @param inheritedFailMode the client's fail mode
	 * @param inheritedMode the application's mode
	 * @return the policy
	 */
	public GovernancePolicy policy(FailMode inheritedFailMode, GovernanceMode inheritedMode) {
		return GovernancePolicy.builder(this.observedActionType)
			.description("tool '" + this.toolName + "'")
			.failMode(this.failMode.orElse(inheritedFailMode))
			.onSuspend(this.onSuspend.policy(this.approvalTimeout))
			.mode(this.mode.orElse(inheritedMode))
			.build();
	}

}
