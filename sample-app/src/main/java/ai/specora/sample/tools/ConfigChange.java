package ai.specora.sample.tools;

import java.time.Instant;

/**
 * A change applied to the production configuration.
 *
 * @param key the configuration key
 * @param previousValue the value before, or {@code null} if the key was new
 * @param value the value now
 * @param appliedAt when it was applied
 */
public record ConfigChange(String key, String previousValue, String value, Instant appliedAt) {

}
