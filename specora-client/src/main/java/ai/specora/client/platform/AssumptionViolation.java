package ai.specora.client.platform;

/**
 * An assumption the platform found violated.
 *
 * @param assumptionId the assumption's id
 * @param reason why it is violated
 */
public record AssumptionViolation(String assumptionId, String reason) {
}
