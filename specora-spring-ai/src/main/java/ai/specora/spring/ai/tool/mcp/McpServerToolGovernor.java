package ai.specora.spring.ai.tool.mcp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

import ai.specora.client.FailClosedException;
import ai.specora.client.SpecoraBlockedException;
import ai.specora.client.SpecoraSuspendedException;
import ai.specora.runtime.GovernedRequest;
import ai.specora.spring.ai.tool.ToolCallGovernor;
import ai.specora.spring.ai.tool.ToolCallSpec;
import ai.specora.spring.ai.tool.ToolCallSpecResolver;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Governs the tools of an MCP server through the {@link ToolCallGovernor}'s engine: an
 * adapter that decorates each tool specification's call handler, so that every call is
 * enforced before the handler runs and completed after.
 * <p>
 * Each call asks with the tool's {@link ToolCallSpec} (its {@code specora.ai.tools.<name>.*}
 * settings, else its MCP annotations for {@code is_write_op}) and, in its scope, the MCP
 * session id ({@value #SESSION_ID}) and the client's name ({@value #CLIENT_NAME}) and
 * version ({@value #CLIENT_VERSION}) when the server knows them (a stateless server has
 * no session). {@code #principal} of the tool's expressions is the client's name,
 * {@code #context} the request's {@code _meta} map, {@code #input} its arguments.
 * <p>
 * Allowed: the handler runs and its result is returned. Blocked: the handler does not run
 * and the client receives a {@link CallToolResult} with {@code isError: true} holding the
 * {@link ai.specora.spring.ai.tool.BlockedToolResponder BlockedToolResponder}'s text (the
 * reason and the journal id). Suspended (under {@code on-suspend: throw}, or not approved
 * in time under {@code wait}): an error result naming the approval id, its source and the
 * journal id. No decision under a closed fail mode: an error result saying so. The fail
 * mode, the approval wait and shadow mode are the engine's.
 */
public final class McpServerToolGovernor {

	/**
	 * The scope key of the MCP session id.
	 */
	public static final String SESSION_ID = "mcp_session_id";

	/**
	 * The scope key of the MCP client's name.
	 */
	public static final String CLIENT_NAME = "mcp_client_name";

	/**
	 * The scope key of the MCP client's version.
	 */
	public static final String CLIENT_VERSION = "mcp_client_version";

	private final ToolCallGovernor governor;

	private final ToolCallSpecResolver specs;

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	/**
	 * Creates a governor of MCP server tools.
	 * @param governor governs each call with the engine
	 * @param specs tells how each tool is governed
	 */
	public McpServerToolGovernor(ToolCallGovernor governor, ToolCallSpecResolver specs) {
		this.governor = Objects.requireNonNull(governor, "governor must not be null");
		this.specs = Objects.requireNonNull(specs, "specs must not be null");
	}

	/**
	 * A tool of a synchronous server, governed.
	 * @param specification the tool
	 * @return the tool with a governed call handler
	 */
	public McpServerFeatures.SyncToolSpecification govern(McpServerFeatures.SyncToolSpecification specification) {
		if (specification.callHandler() instanceof GovernedHandler) {
			return specification;
		}
		ToolCallSpec spec = this.specs.resolve(new McpServerTool(specification.tool()));
		BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> handler = specification.callHandler();
		return new McpServerFeatures.SyncToolSpecification(specification.tool(),
				(GovernedSyncHandler<McpSyncServerExchange>) (exchange, request) -> callSync(spec,
						request(spec, request, exchange.sessionId(), exchange.getClientInfo()),
						() -> handler.apply(exchange, request)));
	}

	/**
	 * A tool of an asynchronous server, governed.
	 * @param specification the tool
	 * @return the tool with a governed call handler
	 */
	public McpServerFeatures.AsyncToolSpecification govern(McpServerFeatures.AsyncToolSpecification specification) {
		if (specification.callHandler() instanceof GovernedHandler) {
			return specification;
		}
		ToolCallSpec spec = this.specs.resolve(new McpServerTool(specification.tool()));
		BiFunction<McpAsyncServerExchange, CallToolRequest, Mono<CallToolResult>> handler = specification
			.callHandler();
		return new McpServerFeatures.AsyncToolSpecification(specification.tool(),
				(GovernedAsyncHandler<McpAsyncServerExchange>) (exchange, request) -> callAsync(spec,
						request(spec, request, exchange.sessionId(), exchange.getClientInfo()),
						() -> handler.apply(exchange, request)));
	}

	/**
	 * A tool of a stateless synchronous server, governed.
	 * @param specification the tool
	 * @return the tool with a governed call handler
	 */
	public McpStatelessServerFeatures.SyncToolSpecification govern(
			McpStatelessServerFeatures.SyncToolSpecification specification) {
		if (specification.callHandler() instanceof GovernedHandler) {
			return specification;
		}
		ToolCallSpec spec = this.specs.resolve(new McpServerTool(specification.tool()));
		BiFunction<McpTransportContext, CallToolRequest, CallToolResult> handler = specification.callHandler();
		return new McpStatelessServerFeatures.SyncToolSpecification(specification.tool(),
				(GovernedSyncHandler<McpTransportContext>) (context, request) -> callSync(spec,
						request(spec, request, null, null), () -> handler.apply(context, request)));
	}

	/**
	 * A tool of a stateless asynchronous server, governed.
	 * @param specification the tool
	 * @return the tool with a governed call handler
	 */
	public McpStatelessServerFeatures.AsyncToolSpecification govern(
			McpStatelessServerFeatures.AsyncToolSpecification specification) {
		if (specification.callHandler() instanceof GovernedHandler) {
			return specification;
		}
		ToolCallSpec spec = this.specs.resolve(new McpServerTool(specification.tool()));
		BiFunction<McpTransportContext, CallToolRequest, Mono<CallToolResult>> handler = specification.callHandler();
		return new McpStatelessServerFeatures.AsyncToolSpecification(specification.tool(),
				(GovernedAsyncHandler<McpTransportContext>) (context, request) -> callAsync(spec,
						request(spec, request, null, null), () -> handler.apply(context, request)));
	}

	private CallToolResult callSync(ToolCallSpec spec, GovernedRequest request,
			java.util.function.Supplier<CallToolResult> handler) {
		try {
			return this.governor.engine().call(this.governor.policy(spec), request, handler::get);
		}
		catch (SpecoraBlockedException | SpecoraSuspendedException | FailClosedException ex) {
			return refused(spec, ex);
		}
	}

	private Mono<CallToolResult> callAsync(ToolCallSpec spec, GovernedRequest request,
			java.util.function.Supplier<Mono<CallToolResult>> handler) {
		return this.governor.engine()
			.callMono(this.governor.policy(spec), request, handler)
			.onErrorResume((ex) -> ex instanceof SpecoraBlockedException || ex instanceof SpecoraSuspendedException
					|| ex instanceof FailClosedException, (ex) -> Mono.just(refused(spec, (RuntimeException) ex)));
	}

	private GovernedRequest request(ToolCallSpec spec, CallToolRequest request, String sessionId,
			McpSchema.Implementation client) {
		Map<String, Object> scope = new LinkedHashMap<>();
		if (sessionId != null) {
			scope.put(SESSION_ID, sessionId);
		}
		String clientName = (client != null) ? client.name() : null;
		if (clientName != null) {
			scope.put(CLIENT_NAME, clientName);
		}
		if (client != null && client.version() != null) {
			scope.put(CLIENT_VERSION, client.version());
		}
		Map<String, Object> arguments = (request.arguments() != null) ? request.arguments() : Map.of();
		return this.governor.request(spec, this.jsonMapper.writeValueAsString(arguments), request.meta(), scope,
				() -> clientName);
	}

	/**
	 * The error result of a call that did not run.
	 */
	CallToolResult refused(ToolCallSpec spec, RuntimeException ex) {
		String text;
		if (ex instanceof SpecoraBlockedException blocked) {
			text = this.governor.blockedText(spec, blocked);
		}
		else if (ex instanceof SpecoraSuspendedException suspended) {
			text = "The tool '" + spec.toolName() + "' was not run: Specora suspended this call until it is "
					+ "approved (approval " + suspended.getApprovalId() + ", source " + suspended.getApprovalSource()
					+ "; journal " + suspended.getJournalId() + ").";
		}
		else {
			text = "The tool '" + spec.toolName() + "' was not run: Specora could not decide on this call and "
					+ "fails closed (" + ex.getMessage() + ").";
		}
		return CallToolResult.builder().content(List.of(new McpSchema.TextContent(text))).isError(true).build();
	}

	@Override
	public String toString() {
		return "McpServerToolGovernor[" + this.governor + "]";
	}

	/**
	 * Marks a governed handler, so that no tool is governed twice.
	 */
	private interface GovernedHandler {

	}

	@FunctionalInterface
	private interface GovernedSyncHandler<X> extends BiFunction<X, CallToolRequest, CallToolResult>, GovernedHandler {

	}

	@FunctionalInterface
	private interface GovernedAsyncHandler<X>
			extends BiFunction<X, CallToolRequest, Mono<CallToolResult>>, GovernedHandler {

	}

}
