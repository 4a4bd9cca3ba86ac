package ai.specora.spring.enforcement.completion;

import java.time.Instant;
import java.util.UUID;

import ai.specora.client.ReactiveSpecoraClient;
import ai.specora.client.platform.ExecutionRecordRequest;
import reactor.core.publisher.Mono;

/**
 * An LLM execution record waiting for delivery ({@code recordExecution}), as handed
 * over by a governed LLM call.
 *
 * @param idempotencyKey the idempotency key of the record, drawn once at hand-over and
 * sent with every delivery, from this process or another: the platform records it once
 * @param record the execution
 * @param createdAt when it was handed over, for the maximum age
 */
record PendingExecutionRecord(UUID idempotencyKey, ExecutionRecordRequest record, Instant createdAt)
		implements PendingDelivery {

	/** The prefix of the key, so that a record never shares one with a journal entry. */
	static final String KEY_PREFIX = "execution:";

	@Override
	public String key() {
		return KEY_PREFIX + this.idempotencyKey;
	}

	@Override
	public DeliveryKind kind() {
		return DeliveryKind.EXECUTION_RECORD;
	}

	@Override
	public Mono<?> deliver(ReactiveSpecoraClient client) {
		return client.platform().recordExecution(this.record, this.idempotencyKey);
	}

	@Override
	public String description() {
		return "LLM execution record " + this.idempotencyKey + " of " + this.record.provider().wireName() + " '"
				+ this.record.model() + "'";
	}

}
