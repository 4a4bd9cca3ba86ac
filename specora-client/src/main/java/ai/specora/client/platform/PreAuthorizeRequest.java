package ai.specora.client.platform;

/**
 * A request to authorize an LLM call before it is made ({@code preAuthorize}). The
 * platform may select another provider or model (see
 * {@link PreAuthorizationResult#selectedProvider()}).
 *
 * @param provider the provider the caller means to use
 * @param model the model the caller means to use
 * @param estimatedTokens the estimated tokens, or {@code null}
 * @param estimatedCostMicros the estimated cost in micro-USD, or {@code null}
 * @param routingHints the routing hints, or {@code null} (the client still sends the
 * workflow id as {@code agent_name} when one is configured)
 */
public record PreAuthorizeRequest(Provider provider, String model, Long estimatedTokens, Long estimatedCostMicros,
		RoutingHints routingHints) {

	/**
	 * Checks the request.
	 * @param provider the provider
	 * @param model the model
	 * @param estimatedTokens the estimated tokens, or {@code null}
	 * @param estimatedCostMicros the estimated cost in micro-USD, or {@code null}
	 * @param routingHints the routing hints, or {@code null}
	 */
	public PreAuthorizeRequest {
		Requests.requireKnown(provider, "provider");
		Requests.requireText(model, "model");
		Requests.requireNonNegative(estimatedTokens, "estimatedTokens");
		Requests.requireNonNegative(estimatedCostMicros, "estimatedCostMicros");
	}

	/**
	 * Starts building a pre-authorization.
	 * @param provider the provider the caller means to use
	 * @param model the model the caller means to use
	 * @return a new builder
	 */
	public static Builder builder(Provider provider, String model) {
		return new Builder(provider, model);
	}

	/**
	 * Builds a {@link PreAuthorizeRequest}.
	 */
	public static final class Builder {

		private final Provider provider;

		private final String model;

		private Long estimatedTokens;

		private Long estimatedCostMicros;

		private RoutingHints routingHints;

		private Builder(Provider provider, String model) {
			this.provider = provider;
			this.model = model;
		}

		/**
		 * The estimated tokens.
		 * @param estimatedTokens the estimate
		 * @return this builder
		 */
		public Builder estimatedTokens(long estimatedTokens) {
			this.estimatedTokens = estimatedTokens;
			return this;
		}

		/**
		 * The estimated cost in micro-USD.
		 * @param estimatedCostMicros e.g. 500 for $0.0005
		 * @return this builder
		 */
		public Builder estimatedCostMicros(long estimatedCostMicros) {
			this.estimatedCostMicros = estimatedCostMicros;
			return this;
		}

		/**
		 * The routing hints.
		 * @param routingHints the hints
		 * @return this builder
		 */
		public Builder routingHints(RoutingHints routingHints) {
			this.routingHints = routingHints;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 */
		public PreAuthorizeRequest build() {
			return new PreAuthorizeRequest(this.provider, this.model, this.estimatedTokens, this.estimatedCostMicros,
					this.routingHints);
		}

	}

}
