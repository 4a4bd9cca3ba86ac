package ai.specora.spring.ai.tool;

import org.springframework.ai.tool.ToolCallback;

/**
 * Tells, from what a tool declares about itself, whether it changes state (for example
 * the annotations of an MCP tool).
 */
@FunctionalInterface
public interface ToolWriteHints {

	/**
	 * No tool declares anything.
	 */
	ToolWriteHints NONE = (tool) -> null;

	/**
	 * Whether a tool changes state, as it declares.
	 * @param tool the tool
	 * @return {@code true} or {@code false} as declared, {@code null} when the tool
	 * declares nothing
	 */
	Boolean writeOp(ToolCallback tool);

}
