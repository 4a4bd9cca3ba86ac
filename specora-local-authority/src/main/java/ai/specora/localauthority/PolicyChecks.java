package ai.specora.localauthority;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Answers {@code policy/check} from the {@link PlatformPolicy platform policies}: the
 * first match decides, none allows; each failed invariant of the answer sends a
 * {@code platform.invariant_failed} event. Immutable.
 */
final class PolicyChecks {

	private final List<PlatformPolicy> policies;

	private final PlatformEvents platformEvents;

	private final Consumer<Wire.WebhookEvent> events;

	PolicyChecks(List<PlatformPolicy> policies, PlatformEvents platformEvents, Consumer<Wire.WebhookEvent> events) {
		this.policies = policies;
		this.platformEvents = platformEvents;
		this.events = events;
	}

	PlatformWire.PolicyCheckResult check(PlatformRequests.PolicyCheck check, Instant now) {
		PlatformPolicy policy = this.policies.stream()
			.filter((candidate) -> candidate.matches(check.subjectType(), check.inputs()))
			.findFirst()
			.orElse(null);
		if (policy == null) {
			return new PlatformWire.PolicyCheckResult("allow", "low", List.of(),
					new PlatformWire.OverrideView(false, false, 0));
		}
		for (PlatformPolicy.Invariant invariant : policy.invariants()) {
			if (invariant.isFailed()) {
				this.events.accept(this.platformEvents.invariantFailed(policy, invariant, check, now));
			}
		}
		PlatformPolicy.OverrideEligibility override = policy.override();
		return new PlatformWire.PolicyCheckResult(policy.decision().wire(), policy.severity().wire(),
				policy.invariants()
					.stream()
					.map((invariant) -> new PlatformWire.InvariantView(invariant.id(), invariant.status(),
							invariant.reason()))
					.toList(),
				new PlatformWire.OverrideView(override.eligible(), override.requiredJustification(),
						override.expiresMaxSeconds()));
	}

}
