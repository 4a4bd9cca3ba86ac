package ai.specora.client.platform;

/**
 * The outcome of one governance invariant in a policy check.
 *
 * @param id the invariant's id
 * @param status its outcome ({@link InvariantStatus#UNKNOWN} for a value this client
 * does not know)
 * @param reason why, or {@code null}
 */
public record PolicyInvariant(String id, InvariantStatus status, String reason) {
}
