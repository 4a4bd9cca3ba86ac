package ai.specora.client.platform;

/**
 * Whether and how a policy result may be overridden.
 *
 * @param eligible whether an override is possible
 * @param requiredJustification whether an override needs a written justification
 * @param expiresMaxSeconds the longest an override may last, in seconds, or
 * {@code null} when the server did not say
 */
public record PolicyOverride(boolean eligible, boolean requiredJustification, Long expiresMaxSeconds) {
}
