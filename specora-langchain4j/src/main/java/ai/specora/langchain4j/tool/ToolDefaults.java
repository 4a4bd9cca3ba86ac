package ai.specora.langchain4j.tool;

import java.time.Duration;

/**
 * Defaults for every governed tool call: the keys of
 * {@code specora.langchain4j.tool-calls.*}.
 */
public class ToolDefaults {

	/**
	 * What a blocked tool call does: tell the model (result) or end the AI service call
	 * with SpecoraBlockedException (throw).
	 */
	private OnToolBlock onBlock = OnToolBlock.RESULT;

	/**
	 * What a tool call that needs an approval does: end the AI service call with
	 * SpecoraSuspendedException (throw) or wait for the approval (wait).
	 */
	private OnToolSuspend onSuspend = OnToolSuspend.THROW;

	/**
	 * How long a tool call waits for its approval under on-suspend=wait.
	 */
	private Duration approvalTimeout = Duration.ofMinutes(5);

	/**
	 * What a tool call does when no decision can be had: the client's fail mode
	 * (inherit, by default specora.fail-mode=closed), closed or open.
	 */
	private ToolFailMode failMode = ToolFailMode.INHERIT;

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

}
