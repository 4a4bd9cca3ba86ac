package ai.specora.client.platform;

import java.util.Objects;

/**
 * What a {@link PlatformCallInterceptor} is told about a platform call: only fixed,
 * low-cardinality facts, fit for metric tags.
 *
 * @param operation the call
 * @param provider the provider the request names, or {@code null} for calls without
 * one
 */
public record PlatformCall(PlatformOperation operation, Provider provider) {

	/**
	 * Checks the operation.
	 * @param operation the call
	 * @param provider the provider, or {@code null}
	 */
	public PlatformCall {
		Objects.requireNonNull(operation, "operation must not be null");
	}

}
