package ai.specora.client.webhook;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.specora.client.webhook.ApprovalResolved.Resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for {@link ApprovalResolved} and {@link WebhookEvent#approvalResolved()}.
 */
class ApprovalResolvedTests {

	@Test
	void readsResolutionIgnoringCase() {
		assertThat(Resolution.fromWireName("approved")).isEqualTo(Resolution.APPROVED);
		assertThat(Resolution.fromWireName("DENIED")).isEqualTo(Resolution.DENIED);
		assertThat(Resolution.APPROVED.wireName()).isEqualTo("approved");
		assertThatIllegalArgumentException().isThrownBy(() -> Resolution.fromWireName("pending"));
		assertThatIllegalArgumentException().isThrownBy(() -> Resolution.fromWireName(null));
	}

	@Test
	void resolvedByIsOptional() {
		Map<String, Object> data = Map.of("journal_id", "j_1", "approval_id", "a_1", "approval_state", "approved");
		WebhookEvent event = new WebhookEvent("evt_1", "runtime.approval_resolved", Instant.EPOCH, null, data);
		assertThat(event.approvalResolved()).contains(new ApprovalResolved("j_1", "a_1", Resolution.APPROVED, null));
	}

	@Test
	void eventBuiltByHandWithIncompletePayloadIsRefusedOnAccess() {
		Map<String, Object> data = Map.of("journal_id", "j_1");
		WebhookEvent event = new WebhookEvent("evt_1", "runtime.approval_resolved", Instant.EPOCH, null, data);
		assertThatIllegalArgumentException().isThrownBy(event::approvalResolved).withMessageContaining("approval_id");
	}

	@Test
	void otherTypesHaveNoApprovalPayload() {
		WebhookEvent event = new WebhookEvent("evt_1", "platform.sla_breach", Instant.EPOCH, null, null);
		assertThat(event.approvalResolved()).isEmpty();
		assertThat(event.data()).isEmpty();
	}

	@Test
	void requiresIdsAndState() {
		assertThatNullPointerException().isThrownBy(() -> new ApprovalResolved(null, "a_1", Resolution.DENIED, null));
		assertThatNullPointerException().isThrownBy(() -> new ApprovalResolved("j_1", null, Resolution.DENIED, null));
		assertThatNullPointerException().isThrownBy(() -> new ApprovalResolved("j_1", "a_1", null, null));
	}

}
