package ai.specora.client.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WebhookEventType}.
 */
class WebhookEventTypeTests {

	@Test
	void knownWireNamesMapToTheirTypes() {
		assertThat(WebhookEventType.fromWireName("platform.invariant_failed"))
			.isEqualTo(WebhookEventType.INVARIANT_FAILED);
		assertThat(WebhookEventType.fromWireName("platform.budget_breach")).isEqualTo(WebhookEventType.BUDGET_BREACH);
		assertThat(WebhookEventType.fromWireName("platform.provider_quarantined"))
			.isEqualTo(WebhookEventType.PROVIDER_QUARANTINED);
		assertThat(WebhookEventType.fromWireName("platform.drift_detected"))
			.isEqualTo(WebhookEventType.DRIFT_DETECTED);
		assertThat(WebhookEventType.fromWireName("platform.break_glass_used"))
			.isEqualTo(WebhookEventType.BREAK_GLASS_USED);
		assertThat(WebhookEventType.fromWireName("platform.sla_breach")).isEqualTo(WebhookEventType.SLA_BREACH);
		assertThat(WebhookEventType.fromWireName("platform.risk_score_changed"))
			.isEqualTo(WebhookEventType.RISK_SCORE_CHANGED);
		assertThat(WebhookEventType.fromWireName("runtime.approval_resolved"))
			.isEqualTo(WebhookEventType.APPROVAL_RESOLVED);
	}

	@Test
	void everyKnownTypeRoundTrips() {
		for (WebhookEventType type : WebhookEventType.values()) {
			if (type != WebhookEventType.UNKNOWN) {
				assertThat(WebhookEventType.fromWireName(type.wireName())).isEqualTo(type);
			}
		}
	}

	@Test
	void otherNamesAreUnknown() {
		assertThat(WebhookEventType.fromWireName("platform.something_new")).isEqualTo(WebhookEventType.UNKNOWN);
		assertThat(WebhookEventType.fromWireName("PLATFORM.BUDGET_BREACH")).isEqualTo(WebhookEventType.UNKNOWN);
		assertThat(WebhookEventType.fromWireName(null)).isEqualTo(WebhookEventType.UNKNOWN);
		assertThat(WebhookEventType.UNKNOWN.wireName()).isNull();
	}

}
