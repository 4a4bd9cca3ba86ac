package ai.specora.langchain4j.tool;

/**
 * What a tool call that needs an approval does.
 */
public enum OnToolSuspend {

	/**
	 * The tool does not run; {@link ai.specora.client.SpecoraSuspendedException} ends the
	 * AI service call. The model never sees it.
	 */
	THROW,

	/**
	 * The tool call waits for the approval, up to the approval timeout: approved, the tool
	 * runs; denied, it is a block; not approved in time,
	 * {@link ai.specora.client.SpecoraSuspendedException}.
	 */
	WAIT

}
