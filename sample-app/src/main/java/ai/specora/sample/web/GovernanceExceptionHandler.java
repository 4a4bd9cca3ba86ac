package ai.specora.sample.web;

import ai.specora.client.IdempotencyConflictException;
import ai.specora.client.SpecoraBlockedException;
import ai.specora.client.SpecoraSuspendedException;
import ai.specora.client.SpecoraUnavailableException;
import ai.specora.sample.tools.CustomerNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns governance outcomes into problem details the agent can act on: blocked is 403,
 * waiting for an approval is 202, a refund id reused for another refund is 409, no
 * decision (fail-closed) is 503.
 */
@RestControllerAdvice
public class GovernanceExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(GovernanceExceptionHandler.class);

	/**
	 * A blocked action: 403 with the reason, the policy and the journal entry.
	 * @param ex the exception
	 * @return the problem
	 */
	@ExceptionHandler
	public ResponseEntity<ProblemDetail> blocked(SpecoraBlockedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				(ex.getReason() != null) ? ex.getReason() : "blocked by policy");
		problem.setTitle("Blocked by governance policy");
		problem.setProperty("decision", "block");
		problem.setProperty("reason", ex.getReason());
		problem.setProperty("policyId", ex.getPolicyId());
		problem.setProperty("journalId", ex.getJournalId());
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
	}

	/**
	 * An action waiting for approval: 202 with the approval to wait for.
	 * @param ex the exception
	 * @return the problem
	 */
	@ExceptionHandler
	public ResponseEntity<ProblemDetail> suspended(SpecoraSuspendedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.ACCEPTED,
				"The action needs approval from " + ex.getApprovalSource() + " and was not run");
		problem.setTitle("Approval required");
		problem.setProperty("decision", "suspend");
		problem.setProperty("approvalId", ex.getApprovalId());
		problem.setProperty("approvalSource", ex.getApprovalSource());
		problem.setProperty("journalId", ex.getJournalId());
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(problem);
	}

	/**
	 * No decision could be had (fail-closed), or the authority could not be reached: 503.
	 * @param ex the exception
	 * @return the problem
	 */
	@ExceptionHandler
	public ResponseEntity<ProblemDetail> unavailable(SpecoraUnavailableException ex) {
		logger.warn("No governance decision, the action was not run: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The governance authority could not be reached; fail-closed: the action was not run");
		problem.setTitle("Governance unavailable");
		problem.setProperty("decision", "none");
		problem.setProperty("failMode", "closed");
		problem.setProperty("attempts", ex.getAttempts());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem);
	}

	/**
	 * A refund id (a request id) reused with another amount or reason: 409, nothing run.
	 * @param ex the exception
	 * @return the problem
	 */
	@ExceptionHandler
	public ResponseEntity<ProblemDetail> conflict(IdempotencyConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"This id was already used for another request; the action was not run");
		problem.setTitle("Request id already used");
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}

	/**
	 * An unknown customer: 404.
	 * @param ex the exception
	 * @return the problem
	 */
	@ExceptionHandler
	public ResponseEntity<ProblemDetail> notFound(CustomerNotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage()));
	}

	/**
	 * A request the tools refuse: 400.
	 * @param ex the exception
	 * @return the problem
	 */
	@ExceptionHandler
	public ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException ex) {
		return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage()));
	}

}
