package ai.specora.langchain4j.tool;

/**
 * What a blocked tool call does.
 */
public enum OnToolBlock {

	/**
	 * The tool does not run; the model receives an error result that says it was blocked
	 * and why, so that the agent can adapt.
	 */
	RESULT,

	/**
	 * The tool does not run; {@link ai.specora.client.SpecoraBlockedException} ends the AI
	 * service call (with {@link SpecoraToolExecutionErrorHandler} configured).
	 */
	THROW

}
