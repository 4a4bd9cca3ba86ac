package ai.specora.langchain4j.tool;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import ai.specora.client.EnforceRequest;
import ai.specora.runtime.GovernedRequest;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.exception.ToolExecutionException;

/**
 * What one tool call asks: the tool's action type, scope and write flag, its arguments
 * when the tool is configured to send them, and a request id derived from the tool
 * call's id, name and arguments, so that the same tool call asked again (a conversation
 * resumed after an approval) finds its journal entry.
 */
final class ToolCallRequest implements GovernedRequest {

	private final ToolCallSpec spec;

	private final ToolExecutionRequest call;

	private final ToolInputArgs inputArgs;

	ToolCallRequest(ToolCallSpec spec, ToolExecutionRequest call, ToolInputArgs inputArgs) {
		this.spec = spec;
		this.call = call;
		this.inputArgs = inputArgs;
	}

	@Override
	public EnforceRequest build() {
		EnforceRequest.Builder builder = EnforceRequest.builder(this.spec.actionType())
			.requestId(requestId(this.call))
			.scope(this.spec.scope())
			.writeOp(this.spec.writeOp())
			.estimatedVolume(1);
		if (this.spec.includeArgs()) {
			builder.args(this.inputArgs.of(this.call.arguments()));
		}
		return builder.build();
	}

	/**
	 * The request id of a tool call: a name-based UUID of its id, tool name and
	 * arguments; a new one when the model gave the call no id.
	 * @param call the tool call
	 * @return the request id
	 */
	static UUID requestId(ToolExecutionRequest call) {
		if (call.id() == null || call.id().isBlank()) {
			return EnforceRequest.newRequestId();
		}
		String key = "langchain4j-tool-call\n" + call.id() + "\n" + call.name() + "\n"
				+ ((call.arguments() != null) ? call.arguments() : "");
		return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The class name of the tool's failure: the cause that LangChain4j wrapped in a
	 * {@link ToolExecutionException}, else the exception itself.
	 */
	@Override
	public String errorName(Throwable error) {
		Throwable cause = (error instanceof ToolExecutionException && error.getCause() != null) ? error.getCause()
				: error;
		return cause.getClass().getName();
	}

}
