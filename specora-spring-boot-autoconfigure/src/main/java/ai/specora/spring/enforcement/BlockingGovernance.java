package ai.specora.spring.enforcement;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import ai.specora.client.CompletionStatus;
import io.micrometer.observation.Observation;
import org.aopalliance.intercept.MethodInvocation;

/**
 * Plain methods: decided and completed around the call, on the calling thread. The
 * method's own result or exception is returned unchanged.
 */
final class BlockingGovernance {

	private BlockingGovernance() {
	}

	static Object invoke(MethodInvocation invocation, GovernedInvocation call, EnforcementDecisions decisions)
			throws Throwable {
		decisions.decideBlocking(call);
		call.running();
		Object value;
		try {
			value = proceedInScope(invocation, call);
		}
		catch (Throwable ex) {
			await(call.finish(CompletionStatus.FAILURE, ex));
			throw ex;
		}
		call.resultValue(value);
		await(call.finish(CompletionStatus.SUCCESS, null));
		return value;
	}

	/**
	 * Runs the method with the call's observation as the current one.
	 */
	static Object proceedInScope(MethodInvocation invocation, GovernedInvocation call) throws Throwable {
		Observation.Scope scope = call.openScope();
		try {
			return invocation.proceed();
		}
		finally {
			GovernedInvocation.closeScope(scope);
		}
	}

	/**
	 * Waits for a completion hand-over; the stage never completes exceptionally.
	 */
	static void await(CompletionStage<Void> stage) {
		if (stage instanceof CompletableFuture<Void> future && future.isDone()) {
			return;
		}
		stage.toCompletableFuture().join();
	}

}
