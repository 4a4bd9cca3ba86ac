package ai.specora.spring.ai.tool;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import ai.specora.client.EnforceRequest;
import ai.specora.runtime.GovernedRequest;
import ai.specora.runtime.tool.ToolInputs;

import org.springframework.ai.tool.execution.ToolExecutionException;

/**
 * What one tool call asks: the tool's action type, scope and write flag, the entries of
 * its scope and args expressions, and its input as args when the tool is configured to
 * send them.
 */
final class ToolCallRequest implements GovernedRequest {

	private final ToolCallSpec spec;

	private final String input;

	private final Map<String, Object> toolContext;

	private final String toolCallId;

	private final Supplier<String> principal;

	private final Map<String, Object> scope;

	ToolCallRequest(ToolCallSpec spec, String input, Map<String, Object> toolContext,
			String toolCallId, Supplier<String> principal) {
		this(spec, input, toolContext, toolCallId, principal, Map.of());
	}

	/**
	 * A request whose scope has entries of the call besides the tool's static ones.
	 * @param callScope entries of this call (e.g. the MCP session), over the static
	 * {@code scope} entries and under the expressions' entries
	 */
	ToolCallRequest(ToolCallSpec spec, String input, Map<String, Object> toolContext,
			String toolCallId, Supplier<String> principal, Map<String, Object> callScope) {
		this.spec = spec;
		if (callScope.isEmpty()) {
			this.scope = spec.scope();
		}
		else {
			Map<String, Object> scope = new LinkedHashMap<>(spec.scope());
			scope.putAll(callScope);
			this.scope = scope;
		}
		this.input = input;
		this.toolContext = (toolContext != null) ? toolContext : Map.of();
		this.toolCallId = toolCallId;
		this.principal = principal;
	}

	@Override
	public EnforceRequest build() {
		String conversationId = conversationId(this.toolContext);
		EnforceRequest.Builder builder = EnforceRequest.builder(this.spec.actionType())
			.requestId(ToolCallRequestIds.of(this.spec.actionType(), conversationId, this.toolCallId, this.input))
			.writeOp(this.spec.writeOp())
			.estimatedVolume(1);
		Map<String, Object> args = this.spec.includeArgs() ? ToolInputs.args(this.input) : Map.of();
		if (this.spec.scopeExpression() == null && this.spec.argsExpression() == null) {
			builder.scope(this.scope);
		}
		else {
			ToolCallVariables variables = new ToolCallVariables(ToolInputs.args(this.input), this.toolContext,
					conversationId, this.toolCallId, this.principal.get());
			builder.scope(merged(this.scope, variables, this.spec.scopeExpression(), "scope-expression"));
			args = merged(args, variables, this.spec.argsExpression(), "args-expression");
		}
		if (!args.isEmpty()) {
			builder.args(args);
		}
		return builder.build();
	}

	private Map<String, Object> merged(Map<String, Object> base, ToolCallVariables variables,
			org.springframework.expression.Expression expression, String property) {
		if (expression == null) {
			return base;
		}
		Map<String, Object> merged = new LinkedHashMap<>(base);
		merged.putAll(variables.evaluateMap(expression,
				"specora.ai.tools[" + this.spec.toolName() + "]." + property));
		return merged;
	}

	private static String conversationId(Map<String, Object> toolContext) {
		Object id = toolContext.get(ToolCallVariables.CONVERSATION_ID_KEY);
		return (id != null) ? id.toString() : null;
	}

	/**
	 * The class name of the tool's failure: the cause that Spring AI wrapped in a
	 * {@link ToolExecutionException}, else the exception itself.
	 */
	@Override
	public String errorName(Throwable error) {
		Throwable cause = (error instanceof ToolExecutionException && error.getCause() != null) ? error.getCause()
				: error;
		return cause.getClass().getName();
	}

}
