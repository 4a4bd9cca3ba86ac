package ai.specora.client;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The JSON bodies of the runtime API, as sent and received. Field names become
 * snake_case on the wire. Responses keep enums as strings so that the client, not the
 * JSON library, decides what an unknown value means.
 */
final class Wire {

	private Wire() {
	}

	record EnforceBody(String requestId, String orgId, String projectId, String agentId, String actionType,
			Map<String, Object> scope, Map<String, Object> args, BigDecimal estimatedCost, long estimatedVolume,
			boolean isWriteOp) {
	}

	record DecisionBody(String decision, String journalId, String requestId, String blockedReason,
			String approvalSource, String approvalId, String policyId, String reservationId, String source,
			String expiresAt) {
	}

	record CompleteBody(String requestId, String journalId, String status, BigDecimal costActual, Long volumeActual,
			Long durationMs, String error) {
	}

	record CompletionBody(String journalId, String status, Boolean recorded) {
	}

	record JournalBody(String journalId, String decision, String status, String approvalState, String approvalId,
			String completedStatus, BigDecimal costActual, String createdAt, String updatedAt) {
	}

	record HealthBody(String status, String version) {
	}

}
