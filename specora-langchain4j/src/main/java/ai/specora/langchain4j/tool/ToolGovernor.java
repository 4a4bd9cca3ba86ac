package ai.specora.langchain4j.tool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import ai.specora.client.Decision;
import ai.specora.client.EnforcementResult;
import ai.specora.client.FailClosedException;
import ai.specora.client.FailMode;
import ai.specora.client.SpecoraBlockedException;
import ai.specora.client.SpecoraSuspendedException;
import ai.specora.runtime.GovernanceEngine;
import ai.specora.runtime.GovernanceMode;
import ai.specora.runtime.GovernancePolicy;
import ai.specora.runtime.GovernedBody;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.service.tool.AiServiceTool;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.langchain4j.service.tool.ToolExecutionErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Governs LangChain4j tool calls through the {@link GovernanceEngine}: an adapter that
 * maps a tool and its call to the engine's policy and request, and a block to what the
 * model receives. The fail mode, the approval wait and shadow mode are the engine's.
 * <p>
 * Allowed: the tool runs and its result, or its exception (unchanged, for the AI
 * service's own tool error handling), is returned. Blocked: the tool does not run and
 * the model receives an error result with the {@link BlockedToolResponder}'s text, or
 * {@link SpecoraBlockedException} is raised under {@link OnToolBlock#THROW}; the same
 * holds for a governed method the tool reached that was blocked. Suspended:
 * {@link SpecoraSuspendedException}, or the approval is waited for under
 * {@link OnToolSuspend#WAIT}. No decision under a closed fail mode:
 * {@link FailClosedException}, and the tool does not run. The AI service lets these
 * exceptions out of its call, instead of showing them to the model, when it is built
 * with a {@link SpecoraToolExecutionErrorHandler}.
 */
public final class ToolGovernor {

	private static final Logger logger = LoggerFactory.getLogger(ToolGovernor.class);

	private final GovernanceEngine engine;

	private final ToolCallSpecResolver specs;

	private final BlockedToolResponder blockedResponder;

	private final FailMode failMode;

	private final GovernanceMode mode;

	private final Map<ToolCallSpec, GovernancePolicy> policies = new ConcurrentHashMap<>();

	private final AtomicBoolean unhandledStopWarned = new AtomicBoolean();

	private final AtomicBoolean errorHandlerCreated = new AtomicBoolean();

	/**
	 * Creates a governor.
	 * @param engine governs each call
	 * @param specs tells how each tool is governed
	 * @param blockedResponder writes what the model receives for a blocked call
	 * @param mode the mode of tools that do not set theirs ({@code specora.mode})
	 */
	public ToolGovernor(GovernanceEngine engine, ToolCallSpecResolver specs, BlockedToolResponder blockedResponder,
			GovernanceMode mode) {
		this.engine = Objects.requireNonNull(engine, "engine must not be null");
		this.specs = Objects.requireNonNull(specs, "specs must not be null");
		this.blockedResponder = Objects.requireNonNull(blockedResponder, "blockedResponder must not be null");
		this.mode = Objects.requireNonNull(mode, "mode must not be null");
		this.failMode = engine.client().settings().failMode();
	}

	/**
	 * Wraps a tool's executor so that each of its calls is governed.
	 * @param tool the tool's specification
	 * @param executor the tool's executor
	 * @return the governed executor; the executor itself when it is governed already
	 */
	public ToolExecutor govern(ToolSpecification tool, ToolExecutor executor) {
		if (executor instanceof GovernedToolExecutor) {
			return executor;
		}
		return new GovernedToolExecutor(this, tool, executor);
	}

	/**
	 * Tools with governed executors, everything else about them unchanged.
	 * @param tools the tools
	 * @return the governed tools
	 */
	public List<AiServiceTool> govern(Collection<AiServiceTool> tools) {
		List<AiServiceTool> governed = new ArrayList<>(tools.size());
		for (AiServiceTool tool : tools) {
			governed.add(tool.toBuilder().toolExecutor(govern(tool.toolSpecification(), tool.toolExecutor())).build());
		}
		return governed;
	}

	/**
	 * Governs one blocking call of a tool.
	 * @param tool the tool's specification
	 * @param call the model's tool call
	 * @param memoryId the chat memory id of the AI service call, or {@code null}
	 * @param invocationId the id of the AI service call, or {@code null}
	 * @param body runs the tool
	 * @param blocked what a blocked call gives the model, from the text it is told
	 * @param <T> what the tool gives
	 * @return the tool's result, or what the model receives for a blocked call
	 */
	<T> T call(ToolSpecification tool, ToolExecutionRequest call, Object memoryId, UUID invocationId,
			GovernedBody<T, RuntimeException> body, Function<String, T> blocked) {
		ToolCallSpec spec = this.specs.resolve(tool);
		try {
			return this.engine.call(policy(spec),
					new ToolCallRequest(spec, call, memoryId, invocationId), body);
		}
		catch (RuntimeException ex) {
			return blocked.apply(blockedText(spec, ex));
		}
	}

	/**
	 * Governs one asynchronous call of a tool: the decision is waited for on the calling
	 * thread, the tool's future completes the call.
	 * @param tool the tool's specification
	 * @param call the model's tool call
	 * @param memoryId the chat memory id of the AI service call, or {@code null}
	 * @param invocationId the id of the AI service call, or {@code null}
	 * @param body starts the tool
	 * @return the tool's future result, or the error result of a blocked call
	 */
	CompletableFuture<ToolExecutionResult> callAsync(ToolSpecification tool, ToolExecutionRequest call,
			Object memoryId, UUID invocationId,
			GovernedBody<CompletableFuture<ToolExecutionResult>, RuntimeException> body) {
		ToolCallSpec spec = this.specs.resolve(tool);
		CompletableFuture<ToolExecutionResult> future;
		try {
			future = this.engine.callAsync(policy(spec),
					new ToolCallRequest(spec, call, memoryId, invocationId), body);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.completedFuture(errorResult(blockedText(spec, ex)));
		}
		return future.exceptionallyCompose((error) -> {
			Throwable cause = (error instanceof CompletionException && error.getCause() != null) ? error.getCause()
					: error;
			if (cause instanceof RuntimeException runtime) {
				return CompletableFuture.completedFuture(errorResult(blockedText(spec, runtime)));
			}
			return CompletableFuture.failedFuture(cause);
		});
	}

	/**
	 * An error result the model sees.
	 * @param text the text
	 * @return the result
	 */
	static ToolExecutionResult errorResult(String text) {
		return ToolExecutionResult.builder().isError(true).resultText(text).build();
	}

	private GovernancePolicy policy(ToolCallSpec spec) {
		return this.policies.computeIfAbsent(spec, (resolved) -> resolved.policy(this.failMode, this.mode));
	}

	/**
	 * The text the model receives for a blocked call (the tool's own, or a governed
	 * method the tool reached); rethrows every other exception, a suspension or a
	 * fail-closed one reached through the tool unwrapped.
	 */
	private String blockedText(ToolCallSpec spec, RuntimeException ex) {
		if (ex instanceof SpecoraBlockedException blocked) {
			return blocked(spec, blocked);
		}
		Throwable cause = ex.getCause();
		if (cause instanceof SpecoraBlockedException blocked) {
			return blocked(spec, blocked);
		}
		if (cause instanceof SpecoraSuspendedException || cause instanceof FailClosedException) {
			throw stop(spec, (RuntimeException) cause);
		}
		if (ex instanceof SpecoraSuspendedException || ex instanceof FailClosedException) {
			throw stop(spec, ex);
		}
		throw ex;
	}

	private String blocked(ToolCallSpec spec, SpecoraBlockedException ex) {
		if (spec.onBlock() == OnToolBlock.THROW) {
			throw stop(spec, ex);
		}
		return this.blockedResponder.respond(spec, withReason(ex));
	}

	/**
	 * The decision of a block, with the reason of a denied approval when it has none.
	 */
	private static EnforcementResult withReason(SpecoraBlockedException ex) {
		EnforcementResult result = ex.getResult();
		if (result.decision() == Decision.BLOCK || result.blockedReason() != null) {
			return result;
		}
		return new EnforcementResult(Decision.BLOCK, result.actionType(), result.journalId(), result.requestId(),
				ex.getMessage(), result.approvalSource(), result.approvalId(), result.policyId(),
				result.reservationId(), result.source(), result.expiresAt());
	}

	/**
	 * A tool execution error handler for AI services whose tools this governor governs:
	 * a suspension or a fail-closed call ends the AI service call, unseen by the model.
	 * Once one was made, a governed call that must end the AI service call no longer
	 * warns that none is in use.
	 * @param delegate handles every tool error that is not Specora's
	 * @return the handler
	 */
	public SpecoraToolExecutionErrorHandler errorHandler(ToolExecutionErrorHandler delegate) {
		this.errorHandlerCreated.set(true);
		return new SpecoraToolExecutionErrorHandler(delegate);
	}

	/**
	 * An exception that must end the AI service call; said once at WARN when no
	 * {@link SpecoraToolExecutionErrorHandler} exists, as LangChain4j's default handler
	 * would show it to the model instead.
	 */
	private RuntimeException stop(ToolCallSpec spec, RuntimeException ex) {
		if (!this.errorHandlerCreated.get() && this.unhandledStopWarned.compareAndSet(false, true)) {
			logger.warn("The governed call of tool '{}' raised {}, which must end the AI service call: build the "
					+ "AI service with .toolExecutionErrorHandler(specora.toolExecutionErrorHandler()) (in Spring "
					+ "Boot, the specoraToolExecutionErrorHandler bean), else LangChain4j's default tool error "
					+ "handler sends its message to the model as the tool's result", spec.toolName(),
					ex.getClass().getSimpleName());
		}
		return ex;
	}

	@Override
	public String toString() {
		return "ToolGovernor[" + this.engine + "]";
	}

}
