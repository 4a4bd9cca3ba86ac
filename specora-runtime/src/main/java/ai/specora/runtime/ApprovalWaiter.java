package ai.specora.runtime;

import java.time.Duration;
import java.util.Objects;

import ai.specora.client.ApprovalState;
import ai.specora.client.Backoff;
import ai.specora.client.Decision;
import ai.specora.client.DecisionSource;
import ai.specora.client.EnforcementResult;
import ai.specora.client.JournalEntry;
import ai.specora.client.JournalStatus;
import ai.specora.client.ReactiveSpecoraClient;
import ai.specora.client.SpecoraBlockedException;
import ai.specora.client.SpecoraSuspendedException;
import ai.specora.client.SpecoraUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Waits for the approval of a suspended action by following its journal entry, with
 * back-off between reads, for calls whose {@link SuspendPolicy} awaits approvals.
 * <p>
 * Approved: an allow decision on the same journal entry, to be completed after the
 * method ran. Denied: {@link SpecoraBlockedException}. Not approved in time, or the
 * entry expired (even when it also says approved: expired wins, the method does not
 * run): {@link SpecoraSuspendedException}. Transient failures to read the
 * journal are retried until the timeout, and a read that is still waiting for its answer
 * when the timeout is reached is abandoned: the wait never outlives the timeout. Never
 * blocks: waiting is done with timers.
 */
public final class ApprovalWaiter {

	private static final Logger logger = LoggerFactory.getLogger(ApprovalWaiter.class);

	private final ReactiveSpecoraClient client;

	private final Backoff intervals;

	/**
	 * Creates a waiter that reads the journal after 1 s, then doubles the interval up to
	 * 15 s.
	 * @param client the client that reads the journal
	 */
	public ApprovalWaiter(ReactiveSpecoraClient client) {
		this(client, Duration.ofSeconds(1), Duration.ofSeconds(15));
	}

	/**
	 * Creates a waiter.
	 * @param client the client that reads the journal
	 * @param initialInterval the wait before the first read, positive
	 * @param maxInterval the largest wait between two reads, at least the initial one
	 */
	public ApprovalWaiter(ReactiveSpecoraClient client, Duration initialInterval, Duration maxInterval) {
		this.client = Objects.requireNonNull(client, "client must not be null");
		if (initialInterval == null || initialInterval.isZero() || initialInterval.isNegative()) {
			throw new IllegalArgumentException("initialInterval must be positive");
		}
		if (maxInterval == null || maxInterval.compareTo(initialInterval) < 0) {
			throw new IllegalArgumentException("maxInterval must not be shorter than initialInterval");
		}
		this.intervals = new Backoff(initialInterval, maxInterval, Backoff.Jitter.NONE);
	}

	/**
	 * Waits for the approval of a suspended action.
	 * @param suspended the suspend decision
	 * @param timeout how long to wait
	 * @return the allow decision once approved, or an error: {@link SpecoraBlockedException}
	 * when denied, {@link SpecoraSuspendedException} when not approved in time
	 */
	public Mono<EnforcementResult> awaitApproval(EnforcementResult suspended, Duration timeout) {
		if (suspended.decision() != Decision.SUSPEND || suspended.journalId() == null) {
			return Mono.error(new SpecoraSuspendedException(suspended));
		}
		return Mono.defer(() -> poll(suspended, 1, System.nanoTime() + timeout.toNanos(), timeout));
	}

	private Mono<EnforcementResult> poll(EnforcementResult suspended, int attempt, long deadlineNanos,
			Duration timeout) {
		long remaining = deadlineNanos - System.nanoTime();
		if (remaining <= 0) {
			return Mono.error(notApprovedInTime(suspended, timeout));
		}
		Duration interval = this.intervals.delay(attempt);
		Duration wait = (interval.toNanos() < remaining) ? interval : Duration.ofNanos(remaining);
		return Mono.delay(wait)
			.then(Mono.defer(() -> readJournal(suspended).timeout(remaining(deadlineNanos),
					Mono.error(() -> notApprovedInTime(suspended, timeout)))))
			.flatMap((entry) -> decide(suspended, entry, timeout))
			.switchIfEmpty(Mono.defer(() -> poll(suspended, attempt + 1, deadlineNanos, timeout)));
	}

	/**
	 * What is left of the wait: no read of the journal outlives the approval timeout,
	 * whatever the client's own deadline.
	 */
	private static Duration remaining(long deadlineNanos) {
		return Duration.ofNanos(Math.max(1, deadlineNanos - System.nanoTime()));
	}

	private Mono<JournalEntry> readJournal(EnforcementResult suspended) {
		return this.client.journal(suspended.journalId())
			.onErrorResume(SpecoraUnavailableException.class, (ex) -> {
				logger.warn("Could not read Specora journal entry {} while waiting for its approval ({}); trying again",
						suspended.journalId(), ex.getMessage());
				return Mono.empty();
			});
	}

	private Mono<EnforcementResult> decide(EnforcementResult suspended, JournalEntry entry, Duration timeout) {
		// expired wins over approved: the reservation behind the approval is gone
		if (entry.status() == JournalStatus.EXPIRED) {
			return Mono.error(new SpecoraSuspendedException(suspended, "Approval of action '" + suspended.actionType()
					+ "' expired before it could be used (journal " + suspended.journalId() + ", approval state "
					+ entry.approvalState() + ")"));
		}
		if (entry.approvalState() == ApprovalState.APPROVED) {
			return Mono.just(new EnforcementResult(Decision.ALLOW, suspended.actionType(), suspended.journalId(),
					suspended.requestId(), null, suspended.approvalSource(), suspended.approvalId(),
					suspended.policyId(), suspended.reservationId(), DecisionSource.AUTHORITY, suspended.expiresAt()));
		}
		if (entry.approvalState() == ApprovalState.DENIED) {
			return Mono.error(new SpecoraBlockedException(suspended,
					"Action '" + suspended.actionType() + "' was denied by "
							+ Objects.requireNonNullElse(suspended.approvalSource(), "its approver") + " (approval "
							+ suspended.approvalId() + ", journal " + suspended.journalId() + ")"));
		}
		return Mono.empty();
	}

	private static SpecoraSuspendedException notApprovedInTime(EnforcementResult suspended, Duration timeout) {
		return new SpecoraSuspendedException(suspended,
				"Action '" + suspended.actionType() + "' was not approved by "
						+ Objects.requireNonNullElse(suspended.approvalSource(), "its approver") + " within " + timeout
						+ " (approval " + suspended.approvalId() + ", journal " + suspended.journalId() + ")");
	}

}
