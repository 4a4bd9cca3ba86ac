package ai.specora.client;

/**
 * The authority's acknowledgement of a completion.
 *
 * @param journalId the completed journal entry
 * @param status the status that was recorded
 * @param recorded whether the completion was recorded (a repeated completion with the
 * same request id answers the same body)
 */
public record CompletionResult(String journalId, CompletionStatus status, boolean recorded) {
}
