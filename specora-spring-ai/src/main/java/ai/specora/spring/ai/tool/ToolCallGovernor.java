package ai.specora.spring.ai.tool;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import ai.specora.client.Completion;
import ai.specora.client.CompletionStatus;
import ai.specora.client.Decision;
import ai.specora.client.EnforceRequest;
import ai.specora.client.EnforcementResult;
import ai.specora.client.FailClosedException;
import ai.specora.client.FailMode;
import ai.specora.client.SpecoraBlockedException;
import ai.specora.client.SpecoraClient;
import ai.specora.client.SpecoraException;
import ai.specora.client.SpecoraSuspendedException;
import ai.specora.spring.EnforcedFailMode;
import ai.specora.spring.OnSuspend;
import ai.specora.spring.enforcement.ApprovalWaiter;
import ai.specora.spring.enforcement.CompletionDispatcher;
import ai.specora.spring.enforcement.GovernedCallScope;
import ai.specora.spring.observation.EnforcementObservationConvention;
import ai.specora.spring.observation.EnforcementOutcome;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.execution.ToolExecutionException;

/**
 * Governs one tool call: asks the authority first, runs the tool only when allowed,
 * and completes the enforcement with the tool's outcome and duration.
 * <p>
 * Allowed: the tool runs inside a {@link GovernedCallScope}, so that an
 * {@link ai.specora.spring.Enforced @Enforced} tool method is not enforced a second
 * time; its result, or its exception (unchanged, for Spring AI's own
 * {@code ToolExecutionExceptionProcessor}), is returned. Blocked: the tool does not run
 * and the model receives the {@link BlockedToolResponder}'s text, or
 * {@link SpecoraBlockedException} is raised under {@link OnToolBlock#THROW}. Suspended:
 * {@link SpecoraSuspendedException} is raised, or the approval is waited for under
 * {@link OnSuspend#WAIT}. No decision under a closed fail mode:
 * {@link FailClosedException}, and the tool does not run.
 * <p>
 * Tool calls are synchronous in Spring AI (streaming runs them on a bounded elastic
 * thread), so the decision is waited for on the calling thread. Each call is a
 * {@code specora.enforcement} observation when an {@link ObservationRegistry} is set.
 */
public final class ToolCallGovernor {

	private static final Logger logger = LoggerFactory.getLogger(ToolCallGovernor.class);

	private final SpecoraClient client;

	private final CompletionDispatcher dispatcher;

	private final ApprovalWaiter approvalWaiter;

	private final ToolCallSpecResolver specs;

	private final BlockedToolResponder blockedResponder;

	private final ToolInputArgs inputArgs = new ToolInputArgs();

	private final boolean clientFailsOpen;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private EnforcementObservationConvention observationConvention;

	/**
	 * Creates a governor.
	 * @param client the client that asks for decisions
	 * @param dispatcher delivers completions
	 * @param approvalWaiter waits for approvals under {@link OnSuspend#WAIT}
	 * @param specs tells how each tool is governed
	 * @param blockedResponder writes what the model receives for a blocked call
	 */
	public ToolCallGovernor(SpecoraClient client, CompletionDispatcher dispatcher, ApprovalWaiter approvalWaiter,
			ToolCallSpecResolver specs, BlockedToolResponder blockedResponder) {
		this.client = Objects.requireNonNull(client, "client must not be null");
		this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher must not be null");
		this.approvalWaiter = Objects.requireNonNull(approvalWaiter, "approvalWaiter must not be null");
		this.specs = Objects.requireNonNull(specs, "specs must not be null");
		this.blockedResponder = Objects.requireNonNull(blockedResponder, "blockedResponder must not be null");
		this.clientFailsOpen = client.settings().failMode() == FailMode.OPEN;
	}

