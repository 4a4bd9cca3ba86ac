package ai.specora.client;

/**
 * The authority's answer to a health check.
 *
 * @param status the status, {@code ok} when healthy
 * @param version the protocol version the authority speaks, e.g. {@code 1.4}
 */
public record HealthStatus(String status, String version) {

	/**
	 * Whether the authority reports itself healthy.
	 * @return {@code true} when the status is {@code ok}
	 */
	public boolean isOk() {
		return "ok".equalsIgnoreCase(this.status);
	}

}
