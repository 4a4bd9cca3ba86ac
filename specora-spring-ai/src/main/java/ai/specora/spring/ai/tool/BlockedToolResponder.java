package ai.specora.spring.ai.tool;

import ai.specora.client.EnforcementResult;

/**
 * Writes the tool result the model receives in place of a blocked tool call's result
 * (see {@link OnToolBlock#RESULT}), so that the agent can adapt.
 */
@FunctionalInterface
public interface BlockedToolResponder {

	/**
	 * The default text: says which tool was blocked, why, that it did not run (or, when
	 * an action the tool reached was blocked, that it did not complete and which action),
	 * and the journal entry of the decision.
	 */
	BlockedToolResponder DEFAULT = (spec, decision) -> {
		String blocked = (spec.enforcedMethod() || spec.actionType().equals(decision.actionType()))
				? "The tool '" + spec.toolName() + "' was not run: Specora blocked this call"
				: "The tool '" + spec.toolName() + "' did not complete: Specora blocked its action '"
						+ decision.actionType() + "'";
		return blocked + " (reason: " + ((decision.blockedReason() != null) ? decision.blockedReason() : "no reason given")
				+ "; journal " + decision.journalId() + "). Do not retry it with the same input; "
				+ "tell the user it is not allowed or choose another way.";
	};

	/**
	 * The tool result for a blocked call.
	 * @param spec the blocked tool's governance
	 * @param decision the block decision
	 * @return the text the model receives as the tool's result
	 */
	String respond(ToolCallSpec spec, EnforcementResult decision);

}
