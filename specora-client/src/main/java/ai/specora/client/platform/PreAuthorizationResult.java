package ai.specora.client.platform;

import java.time.Instant;
import java.util.Objects;

import ai.specora.client.DecisionSource;
import ai.specora.client.FailMode;

/**
 * The answer to a pre-authorization ({@code preAuthorize}).
 *
 * @param authorized whether the call may be made
 * @param authorizationId the authorization to pass to {@code proxyExecute}; set when
 * the platform authorized the call, {@code null} otherwise (and for a fail-open result)
 * @param selectedProvider the provider to use, which the platform may have changed
 * ({@link Provider#UNKNOWN} for a value this client does not know), or {@code null}
 * @param selectedModel the model to use, which the platform may have changed, or
 * {@code null}
 * @param reason why the call was refused or rerouted, or {@code null}
 * @param expiresAt when the authorization lapses, or {@code null}
 * @param source {@link DecisionSource#AUTHORITY} for an answer of the platform,
 * {@link DecisionSource#FAIL_OPEN} for an authorization made up by the client under
 * {@link FailMode#OPEN}
 */
public record PreAuthorizationResult(boolean authorized, String authorizationId, Provider selectedProvider,
		String selectedModel, String reason, Instant expiresAt, DecisionSource source) {

	/**
	 * Checks the mandatory components.
	 * @param authorized whether the call may be made
	 * @param authorizationId the authorization id, or {@code null}
	 * @param selectedProvider the provider to use, or {@code null}
	 * @param selectedModel the model to use, or {@code null}
	 * @param reason the reason, or {@code null}
	 * @param expiresAt the expiry, or {@code null}
	 * @param source where the answer came from
	 */
	public PreAuthorizationResult {
		Objects.requireNonNull(source, "source must not be null");
	}

	/**
	 * Whether this authorization was made up by the client under {@link FailMode#OPEN}.
	 * @return {@code true} when the source is {@link DecisionSource#FAIL_OPEN}
	 */
	public boolean isFailOpen() {
		return this.source == DecisionSource.FAIL_OPEN;
	}

	static PreAuthorizationResult failOpen(PreAuthorizeRequest request) {
		return new PreAuthorizationResult(true, null, request.provider(), request.model(), null, null,
				DecisionSource.FAIL_OPEN);
	}

}
