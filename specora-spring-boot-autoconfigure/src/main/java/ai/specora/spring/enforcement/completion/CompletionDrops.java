package ai.specora.spring.enforcement.completion;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import ai.specora.client.CompletionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a completion is given up: each drop is counted by reason and
 * logged with its journal id (never arguments), at ERROR when the completion is lost,
 * at WARN for a {@link CompletionDropReason#DUPLICATE duplicate}.
 */
final class CompletionDrops {

	private static final Logger logger = LoggerFactory.getLogger(AsyncCompletionDispatcher.class);

	private final Map<CompletionDropReason, LongAdder> counts = new EnumMap<>(CompletionDropReason.class);

	CompletionDrops() {
		for (CompletionDropReason reason : CompletionDropReason.values()) {
			this.counts.put(reason, new LongAdder());
		}
	}

	void dropped(QueuedCompletion item, CompletionDropReason reason, String message) {
		this.counts.get(reason).increment();
		if (reason == CompletionDropReason.DUPLICATE) {
			logger.warn("Specora completion {} of journal entry {} dropped as a duplicate after {} attempts: {}",
					item.pending().completion().status(), item.journalId(), item.attempts(), message);
		}
		else {
			logger.error("Specora completion {} of journal entry {} dropped after {} attempts: {} (reason {})",
					item.pending().completion().status(), item.journalId(), item.attempts(), message,
					reason.tagValue());
		}
	}

	void dropped(String journalId, CompletionStatus status, CompletionDropReason reason, String message) {
		this.counts.get(reason).increment();
		if (reason == CompletionDropReason.DUPLICATE) {
			logger.warn("Specora completion {} of journal entry {} dropped as a duplicate: {}", status, journalId,
					message);
		}
		else {
			logger.error("Specora completion {} of journal entry {} dropped: {} (reason {})", status, journalId,
					message, reason.tagValue());
		}
	}

	long count() {
		long total = 0;
		for (LongAdder count : this.counts.values()) {
			total += count.sum();
		}
		return total;
	}

	long count(CompletionDropReason reason) {
		return this.counts.get(reason).sum();
	}

}
