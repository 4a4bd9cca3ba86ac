package ai.specora.client.platform;

import java.time.Instant;

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
 * @param failOpen {@code false} for an answer of the platform, {@code true} for an
 * authorization made up by the client under {@link ai.specora.client.FailMode#OPEN}
 * because no answer could be had
 */
public record PreAuthorizationResult(boolean authorized, String authorizationId, Provider selectedProvider,
		String selectedModel, String reason, Instant expiresAt, boolean failOpen) {

	/**
	 * Whether this authorization was made up by the client under
	 * {@link ai.specora.client.FailMode#OPEN}; the same as {@link #failOpen()}.
	 * @return {@code true} for an authorization the platform did not give
	 */
	public boolean isFailOpen() {
		return this.failOpen;
	}

	static PreAuthorizationResult failOpen(PreAuthorizeRequest request) {
		return new PreAuthorizationResult(true, null, request.provider(), request.model(), null, null, true);
	}

}
