package ai.specora.client;

import java.net.URI;
import java.time.Duration;

/**
 * The validated, non-secret settings of a {@link SpecoraClient}. The API key is
 * deliberately not part of this record: settings can be shown, logged and exposed on a
 * management endpoint without leaking it.
 *
 * @param baseUrl the authority's base URL, without a trailing slash
 * @param orgId the organisation id sent with every runtime call
 * @param projectId the project id, or {@code null}
 * @param agentId the agent id, or {@code null}
 * @param vendorId the vendor id for the vendor-reseller model, or {@code null}
 * @param tenantId the tenant id for the vendor-reseller model, or {@code null}
 * @param failMode what decisions do when no answer can be had
 * @param timeout the time limit of one HTTP attempt
 * @param deadline the time limit of a whole call, retries and back-off included
 * @param retries how many times a transient failure is retried
 * @param retryBackoff the first back-off delay; it doubles on every retry
 * @param maxRetryBackoff the largest back-off delay
 * @param circuitBreaker the settings of the client's circuit breaker
 */
public record SpecoraClientSettings(URI baseUrl, String orgId, String projectId, String agentId, String vendorId,
		String tenantId, FailMode failMode, Duration timeout, Duration deadline, int retries,
		Duration retryBackoff, Duration maxRetryBackoff, CircuitBreakerSettings circuitBreaker) {

	/**
	 * Whether the vendor-reseller model (Model B) is configured.
	 * @return {@code true} when vendor and tenant ids are set
	 */
	public boolean isVendorModel() {
		return this.vendorId != null;
	}

}
