package ai.specora.client.platform;

/**
 * The resolved model preference ({@code resolvePreference}).
 *
 * @param providerName the provider, or {@code null} when nothing matched
 * ({@link Provider#UNKNOWN} for a value this client does not know)
 * @param modelName the model, or {@code null} when nothing matched
 * @param source which level of the cascade answered (workflow, global or default
 * preferences), or {@code null}
 * @param fallbackUsed whether a fallback level answered
 */
public record PreferenceResolveResult(Provider providerName, String modelName, String source, boolean fallbackUsed) {

	/**
	 * Whether a model was resolved.
	 * @return {@code true} when a provider is set
	 */
	public boolean isResolved() {
		return this.providerName != null;
	}

}
