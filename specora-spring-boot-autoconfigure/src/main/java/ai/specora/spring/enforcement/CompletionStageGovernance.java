package ai.specora.spring.enforcement;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import ai.specora.client.CompletionStatus;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Methods returning a {@code CompletionStage}: decided on the calling thread before the
 * method is called, completed when the stage completes. The caller gets a stage that
 * completes after the completion was handed over; cancelling it cancels the method's
 * stage.
 */
final class CompletionStageGovernance {

	private static final Logger logger = LoggerFactory.getLogger(EnforcementInterceptor.class);

	private CompletionStageGovernance() {
	}

	static Object invoke(MethodInvocation invocation, GovernedInvocation call, EnforcementDecisions decisions)
			throws Throwable {
		decisions.decideBlocking(call);
		call.running();
		Object returned;
		try {
			returned = BlockingGovernance.proceedInScope(invocation, call);
		}
		catch (Throwable ex) {
			BlockingGovernance.await(call.finish(CompletionStatus.FAILURE, ex));
			throw ex;
		}
		if (returned == null) {
			BlockingGovernance.await(call.finish(CompletionStatus.SUCCESS, null));
			return null;
		}
		CompletionStage<?> stage = (CompletionStage<?>) returned;
		CompletableFuture<Object> governed = new CompletableFuture<>();
		stage.whenComplete((value, ex) -> {
			CompletionStage<Void> finished;
			if (ex == null) {
				call.resultValue(value);
				finished = call.finish(CompletionStatus.SUCCESS, null);
			}
			else {
				Throwable cause = unwrap(ex);
				finished = (cause instanceof CancellationException) ? call.finish(CompletionStatus.CANCELLED, null)
						: call.finish(CompletionStatus.FAILURE, cause);
			}
			finished.whenComplete((ignored, neverRaised) -> {
				if (ex == null) {
					governed.complete(value);
				}
				else {
					governed.completeExceptionally(ex);
				}
			});
		});
		governed.whenComplete((value, ex) -> {
			if (governed.isCancelled()) {
				cancel(stage);
			}
		});
		return governed;
	}

	private static void cancel(CompletionStage<?> stage) {
		try {
			stage.toCompletableFuture().cancel(true);
		}
		catch (UnsupportedOperationException ex) {
			logger.debug("The governed CompletionStage cannot be cancelled", ex);
		}
	}

	private static Throwable unwrap(Throwable ex) {
		Throwable cause = ex;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

}
