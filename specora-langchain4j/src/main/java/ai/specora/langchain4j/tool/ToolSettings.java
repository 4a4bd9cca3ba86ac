package ai.specora.langchain4j.tool;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How one tool is governed, by the tool's name: the keys of
 * {@code specora.langchain4j.tools.<name>.*} (the same as {@code specora.ai.tools.<name>.*}).
 * Unset values come from the {@link ToolDefaults}. Plain Java applications fill it
 * with the setters:
 * <pre class="code">
 * ToolSettings refunds = new ToolSettings();
 * refunds.setActionType("payment_refund");
 * refunds.setWriteOp(true);
 * refunds.getScope().put("team", "support");
 * </pre>
 */
public class ToolSettings {

	/**
	 * The action type sent to the authority; by default the tool's name.
	 */
	private String actionType;

	/**
	 * Scope entries sent with every call of the tool, besides 'tool' (the tool's name).
	 */
	private final Map<String, String> scope = new LinkedHashMap<>();

	/**
	 * SpEL giving a map of scope entries per call, merged over 'scope': sees #input (the
	 * tool's arguments as a map), #memoryId, #invocationId and #toolCallId. Needs
	 * spring-expression.
	 */
	private String scopeExpression;

	/**
	 * SpEL giving a map of args per call, merged over the arguments of include-args; the
	 * variables of scope-expression. Needs spring-expression.
	 */
	private String argsExpression;

	/**
	 * Whether the tool changes state (is_write_op); false unless set.
	 */
	private Boolean writeOp;

	/**
	 * Whether the tool's input JSON is sent as the enforcement's args. Off by default:
	 * inputs can hold personal data.
	 */
	private boolean includeArgs;

	/**
	 * What a blocked call of this tool does.
	 */
	private OnToolBlock onBlock;

	/**
	 * What a call of this tool that needs an approval does.
	 */
	private OnToolSuspend onSuspend;

	/**
	 * How long a call of this tool waits for its approval under on-suspend=wait.
	 */
	private Duration approvalTimeout;

	/**
	 * What a call of this tool does when no decision can be had.
	 */
	private ToolFailMode failMode;

	/**
	 * Whether this tool's decisions are applied (enforce) or only recorded (shadow); by
	 * default the application's mode, specora.mode.
	 */
	private ToolMode mode = ToolMode.INHERIT;

	public String getActionType() {
		return this.actionType;
	}

	public void setActionType(String actionType) {
		this.actionType = actionType;
	}

	public Map<String, String> getScope() {
		return this.scope;
	}

	public String getScopeExpression() {
		return this.scopeExpression;
	}

	public void setScopeExpression(String scopeExpression) {
		this.scopeExpression = scopeExpression;
	}

	public String getArgsExpression() {
		return this.argsExpression;
	}

	public void setArgsExpression(String argsExpression) {
		this.argsExpression = argsExpression;
	}

	public Boolean getWriteOp() {
		return this.writeOp;
	}

	public void setWriteOp(Boolean writeOp) {
		this.writeOp = writeOp;
	}

	public boolean isIncludeArgs() {
		return this.includeArgs;
	}

	public void setIncludeArgs(boolean includeArgs) {
		this.includeArgs = includeArgs;
	}

	public OnToolBlock getOnBlock() {
		return this.onBlock;
	}

	public void setOnBlock(OnToolBlock onBlock) {
		this.onBlock = onBlock;
	}

	public OnToolSuspend getOnSuspend() {
		return this.onSuspend;
	}

	public void setOnSuspend(OnToolSuspend onSuspend) {
		this.onSuspend = onSuspend;
	}

	public Duration getApprovalTimeout() {
		return this.approvalTimeout;
	}

	public void setApprovalTimeout(Duration approvalTimeout) {
		this.approvalTimeout = approvalTimeout;
	}

	public ToolFailMode getFailMode() {
		return this.failMode;
	}

	public void setFailMode(ToolFailMode failMode) {
		this.failMode = failMode;
	}

	public ToolMode getMode() {
		return this.mode;
	}

	public void setMode(ToolMode mode) {
		this.mode = mode;
	}

}