	/**
	 * Observes every governed tool call in this registry; by default none is observed.
	 * @param observationRegistry the registry
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry must not be null");
	}

	/**
	 * The convention that names the observation and its key values, instead of
	 * {@link ai.specora.spring.observation.DefaultEnforcementObservationConvention}.
	 * @param observationConvention the convention, or {@code null} for the default
	 */
	public void setObservationConvention(EnforcementObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	/**
	 * Governs one call of a tool.
	 * @param tool the tool
	 * @param input the tool's input JSON, as the model gave it
	 * @param toolContext the tool context, or {@code null}
	 * @return the tool's result, or the text the model receives for a blocked call
	 * @throws SpecoraBlockedException when blocked under {@link OnToolBlock#THROW}
	 * @throws SpecoraSuspendedException when an approval is needed (and was not given in
	 * time under {@link OnSuspend#WAIT})
	 * @throws FailClosedException when no decision could be had under a closed fail mode
	 */
	public String call(ToolCallback tool, String input, ToolContext toolContext) {
		ToolCallSpec spec = this.specs.resolve(tool);
		boolean failsOpen = failsOpen(spec);
		ToolCallObservation observation = ToolCallObservation.start(this.observationRegistry,
				this.observationConvention, spec, failsOpen);
		EnforcementResult decision;
		Observation.Scope scope = observation.openScope();
		try {
			EnforceRequest request = request(spec, input);
			observation.requestId(request.requestId().toString());
			decision = decide(spec, request, failsOpen, observation);
		}
		catch (SpecoraBlockedException ex) {
			observation.stop(EnforcementOutcome.BLOCKED, null);
			if (spec.onBlock() == OnToolBlock.THROW) {
				throw ex;
			}
			return this.blockedResponder.respond(spec, withReason(ex));
		}
		catch (SpecoraSuspendedException ex) {
			observation.stop(EnforcementOutcome.SUSPENDED, null);
			throw ex;
		}
		catch (RuntimeException ex) {
			observation.stop(EnforcementOutcome.ERROR, ex);
			throw ex;
		}
		finally {
			scope.close();
		}
		return run(tool, spec, decision, input, toolContext, observation);
	}

	/**
	 * Runs an allowed tool in a {@link GovernedCallScope} and completes it.
	 */
	private String run(ToolCallback tool, ToolCallSpec spec, EnforcementResult decision, String input,
			ToolContext toolContext, ToolCallObservation observation) {
		long start = System.nanoTime();
		String result;
		Observation.Scope scope = observation.openScope();
		GovernedCallScope governed = GovernedCallScope.open(decision);
		try {
			result = tool.call(input, toolContext);
		}
		catch (RuntimeException | Error ex) {
			finish(spec, decision, CompletionStatus.FAILURE, ex, start);
			observation.stop(EnforcementOutcome.FAILURE, ex);
			throw ex;
		}
		finally {
			governed.close();
			scope.close();
		}
		finish(spec, decision, CompletionStatus.SUCCESS, null, start);
		observation.stop(EnforcementOutcome.SUCCESS, null);
		return result;
	}

	/**
	 * Gets the decision; returns only an allow, raises otherwise.
	 */
	private EnforcementResult decide(ToolCallSpec spec, EnforceRequest request, boolean failsOpen,
			ToolCallObservation observation) {
		EnforcementResult decision;
		try {
			decision = this.client.enforce(request);
		}
		catch (FailClosedException ex) {
			if (!failsOpen) {
				throw ex;
			}
			decision = failOpen(spec, request, ex);
		}
		if (decision.isFailOpen() && spec.failMode() == EnforcedFailMode.CLOSED) {
			throw new FailClosedException("No Specora decision for tool '" + spec.toolName() + "' (action '"
					+ spec.actionType() + "'), which is fail-closed: the tool was not run", null,
					new SpecoraException.ErrorDetails(0, null, null, 0, true));
		}
		observation.decided(decision);
		if (logger.isDebugEnabled()) {
			logger.debug("Specora decision {} for tool '{}' (action '{}', journal {}, request {})", decision.decision(),
					spec.toolName(), spec.actionType(), decision.journalId(), decision.requestId());
		}
		return switch (decision.decision()) {
			case ALLOW -> decision;
			case BLOCK -> throw new SpecoraBlockedException(decision);
			case SUSPEND -> {
				if (spec.onSuspend() != OnSuspend.WAIT) {
					throw new SpecoraSuspendedException(decision);
				}
				EnforcementResult approved = this.approvalWaiter.awaitApproval(decision, spec.approvalTimeout())
					.block();
				observation.decided(approved);
				yield approved;
			}
		};
	}

	private void finish(ToolCallSpec spec, EnforcementResult decision, CompletionStatus status, Throwable error,
			long startNanos) {
		if (!decision.requiresCompletion()) {
			return;
		}
		try {
			Completion completion = Completion.builder(status)
				.duration(Duration.ofNanos(System.nanoTime() - startNanos))
				.error(errorName(error))
				.build();
			CompletionStage<Void> delivered = this.dispatcher.dispatch(decision.journalId(), completion);
			if (!(delivered instanceof CompletableFuture<Void> future && future.isDone())) {
				delivered.toCompletableFuture().join();
			}
		}
		catch (RuntimeException ex) {
			logger.error("Specora completion {} of tool '{}' (journal {}) could not be handed over: {}", status,
					spec.toolName(), decision.journalId(), ex.toString());
		}
	}

	/**
	 * The class name of the tool's failure: the cause that Spring AI wrapped in a
	 * {@link ToolExecutionException}, else the exception itself.
	 */
	private static String errorName(Throwable error) {
		if (error == null) {
			return null;
		}
		Throwable cause = (error instanceof ToolExecutionException && error.getCause() != null) ? error.getCause()
				: error;
		return cause.getClass().getName();
	}

	private EnforceRequest request(ToolCallSpec spec, String input) {
		EnforceRequest.Builder builder = EnforceRequest.builder(spec.actionType())
			.requestId(EnforceRequest.newRequestId())
			.scope(spec.scope())
			.writeOp(spec.writeOp())
			.estimatedVolume(1);
		if (spec.includeArgs()) {
			builder.args(this.inputArgs.of(input));
		}
		return builder.build();
	}

	private boolean failsOpen(ToolCallSpec spec) {
		return switch (spec.failMode()) {
			case OPEN -> true;
			case CLOSED -> false;
			case INHERIT -> this.clientFailsOpen;
		};
	}

	private static EnforcementResult failOpen(ToolCallSpec spec, EnforceRequest request, FailClosedException ex) {
		logger.warn("No Specora decision for tool '{}' (action '{}', request {}); the tool is FAIL-OPEN: running it "
				+ "ungoverned. Cause: {}", spec.toolName(), spec.actionType(), request.requestId(), ex.getMessage());
		return EnforcementResult.failOpen(spec.actionType(), request.requestId().toString());
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

	@Override
	public String toString() {
		return "ToolCallGovernor[" + this.client + "]";
	}

}
