package ai.specora.langchain4j.tool;

import java.util.Objects;

import ai.specora.client.FailClosedException;
import ai.specora.client.SpecoraBlockedException;
import ai.specora.client.SpecoraSuspendedException;
import dev.langchain4j.service.tool.ToolErrorContext;
import dev.langchain4j.service.tool.ToolErrorHandlerResult;
import dev.langchain4j.service.tool.ToolExecutionErrorHandler;

/**
 * The tool execution error handler of a governed AI service: a suspension
 * ({@link SpecoraSuspendedException}), a fail-closed call ({@link FailClosedException})
 * and a block raised under {@link OnToolBlock#THROW} ({@link SpecoraBlockedException})
 * end the AI service call, unseen by the model; every other tool error goes to the
 * delegate, by default LangChain4j's own default (the error's message is sent to the
 * model). Without it, LangChain4j's default handler would send the model the message
 * of a suspension as the tool's result.
 * <pre class="code">
 * AiServices.builder(Assistant.class)
 *     .toolExecutionErrorHandler(specora.toolExecutionErrorHandler())
 * </pre>
 */
public final class SpecoraToolExecutionErrorHandler implements ToolExecutionErrorHandler {

	private final ToolExecutionErrorHandler delegate;

	/**
	 * A handler over LangChain4j's default: the error's message is sent to the model.
	 */
	public SpecoraToolExecutionErrorHandler() {
		this(ToolExecutionErrorHandler.sendExceptionMessageToLlm());
	}

	/**
	 * A handler over the application's own.
	 * @param delegate handles every tool error that is not Specora's
	 */
	public SpecoraToolExecutionErrorHandler(ToolExecutionErrorHandler delegate) {
		this.delegate = Objects.requireNonNull(delegate, "delegate must not be null");
	}

	@Override
	public ToolErrorHandlerResult handle(Throwable error, ToolErrorContext context) {
		rethrowSpecoraStop(error);
		if (context != null && context.rawError() != null) {
			rethrowSpecoraStop(context.rawError());
			rethrowSpecoraStop(context.rawError().getCause());
		}
		return this.delegate.handle(error, context);
	}

	private static void rethrowSpecoraStop(Throwable error) {
		if (error instanceof SpecoraSuspendedException || error instanceof FailClosedException
				|| error instanceof SpecoraBlockedException) {
			throw (RuntimeException) error;
		}
	}

	@Override
	public String toString() {
		return "SpecoraToolExecutionErrorHandler[" + this.delegate + "]";
	}

}
