package ai.specora.spring.enforcement;

import ai.specora.client.Decision;
import ai.specora.client.EnforceRequest;
import ai.specora.client.EnforcementResult;
import ai.specora.client.FailClosedException;
import ai.specora.client.FailMode;
import ai.specora.client.ReactiveSpecoraClient;
import ai.specora.client.SpecoraBlockedException;
import ai.specora.client.SpecoraException;
import ai.specora.client.SpecoraSuspendedException;
import ai.specora.spring.EnforcedFailMode;
import ai.specora.spring.OnSuspend;
import ai.specora.spring.observation.EnforcementOutcome;
import io.micrometer.observation.Observation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * The decision of a governed call, in one place for every return kind: asks the
 * authority, applies the method's fail mode, judges the decision (allow, block,
 * suspend) and waits for an approval when the method says so. It returns only when
 * the method may run; otherwise it raises, and the method does not run.
 */
final class EnforcementDecisions {

	/**
	 * The Reactor context key of the current observation, as Micrometer's context
	 * propagation names it.
	 */
	static final String OBSERVATION_KEY = "micrometer.observation";

	private static final Logger logger = LoggerFactory.getLogger(EnforcementInterceptor.class);

	private final ReactiveSpecoraClient client;

	private final ApprovalWaiter approvalWaiter;

	private final String clientFailMode;

	EnforcementDecisions(ReactiveSpecoraClient client, ApprovalWaiter approvalWaiter) {
		this.client = client;
		this.approvalWaiter = approvalWaiter;
		this.clientFailMode = failModeValue(client.settings().failMode() == FailMode.OPEN);
	}

	/**
	 * The effective fail mode of a method, {@code open} or {@code closed}.
	 */
	String failMode(EnforcedMethod enforced) {
		return switch (enforced.getFailMode()) {
			case OPEN -> failModeValue(true);
			case CLOSED -> failModeValue(false);
			case INHERIT -> this.clientFailMode;
		};
	}

	private static String failModeValue(boolean open) {
		return open ? "open" : "closed";
	}

	/**
	 * Makes the call's observation the current one of a reactive chain.
	 */
	static <T> Mono<T> observed(GovernedInvocation call, Mono<T> mono) {
		Observation observation = call.observation();
		return observation.isNoop() ? mono : mono.contextWrite(Context.of(OBSERVATION_KEY, observation));
	}

	/**
	 * Gets the decision on the calling thread; returns only when the method may run.
	 */
	EnforcementResult decideBlocking(GovernedInvocation call) {
		EnforceRequest request = call.start();
		EnforcedMethod enforced = call.enforcedMethod();
		EnforcementResult result;
		try {
			result = observed(call, this.client.enforce(request)).block();
		}
		catch (FailClosedException ex) {
			if (enforced.getFailMode() != EnforcedFailMode.OPEN) {
				call.failed(ex);
				throw ex;
			}
			result = failOpen(enforced, request, ex);
		}
		catch (RuntimeException ex) {
			call.failed(ex);
			throw ex;
		}
		result = judge(call, result);
		if (result.decision() == Decision.SUSPEND) {
			try {
				result = observed(call, this.approvalWaiter.awaitApproval(result, enforced.getApprovalTimeout()))
					.block();
			}
			catch (RuntimeException ex) {
				call.failed(ex);
				throw ex;
			}
			call.decided(result);
		}
		return result;
	}

	/**
	 * Gets the decision without blocking; emits the call only when the method may run.
	 */
	Mono<GovernedInvocation> decideReactively(GovernedInvocation call) {
		EnforcedMethod enforced = call.enforcedMethod();
		EnforceRequest request = call.start();
		Mono<EnforcementResult> decision = observed(call, this.client.enforce(request));
		if (enforced.getFailMode() == EnforcedFailMode.OPEN) {
			decision = decision.onErrorResume(FailClosedException.class,
					(ex) -> Mono.just(failOpen(enforced, request, ex)));
		}
		return decision.doOnError(call::failed).map((result) -> judge(call, result)).flatMap((result) -> {
			if (result.decision() != Decision.SUSPEND) {
				return Mono.just(call);
			}
			return observed(call, this.approvalWaiter.awaitApproval(result, enforced.getApprovalTimeout()))
				.doOnError(call::failed)
				.map((approved) -> {
					call.decided(approved);
					return call;
				});
		}).doOnCancel(call::cancelledBeforeRunning);
	}

	/**
	 * Applies the method's fail mode and the decision: returns an allow, or a suspend
	 * to wait for; raises otherwise.
	 */
	private EnforcementResult judge(GovernedInvocation call, EnforcementResult result) {
		EnforcedMethod enforced = call.enforcedMethod();
		if (result.isFailOpen() && enforced.getFailMode() == EnforcedFailMode.CLOSED) {
			FailClosedException ex = new FailClosedException("No Specora decision for action '"
					+ enforced.getActionType() + "' and " + enforced.getDescription()
					+ " is fail-closed: the method was not run",
					null, new SpecoraException.ErrorDetails(0, null, null, 0, true));
			call.failed(ex);
			throw ex;
		}
		call.decided(result);
		if (logger.isDebugEnabled()) {
			logger.debug("Specora decision {} for action '{}' of {} (journal {}, request {})", result.decision(),
					enforced.getActionType(), enforced.getDescription(), result.journalId(), result.requestId());
		}
		return switch (result.decision()) {
			case ALLOW -> result;
			case BLOCK -> {
				call.refused(EnforcementOutcome.BLOCKED);
				throw new SpecoraBlockedException(result);
			}
			case SUSPEND -> {
				if (enforced.getOnSuspend() == OnSuspend.WAIT) {
					yield result;
				}
				call.refused(EnforcementOutcome.SUSPENDED);
				throw new SpecoraSuspendedException(result);
			}
		};
	}

	private static EnforcementResult failOpen(EnforcedMethod enforced, EnforceRequest request,
			FailClosedException ex) {
		logger.warn("No Specora decision for action '{}' (request {}); {} is FAIL-OPEN: running it ungoverned. "
				+ "Cause: {}", enforced.getActionType(), request.requestId(), enforced.getDescription(),
				ex.getMessage());
		return EnforcementResult.failOpen(enforced.getActionType(), request.requestId().toString());
	}

}
