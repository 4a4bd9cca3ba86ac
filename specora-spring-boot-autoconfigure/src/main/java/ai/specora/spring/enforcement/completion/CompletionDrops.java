package ai.specora.spring.enforcement.completion;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a completion or an execution record is given up: each drop is
 * counted by kind and reason and logged with what it was (a journal id, an execution
 * record's idempotency key; never arguments), at ERROR when it is lost, at WARN for a
 * {@link CompletionDropReason#DUPLICATE duplicate}.
 */
final class CompletionDrops {

	private static final Logger logger = LoggerFactory.getLogger(AsyncCompletionDispatcher.class);

	private final Map<DeliveryKind, Map<CompletionDropReason, LongAdder>> counts = new EnumMap<>(DeliveryKind.class);

	CompletionDrops() {
		for (DeliveryKind kind : DeliveryKind.values()) {
			Map<CompletionDropReason, LongAdder> byReason = new EnumMap<>(CompletionDropReason.class);
			for (CompletionDropReason reason : CompletionDropReason.values()) {
				byReason.put(reason, new LongAdder());
			}
			this.counts.put(kind, byReason);
		}
	}

	void dropped(QueuedDelivery item, CompletionDropReason reason, String message) {
		this.counts.get(item.pending().kind()).get(reason).increment();
		if (reason == CompletionDropReason.DUPLICATE) {
			logger.warn("Specora {} dropped as a duplicate after {} attempts: {}", item.pending().description(),
					item.attempts(), message);
		}
		else {
			logger.error("Specora {} dropped after {} attempts: {} (reason {})", item.pending().description(),
					item.attempts(), message, reason.tagValue());
		}
	}

	void dropped(PendingDelivery pending, CompletionDropReason reason, String message) {
		this.counts.get(pending.kind()).get(reason).increment();
		if (reason == CompletionDropReason.DUPLICATE) {
			logger.warn("Specora {} dropped as a duplicate: {}", pending.description(), message);
		}
		else {
			logger.error("Specora {} dropped: {} (reason {})", pending.description(), message, reason.tagValue());
		}
	}

	/**
	 * A stream entry that cannot be read: its kind is not known, so it counts as a
	 * completion.
	 * @param entry the entry, for the log, with its journal id when it has one
	 */
	void unreadable(String entry, String message) {
		this.counts.get(DeliveryKind.COMPLETION).get(CompletionDropReason.UNREADABLE).increment();
		logger.error("Specora {} dropped: {} (reason {})", entry, message, CompletionDropReason.UNREADABLE.tagValue());
	}

	long count(DeliveryKind kind) {
		long total = 0;
		for (LongAdder count : this.counts.get(kind).values()) {
			total += count.sum();
		}
		return total;
	}

	long count(DeliveryKind kind, CompletionDropReason reason) {
		return this.counts.get(kind).get(reason).sum();
	}

}
