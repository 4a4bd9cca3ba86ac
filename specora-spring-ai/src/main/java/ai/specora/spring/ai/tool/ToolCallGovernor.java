package ai.specora.spring.ai.tool;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import ai.specora.client.Decision;
import ai.specora.client.EnforcementResult;
import ai.specora.client.FailClosedException;
import ai.specora.client.FailMode;
import ai.specora.client.SpecoraBlockedException;
import ai.specora.client.SpecoraSuspendedException;
import ai.specora.runtime.GovernanceEngine;
import ai.specora.runtime.GovernanceMode;
import ai.specora.runtime.GovernancePolicy;
import ai.specora.runtime.GovernedRequest;
import ai.specora.spring.OnSuspend;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.execution.ToolExecutionException;

/**
 * Governs tool calls through the {@link GovernanceEngine}: an adapter that maps a tool
 * and its input to the engine's policy and request, and a block to what the model
 * receives.
 * <p>
 * Allowed: the tool runs and its result, or its exception (unchanged, for Spring AI's
 * own {@code ToolExecutionExceptionProcessor}), is returned. Blocked: the tool does not
 * run and the model receives the {@link BlockedToolResponder}'s text, or
 * {@link SpecoraBlockedException} is raised under {@link OnToolBlock#THROW}; the same
 * holds for a governed method the tool reached that was blocked. Suspended:
 * {@link SpecoraSuspendedException} is raised out of the chat call, or the approval is
 * waited for under {@link OnSuspend#WAIT}. No decision under a closed fail mode:
 * {@link FailClosedException}, and the tool does not run.
 * <p>
 * A tool whose own method is {@link ai.specora.spring.Enforced @Enforced} is governed by
 * that method's annotation alone, in one round trip. Every other {@code @Enforced}
 * method the tool reaches is governed with its own decision. Tool calls are
 * synchronous in Spring AI, so the decision is waited for on the calling thread.
 */
public final class ToolCallGovernor {

	private final GovernanceEngine engine;

	private final ToolCallSpecResolver specs;

	private final BlockedToolResponder blockedResponder;

	private final FailMode failMode;

	private final GovernanceMode mode;

	private final Supplier<String> principal;

	private final Map<ToolCallSpec, GovernancePolicy> policies = new ConcurrentHashMap<>();

	/**
	 * Creates a governor.
	 * @param engine governs each call
	 * @param specs tells how each tool is governed
	 * @param blockedResponder writes what the model receives for a blocked call
	 * @param mode the mode of tools that do not set theirs ({@code specora.mode})
	 */
	public ToolCallGovernor(GovernanceEngine engine, ToolCallSpecResolver specs, BlockedToolResponder blockedResponder,
			GovernanceMode mode) {
		this(engine, specs, blockedResponder, mode, () -> null);
	}

	/**
	 * Creates a governor that tells tool expressions who the user is.
	 * @param engine governs each call
	 * @param specs tells how each tool is governed
	 * @param blockedResponder writes what the model receives for a blocked call
	 * @param mode the mode of tools that do not set theirs ({@code specora.mode})
	 * @param principal the name of the user on whose behalf a tool runs, or {@code null}:
	 * {@code #principal} of the tools' expressions, asked only for tools that have one
	 */
	public ToolCallGovernor(GovernanceEngine engine, ToolCallSpecResolver specs, BlockedToolResponder blockedResponder,
			GovernanceMode mode, Supplier<String> principal) {
		this.principal = Objects.requireNonNull(principal, "principal must not be null");
		this.engine = Objects.requireNonNull(engine, "engine must not be null");
		this.specs = Objects.requireNonNull(specs, "specs must not be null");
		this.blockedResponder = Objects.requireNonNull(blockedResponder, "blockedResponder must not be null");
		this.mode = Objects.requireNonNull(mode, "mode must not be null");
		this.failMode = engine.client().settings().failMode();
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
		return call(tool, input, toolContext, null);
	}

