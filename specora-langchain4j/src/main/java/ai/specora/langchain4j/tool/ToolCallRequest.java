package ai.specora.langchain4j.tool;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import ai.specora.client.EnforceRequest;
import ai.specora.runtime.GovernedRequest;
import ai.specora.runtime.tool.ToolInputs;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.exception.ToolExecutionException;

/**
 * What one tool call asks: the tool's action type, scope and write flag, its arguments
 * when the tool is configured to send them, the entries of its scope and args
 * expressions, and a request id derived from the tool call's id, name and arguments, so
 * that the same tool call asked again (a conversation resumed after an approval) finds
 * its journal entry.
 */
final class ToolCallRequest implements GovernedRequest {

	private final ToolCallSpec spec;

	private final ToolExecutionRequest call;

	private final Object memoryId;

	private final UUID invocationId;

	ToolCallRequest(ToolCallSpec spec, ToolExecutionRequest call, Object memoryId,
			UUID invocationId) {
		this.spec = spec;
		this.call = call;
		this.memoryId = memoryId;
		this.invocationId = invocationId;
	}

	@Override
	public EnforceRequest build() {
		EnforceRequest.Builder builder = EnforceRequest.builder(this.spec.actionType())
			.requestId(requestId(this.call))
			.writeOp(this.spec.writeOp())
			.estimatedVolume(1);
		Map<String, Object> args = this.spec.includeArgs() ? ToolInputs.args(this.call.arguments()) : Map.of();
		if (this.spec.scopeExpression() == null && this.spec.argsExpression() == null) {
			builder.scope(this.spec.scope());
		}
		else {
			ToolCallVariables variables = new ToolCallVariables(ToolInputs.args(this.call.arguments()),
					this.memoryId, (this.invocationId != null) ? this.invocationId.toString() : null, this.call.id());
			builder.scope(merged(this.spec.scope(), variables, this.spec.scopeExpression()));
			args = merged(args, variables, this.spec.argsExpression());
		}
		if (!args.isEmpty()) {
			builder.args(args);
		}
		return builder.build();
	}

	private static Map<String, Object> merged(Map<String, Object> base, ToolCallVariables variables,
			ToolCallExpression expression) {
		if (expression == null) {
			return base;
		}
		Map<String, Object> merged = new LinkedHashMap<>(base);
		merged.putAll(expression.evaluate(variables));
		return merged;
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
