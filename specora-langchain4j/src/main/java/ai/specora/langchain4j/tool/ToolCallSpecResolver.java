package ai.specora.langchain4j.tool;

import dev.langchain4j.agent.tool.ToolSpecification;

/**
 * Tells how the calls of a tool are governed. Implementations resolve each tool once
 * and answer later calls from a cache: this is asked on every tool call.
 */
@FunctionalInterface
public interface ToolCallSpecResolver {

	/**
	 * How the calls of a tool are governed.
	 * @param tool the tool's specification
	 * @return its governance, never {@code null}
	 */
	ToolCallSpec resolve(ToolSpecification tool);

}