	/**
	 * Governs one call of a tool whose tool call id is known: its request id is then
	 * derived from the call (its conversation id, tool call id and input), so that the
	 * same tool call run again, after its approval, is answered from the same journal
	 * entry.
	 * @param tool the tool
	 * @param input the tool's input JSON, as the model gave it
	 * @param toolContext the tool context, or {@code null}
	 * @param toolCallId the id the model gave the tool call, or {@code null}
	 * @return the tool's result, or the text the model receives for a blocked call
	 * @throws SpecoraBlockedException when blocked under {@link OnToolBlock#THROW}
	 * @throws SpecoraSuspendedException when an approval is needed (and was not given in
	 * time under {@link OnSuspend#WAIT})
	 * @throws FailClosedException when no decision could be had under a closed fail mode
	 */
	public String call(ToolCallback tool, String input, ToolContext toolContext, String toolCallId) {
		ToolCallSpec spec = this.specs.resolve(tool);
		try {
			if (spec.enforcedMethod()) {
				return tool.call(input, toolContext);
			}
			return this.engine.call(policy(spec),
					new ToolCallRequest(spec, input,
							(toolContext != null) ? toolContext.getContext() : null, toolCallId, this.principal),
					() -> tool.call(input, toolContext));
		}
		catch (SpecoraBlockedException ex) {
			return blocked(spec, ex);
		}
		catch (ToolExecutionException ex) {
			if (ex.getCause() instanceof SpecoraBlockedException blocked) {
				return blocked(spec, blocked);
			}
			if (ex.getCause() instanceof SpecoraSuspendedException suspended) {
				throw suspended;
			}
			if (ex.getCause() instanceof FailClosedException failedClosed) {
				throw failedClosed;
			}
			throw ex;
		}
	}

	/**
	 * The engine that governs each call, for adapters of other tool runners (such as an
	 * MCP server) that run the call themselves.
	 * @return the engine
	 */
	public GovernanceEngine engine() {
		return this.engine;
	}

	/**
	 * How a tool's calls are governed, resolved against the client's fail mode and the
	 * application's mode once per tool.
	 * @param spec the tool's governance
	 * @return the engine's policy of the tool
	 */
	public GovernancePolicy policy(ToolCallSpec spec) {
		return this.policies.computeIfAbsent(spec, (resolved) -> resolved.policy(this.failMode, this.mode));
	}

	/**
	 * What one call of a tool asks, for adapters of other tool runners: the request a
	 * {@link ToolCallback}'s call asks, with entries of the call in its scope.
	 * @param spec the tool's governance
	 * @param input the tool's input JSON
	 * @param context the map {@code #context} of the tool's expressions, or {@code null}
	 * @param callScope scope entries of this call, over the tool's static {@code scope}
	 * entries and under those of its {@code scope-expression}
	 * @param principal who calls the tool: {@code #principal} of the tool's expressions,
	 * asked only for tools that have one
	 * @return the request to hand to the {@link #engine() engine}
	 */
	public GovernedRequest request(ToolCallSpec spec, String input, Map<String, Object> context,
			Map<String, Object> callScope, Supplier<String> principal) {
		return new ToolCallRequest(spec, input, context, null, principal, callScope);
	}

	private String blocked(ToolCallSpec spec, SpecoraBlockedException ex) {
		if (spec.onBlock() == OnToolBlock.THROW) {
			throw ex;
		}
		return blockedText(spec, ex);
	}

	/**
	 * The {@link BlockedToolResponder}'s text for a blocked call: its reason (or that of
	 * a denied approval) and its journal id.
	 * @param spec the blocked tool's governance
	 * @param ex the block
	 * @return the text
	 */
	public String blockedText(ToolCallSpec spec, SpecoraBlockedException ex) {
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

	@Override
	public String toString() {
		return "ToolCallGovernor[" + this.engine + "]";
	}

}
