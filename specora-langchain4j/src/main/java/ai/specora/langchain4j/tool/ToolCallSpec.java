package ai.specora.langchain4j.tool;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import ai.specora.client.FailMode;
import ai.specora.runtime.GovernanceMode;
import ai.specora.runtime.GovernancePolicy;
import ai.specora.runtime.SuspendPolicy;

/**
 * How the calls of one LangChain4j tool are governed, resolved once per tool.
 *
 * @param toolName the tool's name, as the model calls it
 * @param actionType the action type sent to the authority
 * @param observedActionType the action type shown in the {@code specora.enforcement}
 * observation (a fixed value unless the tool's action type is configured)
 * @param scope the scope sent with every call: the configured entries and {@code tool}
 * @param writeOp whether the tool changes state
 * @param includeArgs whether the tool's input is sent as args
 * @param onBlock what a blocked call does
 * @param onSuspend what a call that needs an approval does
 * @param approvalTimeout how long a call waits for its approval
 * @param failMode what a call does when no decision can be had
 * @param mode whether the tool's decisions are applied or only recorded
 * @param scopeExpression a map of scope entries per call, merged over {@code scope}, or
 * {@code null}
 * @param argsExpression a map of args per call, merged over the input args of
 * {@code includeArgs}, or {@code null}
 */
public record ToolCallSpec(String toolName, String actionType, String observedActionType, Map<String, Object> scope,
		boolean writeOp, boolean includeArgs, OnToolBlock onBlock, OnToolSuspend onSuspend, Duration approvalTimeout,
		ToolFailMode failMode, ToolMode mode, ToolCallExpression scopeExpression, ToolCallExpression argsExpression) {

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
	 * A spec without expressions.
	 * @param toolName the tool's name, as the model calls it
	 * @param actionType the action type sent to the authority
	 * @param observedActionType the action type shown in observations
	 * @param scope the scope sent with every call
	 * @param writeOp whether the tool changes state
	 * @param includeArgs whether the tool's input is sent as args
	 * @param onBlock what a blocked call does
	 * @param onSuspend what a call that needs an approval does
	 * @param approvalTimeout how long a call waits for its approval
	 * @param failMode what a call does when no decision can be had
	 * @param mode whether the tool's decisions are applied or only recorded
	 */
	public ToolCallSpec(String toolName, String actionType, String observedActionType, Map<String, Object> scope,
			boolean writeOp, boolean includeArgs, OnToolBlock onBlock, OnToolSuspend onSuspend,
			Duration approvalTimeout, ToolFailMode failMode, ToolMode mode) {
		this(toolName, actionType, observedActionType, scope, writeOp, includeArgs, onBlock, onSuspend,
				approvalTimeout, failMode, mode, null, null);
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
			.onSuspend((this.onSuspend == OnToolSuspend.WAIT) ? SuspendPolicy.await(this.approvalTimeout)
					: SuspendPolicy.raise())
			.mode(this.mode.orElse(inheritedMode))
			.build();
	}

}
