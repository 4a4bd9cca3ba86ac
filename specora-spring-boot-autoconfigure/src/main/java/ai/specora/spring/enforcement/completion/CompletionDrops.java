package ai.specora.spring.enforcement.completion;

import java.util.concurrent.atomic.AtomicLong;

import ai.specora.client.CompletionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a completion is given up: each drop is logged at ERROR with its
 * journal id (never arguments) and counted.
 */
final class CompletionDrops {

	private static final Logger logger = LoggerFactory.getLogger(AsyncCompletionDispatcher.class);

	private final AtomicLong count = new AtomicLong();

	void dropped(QueuedCompletion item, String reason) {
		this.count.incrementAndGet();
		logger.error("Specora completion {} of journal entry {} dropped after {} attempts: {}",
				item.pending().completion().status(), item.journalId(), item.attempts(), reason);
	}

	void dropped(String journalId, CompletionStatus status, String reason) {
		this.count.incrementAndGet();
		logger.error("Specora completion {} of journal entry {} dropped: {}", status, journalId, reason);
	}

	long count() {
		return this.count.get();
	}

}
