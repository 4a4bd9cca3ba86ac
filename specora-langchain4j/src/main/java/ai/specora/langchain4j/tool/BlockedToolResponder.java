package ai.specora.langchain4j.tool;

import ai.specora.client.EnforcementResult;

/**
 * Writes the error result the model receives in place of a blocked tool call's result
 * (see {@link OnToolBlock#RESULT}), so that the agent can adapt.
 */
@FunctionalInterface
public interface BlockedToolResponder {

	/**
	 * The default text: says which tool was blocked, why, that it did not run, and the
	 * journal entry of the decision.
	 */
	BlockedToolResponder DEFAULT = (spec, decision) -> "The tool '" + spec.toolName()
			+ "' was not run: Specora blocked this call (reason: "
			+ ((decision.blockedReason() != null) ? decision.blockedReason() : "no reason given")
			+ "; journal " + decision.journalId() + "). Do not retry it with the same input; "
			+ "tell the user it is not allowed or choose another way.";

	/**
	 * The tool result for a blocked call.
	 * @param spec the blocked tool's governance
	 * @param decision the block decision
	 * @return the text the model receives as the tool's (error) result
	 */
	String respond(ToolCallSpec spec, EnforcementResult decision);

}
