package ai.specora.spring.ai.tool;

import java.util.Objects;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.metadata.ToolMetadata;

/**
 * A {@link ToolCallback} whose calls are governed by a {@link ToolCallGovernor}: its
 * definition and metadata (and so {@code returnDirect}) are the delegate's own.
 */
public final class GovernedToolCallback implements ToolCallback {

	private final ToolCallback delegate;

	private final ToolCallGovernor governor;

	private final ToolCallIds toolCallIds;

	/**
	 * Governs a tool.
	 * @param delegate the tool
	 * @param governor governs its calls
	 */
	public GovernedToolCallback(ToolCallback delegate, ToolCallGovernor governor) {
		this(delegate, governor, null);
	}

	/**
	 * Governs a tool for one execution of tool calls whose ids are known.
	 */
	GovernedToolCallback(ToolCallback delegate, ToolCallGovernor governor, ToolCallIds toolCallIds) {
		this.delegate = Objects.requireNonNull(delegate, "delegate must not be null");
		this.governor = Objects.requireNonNull(governor, "governor must not be null");
		this.toolCallIds = toolCallIds;
	}

	/**
	 * Governs a tool for one execution of tool calls whose ids are known, replacing
	 * another governed wrapper.
	 */
	static ToolCallback govern(ToolCallback tool, ToolCallGovernor governor, ToolCallIds toolCallIds) {
		ToolCallback delegate = (tool instanceof GovernedToolCallback governed) ? governed.delegate : tool;
		return new GovernedToolCallback(delegate, governor, toolCallIds);
	}

	/**
	 * Governs a tool unless it is governed already.
	 * @param tool the tool
	 * @param governor governs its calls
	 * @return the governed tool
	 */
	public static ToolCallback govern(ToolCallback tool, ToolCallGovernor governor) {
		return (tool instanceof GovernedToolCallback) ? tool : new GovernedToolCallback(tool, governor);
	}

	/**
	 * The governed tool.
	 * @return the delegate
	 */
	public ToolCallback getDelegate() {
		return this.delegate;
	}

	@Override
	public ToolDefinition getToolDefinition() {
		return this.delegate.getToolDefinition();
	}

	@Override
	public ToolMetadata getToolMetadata() {
		return this.delegate.getToolMetadata();
	}

	@Override
	public String call(String toolInput) {
		return call(toolInput, null);
	}

	@Override
	public String call(String toolInput, ToolContext toolContext) {
		String toolCallId = (this.toolCallIds != null)
				? this.toolCallIds.take(this.delegate.getToolDefinition().name(), toolInput) : null;
		return this.governor.call(this.delegate, toolInput, toolContext, toolCallId);
	}

	@Override
	public String toString() {
		return "GovernedToolCallback[" + this.delegate.getToolDefinition().name() + "]";
	}

}
