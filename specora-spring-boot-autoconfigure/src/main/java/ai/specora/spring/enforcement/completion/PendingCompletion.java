package ai.specora.spring.enforcement.completion;

import java.time.Instant;

import ai.specora.client.Completion;
import ai.specora.client.ReactiveSpecoraClient;
import reactor.core.publisher.Mono;

/**
 * A completion waiting for delivery, as handed over by a governed call.
 *
 * @param journalId the journal id of the enforcement
 * @param completion how the action ended; redelivered as is (same idempotency key)
 * @param createdAt when it was handed over, for the maximum age
 */
record PendingCompletion(String journalId, Completion completion, Instant createdAt) implements PendingDelivery {

	@Override
	public String key() {
		return this.journalId;
	}

	@Override
	public DeliveryKind kind() {
		return DeliveryKind.COMPLETION;
	}

	@Override
	public Mono<?> deliver(ReactiveSpecoraClient client) {
		return client.complete(this.journalId, this.completion);
	}

	@Override
	public String description() {
		return "completion " + this.completion.status() + " of journal entry " + this.journalId;
	}

}
