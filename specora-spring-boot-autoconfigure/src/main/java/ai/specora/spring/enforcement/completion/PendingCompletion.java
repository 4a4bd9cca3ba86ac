package ai.specora.spring.enforcement.completion;

import java.time.Instant;

import ai.specora.client.Completion;

/**
 * A completion waiting for delivery, as handed over by a governed call.
 *
 * @param journalId the journal id of the enforcement
 * @param completion how the action ended; redelivered as is (same idempotency key)
 * @param createdAt when it was handed over, for the maximum age
 */
record PendingCompletion(String journalId, Completion completion, Instant createdAt) {

}
