package ai.specora.spring.ai.tool;

/**
 * What a blocked tool call does.
 */
public enum OnToolBlock {

	/**
	 * The tool does not run; the model receives a tool result that says it was blocked
	 * and why, so that the agent can adapt.
	 */
	RESULT,

	/**
	 * The tool does not run; {@link ai.specora.client.SpecoraBlockedException} ends the
	 * ChatClient call.
	 */
	THROW

}
