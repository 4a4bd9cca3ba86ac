package ai.specora.client.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * An LLM call run through the governed proxy ({@code proxyExecute}). In strict mode the
 * client refuses a request without an {@code authorizationId}: call
 * {@code preAuthorize} first and pass its result to
 * {@link Builder#authorization(PreAuthorizationResult)}.
 *
 * @param provider the provider
 * @param model the model
 * @param messages the chat messages, at least one
 * @param maxTokens the most tokens to generate, or {@code null}
 * @param temperature the sampling temperature, or {@code null}
 * @param authorizationId the id of a prior pre-authorization, or {@code null}
 * @param routingHints the routing hints, or {@code null} (the client still sends the
 * workflow id as {@code agent_name} when one is configured)
 */
public record ProxyExecuteRequest(Provider provider, String model, List<ChatMessage> messages, Integer maxTokens,
		Double temperature, String authorizationId, RoutingHints routingHints) {

	/**
	 * Checks the request and copies the messages.
	 * @param provider the provider
	 * @param model the model
	 * @param messages the messages, at least one
	 * @param maxTokens the token limit, positive, or {@code null}
	 * @param temperature the temperature, not negative, or {@code null}
	 * @param authorizationId the authorization id, or {@code null}
	 * @param routingHints the routing hints, or {@code null}
	 */
	public ProxyExecuteRequest {
		Requests.requireKnown(provider, "provider");
		Requests.requireText(model, "model");
		messages = Requests.copy(messages, "messages");
		if (messages.isEmpty()) {
			throw new IllegalArgumentException("messages must not be empty");
		}
		if (maxTokens != null && maxTokens < 1) {
			throw new IllegalArgumentException("maxTokens must be positive, but was " + maxTokens);
		}
		if (temperature != null && !(temperature >= 0)) {
			throw new IllegalArgumentException("temperature must not be negative, but was " + temperature);
		}
		if (authorizationId != null) {
			Requests.requireText(authorizationId, "authorizationId");
		}
	}

	/**
	 * Starts building a proxied call.
	 * @param provider the provider
	 * @param model the model
	 * @return a new builder
	 */
	public static Builder builder(Provider provider, String model) {
		return new Builder(provider, model);
	}

	/**
	 * Builds a {@link ProxyExecuteRequest}.
	 */
	public static final class Builder {

		private Provider provider;

		private String model;

		private final List<ChatMessage> messages = new ArrayList<>();

		private Integer maxTokens;

		private Double temperature;

		private String authorizationId;

		private RoutingHints routingHints;

		private Builder(Provider provider, String model) {
			this.provider = provider;
			this.model = model;
		}

		/**
		 * Adds a message.
		 * @param message the message
		 * @return this builder
		 */
		public Builder message(ChatMessage message) {
			this.messages.add(message);
			return this;
		}

		/**
		 * Adds a message.
		 * @param role the role, e.g. {@code user}
		 * @param content the text
		 * @return this builder
		 */
		public Builder message(String role, String content) {
			return message(new ChatMessage(role, content));
		}

		/**
		 * The most tokens to generate.
		 * @param maxTokens the limit, positive
		 * @return this builder
		 */
		public Builder maxTokens(int maxTokens) {
			this.maxTokens = maxTokens;
			return this;
		}

		/**
		 * The sampling temperature.
		 * @param temperature the temperature, not negative
		 * @return this builder
		 */
		public Builder temperature(double temperature) {
			this.temperature = temperature;
			return this;
		}

		/**
		 * The id of a prior pre-authorization.
		 * @param authorizationId the id
		 * @return this builder
		 */
		public Builder authorizationId(String authorizationId) {
			this.authorizationId = authorizationId;
			return this;
		}

		/**
		 * Uses a prior pre-authorization: its id, and the provider and model the platform
		 * selected when it selected one.
		 * @param authorization the result of {@code preAuthorize}
		 * @return this builder
		 * @throws IllegalArgumentException when the call was not authorized
		 */
		public Builder authorization(PreAuthorizationResult authorization) {
			if (!authorization.authorized()) {
				throw new IllegalArgumentException("the pre-authorization refused the call"
						+ ((authorization.reason() != null) ? ": " + authorization.reason() : ""));
			}
			this.authorizationId = authorization.authorizationId();
			if (authorization.selectedProvider() != null && authorization.selectedProvider() != Provider.UNKNOWN) {
				this.provider = authorization.selectedProvider();
			}
			if (authorization.selectedModel() != null) {
				this.model = authorization.selectedModel();
			}
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
		public ProxyExecuteRequest build() {
			return new ProxyExecuteRequest(this.provider, this.model, this.messages, this.maxTokens, this.temperature,
					this.authorizationId, this.routingHints);
		}

	}

}
