package ai.specora.runtime;

import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import ai.specora.client.Completion;
import ai.specora.client.ReactiveSpecoraClient;
import ai.specora.client.platform.ExecutionRecordRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Delivers each completion before the governed method returns (or before a reactive
 * result signals its end), and each execution record before the LLM call returns, with
 * the client's own retries. A failure to deliver is logged at ERROR with the journal id
 * (or the record's idempotency key), counted as a drop (see {@link #droppedCount()}),
 * and never changes the call's outcome.
 */
public final class SyncCompletionDispatcher implements CompletionDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(SyncCompletionDispatcher.class);

	private final ReactiveSpecoraClient client;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicLong dropped = new AtomicLong();

	/**
	 * Creates a dispatcher.
	 * @param client the client that delivers completions
	 */
	public SyncCompletionDispatcher(ReactiveSpecoraClient client) {
		this.client = client;
	}

	@Override
	public CompletionStage<Void> dispatch(String journalId, Completion completion) {
		this.inFlight.incrementAndGet();
		return this.client.complete(journalId, completion)
			.then()
			.onErrorResume((ex) -> {
				this.dropped.incrementAndGet();
				logger.error("Specora completion {} of journal entry {} could not be delivered: {}",
						completion.status(), journalId, ex.getMessage());
				return Mono.empty();
			})
			.doFinally((signal) -> this.inFlight.decrementAndGet())
			.toFuture();
	}

	@Override
	public CompletionStage<Void> dispatchExecutionRecord(ExecutionRecordRequest record) {
		UUID idempotencyKey = UUID.randomUUID();
		this.inFlight.incrementAndGet();
		return Mono.defer(() -> this.client.platform().recordExecution(record, idempotencyKey))
			.then()
			.onErrorResume((ex) -> {
				this.dropped.incrementAndGet();
				logger.error("Specora LLM execution record {} of {} '{}' could not be delivered: {}", idempotencyKey,
						record.provider().wireName(), record.model(), ex.getMessage());
				return Mono.empty();
			})
			.doFinally((signal) -> this.inFlight.decrementAndGet())
			.toFuture();
	}

	@Override
	public int pendingCount() {
		return this.inFlight.get();
	}

	@Override
	public long droppedCount() {
		return this.dropped.get();
	}

	@Override
	public String storeName() {
		return "none";
	}

}
