package ai.specora.langchain4j.tool;

import java.lang.reflect.Method;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;

/**
 * A tool's executor whose every call ({@code execute}, {@code executeWithContext},
 * {@code executeAsync}) is governed by a {@link ToolGovernor}: one decision per tool
 * call, whichever method the AI service uses. A blocked call gives the model an error
 * result ({@link ToolExecutionResult#isError()}) with the reason.
 */
public final class GovernedToolExecutor implements ToolExecutor {

	private final ToolGovernor governor;

	private final ToolSpecification tool;

	private final ToolExecutor delegate;

	private final boolean asyncSupported;

	GovernedToolExecutor(ToolGovernor governor, ToolSpecification tool, ToolExecutor delegate) {
		this.governor = governor;
		this.tool = tool;
		this.delegate = delegate;
		this.asyncSupported = overridesExecuteAsync(delegate);
	}

	@Override
	public String execute(ToolExecutionRequest request, Object memoryId) {
		return this.governor.call(this.tool, request, memoryId, null, () -> this.delegate.execute(request, memoryId),
				(blocked) -> blocked);
	}

	@Override
	public ToolExecutionResult executeWithContext(ToolExecutionRequest request, InvocationContext context) {
		return this.governor.call(this.tool, request, memoryId(context), invocationId(context),
				() -> this.delegate.executeWithContext(request, context), ToolGovernor::errorResult);
	}

	/**
	 * Governs the asynchronous call of a tool whose executor supports one; an executor
	 * that does not is asked as it is (LangChain4j then reports that it is not supported)
	 * without a decision, as the tool cannot run.
	 */
	@Override
	public CompletableFuture<ToolExecutionResult> executeAsync(ToolExecutionRequest request,
			InvocationContext context) {
		if (!this.asyncSupported) {
			return this.delegate.executeAsync(request, context);
		}
		return this.governor.callAsync(this.tool, request, memoryId(context), invocationId(context),
				() -> this.delegate.executeAsync(request, context));
	}

	private static Object memoryId(InvocationContext context) {
		return (context != null) ? context.chatMemoryId() : null;
	}

	private static UUID invocationId(InvocationContext context) {
		return (context != null) ? context.invocationId() : null;
	}

	/**
	 * The executor this one governs.
	 * @return the delegate
	 */
	public ToolExecutor delegate() {
		return this.delegate;
	}

	private static boolean overridesExecuteAsync(ToolExecutor executor) {
		try {
			Method method = executor.getClass()
				.getMethod("executeAsync", ToolExecutionRequest.class, InvocationContext.class);
			return method.getDeclaringClass() != ToolExecutor.class;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

	@Override
	public String toString() {
		return "GovernedToolExecutor[" + this.tool.name() + " -> " + this.delegate + "]";
	}

}
