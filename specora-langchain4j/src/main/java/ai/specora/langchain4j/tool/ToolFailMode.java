package ai.specora.langchain4j.tool;

import ai.specora.client.FailMode;

/**
 * What a tool call does when no decision can be had.
 */
public enum ToolFailMode {

	/**
	 * The client's fail mode ({@code specora.fail-mode}, closed unless set).
	 */
	INHERIT,

	/**
	 * The tool does not run: {@link ai.specora.client.FailClosedException}.
	 */
	CLOSED,

	/**
	 * The tool runs ungoverned, with a warning.
	 */
	OPEN;

	/**
	 * The effective fail mode.
	 * @param inherited the client's fail mode
	 * @return the fail mode
	 */
	public FailMode orElse(FailMode inherited) {
		return switch (this) {
			case INHERIT -> inherited;
			case CLOSED -> FailMode.CLOSED;
			case OPEN -> FailMode.OPEN;
		};
	}

}
