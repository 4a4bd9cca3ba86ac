package ai.specora.sample.governance;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import ai.specora.client.EnforcementResult;
import ai.specora.runtime.GovernanceListener;
import ai.specora.runtime.GovernedCall;

import org.springframework.stereotype.Component;

/**
 * Keeps the most recent governance decisions of the agent's tools, newest last, for
 * {@code GET /api/governance/decisions}. Bounded: the oldest records are forgotten.
 */
@Component
public class GovernanceLog implements GovernanceListener {

	private static final int CAPACITY = 200;

	private static final String NO_DECISION = "no_decision";

	private final Deque<GovernedCallRecord> records = new ArrayDeque<>();

	private final Clock clock;

	/**
	 * Creates the log.
	 * @param clock the clock records are dated with
	 */
	public GovernanceLog(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void onDecision(GovernedCall call, EnforcementResult result) {
		String detail = switch (result.decision()) {
			case ALLOW -> null;
			case BLOCK -> result.blockedReason();
			case SUSPEND -> "needs approval from " + result.approvalSource();
		};
		add(new GovernedCallRecord(this.clock.instant(), call.actionType(), result.decision().wireName(),
				result.journalId(), detail, result.approvalId()));
	}

	@Override
	public void onError(GovernedCall call, Throwable error) {
		add(new GovernedCallRecord(this.clock.instant(), call.actionType(), NO_DECISION, null,
				error.getClass().getSimpleName(), null));
	}

	private void add(GovernedCallRecord record) {
		synchronized (this.records) {
			if (this.records.size() == CAPACITY) {
				this.records.removeFirst();
			}
			this.records.addLast(record);
		}
	}

	/**
	 * The recorded decisions, oldest first.
	 * @return a snapshot of the records
	 */
	public List<GovernedCallRecord> records() {
		synchronized (this.records) {
			return new ArrayList<>(this.records);
		}
	}

}
