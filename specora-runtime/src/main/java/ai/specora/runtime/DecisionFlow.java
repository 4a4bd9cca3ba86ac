package ai.specora.runtime;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import ai.specora.client.CompletionStatus;
import ai.specora.client.EnforceRequest;
import ai.specora.client.EnforcementResult;
import ai.specora.client.FailClosedException;
import ai.specora.client.FailMode;
import ai.specora.client.ReactiveSpecoraClient;
import ai.specora.client.SpecoraBlockedException;
import ai.specora.client.SpecoraException;
import ai.specora.client.SpecoraSuspendedException;
import ai.specora.runtime.observation.EnforcementOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The decision of a governed call, in one place for every entry point and every kind of
 * governed code: asks the authority with the policy's fail mode (applied once, by the
 * client), judges the decision (allow, block, suspend), waits for an approval when the
 * policy says so, and in shadow mode lets every decision through.
 * <p>
 * A caller that gives up waiting (a cancelled subscription, an interrupted thread) does
 * not lose the reservation of an allow that arrives later: the decision is followed to
 * its end and an allow is completed as {@code cancelled}, which releases it.
 * <p>
 * Internal to the engine.
 */
final class DecisionFlow {

	private static final Logger logger = LoggerFactory.getLogger(DecisionFlow.class);

	private final ReactiveSpecoraClient client;

	private final ApprovalWaiter approvalWaiter;

	/**
	 * Creates the flow.
	 * @param client asks for decisions
	 * @param approvalWaiter waits for approvals
	 */
	DecisionFlow(ReactiveSpecoraClient client, ApprovalWaiter approvalWaiter) {
		this.client = client;
		this.approvalWaiter = approvalWaiter;
	}

	/**
	 * The decision of a call, without blocking: emits the decision under which the
	 * governed code may run, or fails and the code must not run. Cancelling it before it
	 * emitted releases a later allow.
	 */
	Mono<EnforcementResult> decide(CallState call) {
		return Mono.defer(() -> {
			CompletableFuture<EnforcementResult> decision = decision(call).toFuture();
			return Mono.fromFuture(decision, true).doOnCancel(() -> releaseWhenAllowed(call, decision));
		});
	}

	/**
	 * The decision of a call, waited for on the calling thread: returns only when the
	 * governed code may run. An interrupted wait releases a later allow and raises
	 * {@link CancellationException}, the thread's interrupt status kept.
	 */
	EnforcementResult await(CallState call) {
		CompletableFuture<EnforcementResult> decision = decision(call).toFuture();
		try {
			return decision.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			CancellationException cancelled = new CancellationException("Interrupted while waiting for the Specora "
					+ "decision of " + call.policy().description() + ": it was not run");
			cancelled.initCause(ex);
			call.failed(cancelled);
			releaseWhenAllowed(call, decision);
			throw cancelled;
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(cause);
		}
	}

	private Mono<EnforcementResult> decision(CallState call) {
		EnforceRequest request;
		try {
			request = call.start();
		}
		catch (RuntimeException ex) {
			return Mono.error(ex);
		}
		GovernancePolicy policy = call.policy();
		FailMode failMode = (policy.mode() == GovernanceMode.SHADOW) ? FailMode.OPEN : policy.failMode();
		return call.observed(this.client.enforce(request, failMode))
			.onErrorMap(FailClosedException.class, (ex) -> notRun(policy, ex))
			.doOnError(call::failed)
			.flatMap((result) -> judge(call, result));
	}

	/**
	 * Emits an allow (or, in shadow mode, any decision); raises a block or a suspension
	 * not waited for; waits for the approval of one waited for.
	 */
	private Mono<EnforcementResult> judge(CallState call, EnforcementResult result) {
		GovernancePolicy policy = call.policy();
		call.decided(result);
		if (logger.isDebugEnabled()) {
			logger.debug("Specora decision {} for {} (action '{}', journal {}, request {}, mode {})",
					result.decision(), policy.description(), result.actionType(), result.journalId(),
					result.requestId(), policy.mode().value());
		}
		return switch (result.decision()) {
			case ALLOW -> Mono.just(result);
			case BLOCK -> {
				if (policy.mode() == GovernanceMode.SHADOW) {
					yield shadowed(policy, result);
				}
				call.refused(EnforcementOutcome.BLOCKED);
				yield Mono.error(new SpecoraBlockedException(result));
			}
			case SUSPEND -> {
				if (policy.mode() == GovernanceMode.SHADOW) {
					yield shadowed(policy, result);
				}
				if (!policy.onSuspend().awaits()) {
					call.refused(EnforcementOutcome.SUSPENDED);
					yield Mono.error(new SpecoraSuspendedException(result));
				}
				yield call.observed(this.approvalWaiter.awaitApproval(result, policy.onSuspend().timeout()))
					.doOnError(call::failed)
					.doOnNext(call::decided);
			}
		};
	}

	/**
	 * The client's fail-closed error, naming what was not run.
	 */
	private static FailClosedException notRun(GovernancePolicy policy, FailClosedException ex) {
		return new FailClosedException(ex.getMessage() + "; " + policy.description() + " is fail-closed and was not run",
				ex.getCause(), new SpecoraException.ErrorDetails(ex.getStatusCode(), ex.getRequestId(), ex.getCode(),
						ex.getAttempts(), ex.isRetryable()));
	}

	private static Mono<EnforcementResult> shadowed(GovernancePolicy policy, EnforcementResult result) {
		logger.warn("Specora SHADOW mode: {} was decided {} (action '{}', journal {}, reason: {}); running it anyway",
				policy.description(), result.decision(), result.actionType(), result.journalId(),
				(result.blockedReason() != null) ? result.blockedReason() : result.approvalSource());
		return Mono.just(result);
	}

	/**
	 * Completes an allow that arrives after the caller gave up as {@code cancelled}, so
	 * that its reservation is released at once rather than at its expiry.
	 */
	private static void releaseWhenAllowed(CallState call, CompletableFuture<EnforcementResult> decision) {
		decision.whenComplete((result, error) -> {
			if (error == null) {
				call.finish(CompletionStatus.CANCELLED, null);
			}
		});
	}

}
