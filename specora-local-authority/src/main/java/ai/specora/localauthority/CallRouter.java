package ai.specora.localauthority;

import java.math.BigDecimal;
import java.util.Map;

import ai.specora.localauthority.PlatformRequests.RoutingHints;

/**
 * Routes a model call: the workflow's {@link ModelAssignment} overrides the requested
 * provider and model, and the runtime policies and budgets of action type
 * {@code llm_call} decide whether the chosen model may run. Immutable; the runtime
 * engine guards its own state.
 */
final class CallRouter {

	private final ModelRouting routing;

	private final AuthorityEngine runtime;

	CallRouter(ModelRouting routing, AuthorityEngine runtime) {
		this.routing = routing;
		this.runtime = runtime;
	}

	/**
	 * Chooses the model of a call: the workflow's model assignment when one applies and
	 * the runtime policies allow it, else (when {@code fallback_allowed} is not false)
	 * the requested one.
	 */
	Route route(String provider, String model, RoutingHints hints, long estimatedCostMicros) {
		BigDecimal cost = BigDecimal.valueOf(estimatedCostMicros, 6);
		boolean fallbackAllowed = !Boolean.FALSE.equals(hints.fallbackAllowed());
		ModelAssignment assignment = this.routing.assignmentFor(hints.agentName(), hints.purpose());
		if (assignment != null) {
			String refusal = this.runtime.checkModelCall(scope(assignment.provider(), assignment.model(), hints), cost);
			if (refusal == null) {
				return new Route(assignment.provider(), assignment.model(), null, "routed by the model assignment of "
						+ describe(hints.agentName(), assignment.purpose()));
			}
			if (!fallbackAllowed) {
				return new Route(assignment.provider(), assignment.model(), "the model assigned to "
						+ describe(hints.agentName(), assignment.purpose()) + " is refused (" + refusal
						+ ") and fallback_allowed is false", null);
			}
		}
		else if (!fallbackAllowed) {
			String whose = (hints.agentName() != null) ? describe(hints.agentName(), hints.purpose())
					: "this call (it names no agent_name)";
			return new Route(provider, model, "no model assignment for " + whose + " and fallback_allowed is false",
					null);
		}
		String refusal = this.runtime.checkModelCall(scope(provider, model, hints), cost);
		return new Route(provider, model, refusal, null);
	}

	private static String describe(String agentName, String purpose) {
		return "agent '" + agentName + "'" + ((purpose != null) ? " (purpose '" + purpose + "')" : "");
	}

	private static Map<String, String> scope(String provider, String model, RoutingHints hints) {
		Map<String, String> scope = hints.scope();
		scope.put("provider", provider);
		scope.put("model", model);
		return scope;
	}

	/**
	 * The outcome of routing: the chosen model, why it is refused (or {@code null}), and
	 * a note on how it was chosen (or {@code null}).
	 */
	record Route(String provider, String model, String refusal, String note) {
	}

}
