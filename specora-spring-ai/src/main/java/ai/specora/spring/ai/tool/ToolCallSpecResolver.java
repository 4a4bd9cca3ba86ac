package ai.specora.spring.ai.tool;

import org.springframework.ai.tool.ToolCallback;

/**
 * Tells how the calls of a tool are governed. Implementations resolve each tool once
 * and answer later calls from a cache: this is asked on every tool call.
 */
@FunctionalInterface
public interface ToolCallSpecResolver {

	/**
	 * How the calls of a tool are governed.
	 * @param tool the tool about to be called
	 * @return its governance, never {@code null}
	 */
	ToolCallSpec resolve(ToolCallback tool);

}
