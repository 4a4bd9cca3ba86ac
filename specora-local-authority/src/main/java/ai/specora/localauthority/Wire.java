package ai.specora.localauthority;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The response bodies, written in snake_case by the authority's JSON mapper.
 */
final class Wire {

	private Wire() {
	}

	static String time(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	record Health(String status, String version) {
	}

	record EnforceResponse(String decision, String journalId, String requestId, String blockedReason,
			String approvalSource, String approvalId, String policyId, String reservationId, String source,
			String expiresAt) {
	}

	record CompleteResponse(String journalId, String status, boolean recorded) {
	}

	record JournalView(String journalId, String requestId, String actionType, String decision, String status,
			String approvalState, String approvalId, String completedStatus, BigDecimal costActual,
			String blockedReason, String reservationId, String expiresAt, String createdAt, String updatedAt) {
	}

	record ErrorBody(ErrorDetail error) {
	}

	record ErrorDetail(String code, String message, Map<String, Object> details) {
	}

	record BudgetValidation(BigDecimal budgetRemaining, BigDecimal budgetTotal, BigDecimal usagePercent,
			boolean forecastBreach, String enforcementState, String budgetName) {
	}

	record RiskScore(int riskPercentile, double driftRisk, double overrideFrequencyRisk, String anomalyStatus) {
	}

	record Preauthorization(boolean authorized, String authorizationId, String selectedProvider,
			String selectedModel, String reason, String expiresAt) {
	}

	record ApprovalResolution(String approvalId, String journalId, String approvalState, String decision,
			String resolvedBy, String reservationId, String expiresAt) {

		static ApprovalResolution of(ApprovalOutcome outcome) {
			return new ApprovalResolution(outcome.approvalId(), outcome.journalId(),
					outcome.approved() ? "approved" : "denied", outcome.approved() ? "allow" : "block",
					outcome.resolvedBy(), outcome.reservationId(), time(outcome.expiresAt()));
		}

	}

	record PendingApprovals(List<PendingApprovalView> approvals) {
	}

	record PendingApprovalView(String approvalId, String journalId, String actionType, Map<String, String> scope,
			String approvalSource, BigDecimal estimatedCost, String createdAt) {

		static PendingApprovalView of(PendingApproval approval) {
			return new PendingApprovalView(approval.approvalId(), approval.journalId(), approval.actionType(),
					approval.scope(), approval.approvalSource(), approval.estimatedCost(),
					time(approval.createdAt()));
		}

	}

	record WebhookEvent(String eventId, String eventType, String createdAt, String orgId, Map<String, Object> data) {
	}

}
