package ai.specora.client.platform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An AI execution to record for budget tracking ({@code recordExecution}). Cost is in
 * micro-USD: 5000 is $0.005.
 *
 * @param provider the provider that ran the call
 * @param model the model that ran the call
 * @param costMicros the cost in micro-USD (1/1,000,000 USD)
 * @param inputTokens the input tokens
 * @param outputTokens the output tokens
 * @param durationMs how long the call took in milliseconds, or {@code null}
 * @param success whether the call succeeded
 * @param externalRunId your own id of the run, or {@code null}
 * @param metadata custom data (never {@code null}; empty when none, and then not sent)
 */
public record ExecutionRecordRequest(Provider provider, String model, long costMicros, long inputTokens,
		long outputTokens, Long durationMs, boolean success, String externalRunId, Map<String, Object> metadata) {

	/**
	 * Checks the request.
	 * @param provider the provider
	 * @param model the model
	 * @param costMicros the cost in micro-USD, not negative
	 * @param inputTokens the input tokens, not negative
	 * @param outputTokens the output tokens, not negative
	 * @param durationMs the duration in milliseconds, or {@code null}
	 * @param success whether the call succeeded
	 * @param externalRunId your run id, or {@code null}
	 * @param metadata custom data, or {@code null}
	 */
	public ExecutionRecordRequest {
		Requests.requireKnown(provider, "provider");
		Requests.requireText(model, "model");
		Requests.requireNonNegative(costMicros, "costMicros");
		Requests.requireNonNegative(inputTokens, "inputTokens");
		Requests.requireNonNegative(outputTokens, "outputTokens");
		Requests.requireNonNegative(durationMs, "durationMs");
		metadata = Requests.copy(metadata);
	}

	/**
	 * Starts building a record of a call.
	 * @param provider the provider that ran the call
	 * @param model the model that ran the call
	 * @return a new builder
	 */
	public static Builder builder(Provider provider, String model) {
		return new Builder(provider, model);
	}

	/**
	 * Builds an {@link ExecutionRecordRequest}; {@code success} defaults to {@code true}.
	 */
	public static final class Builder {

		private final Provider provider;

		private final String model;

		private long costMicros;

		private long inputTokens;

		private long outputTokens;

		private Long durationMs;

		private boolean success = true;

		private String externalRunId;

		private final Map<String, Object> metadata = new LinkedHashMap<>();

		private Builder(Provider provider, String model) {
			this.provider = provider;
			this.model = model;
		}

		/**
		 * The cost in micro-USD.
		 * @param costMicros e.g. 5000 for $0.005
		 * @return this builder
		 */
		public Builder costMicros(long costMicros) {
			this.costMicros = costMicros;
			return this;
		}

		/**
		 * The token counts.
		 * @param inputTokens the input tokens
		 * @param outputTokens the output tokens
		 * @return this builder
		 */
		public Builder tokens(long inputTokens, long outputTokens) {
			this.inputTokens = inputTokens;
			this.outputTokens = outputTokens;
			return this;
		}

		/**
		 * How long the call took.
		 * @param duration the duration
		 * @return this builder
		 */
		public Builder duration(Duration duration) {
			this.durationMs = (duration != null) ? duration.toMillis() : null;
			return this;
		}

		/**
		 * Whether the call succeeded (default {@code true}).
		 * @param success whether it succeeded
		 * @return this builder
		 */
		public Builder success(boolean success) {
			this.success = success;
			return this;
		}

		/**
		 * Your own id of the run.
		 * @param externalRunId the id
		 * @return this builder
		 */
		public Builder externalRunId(String externalRunId) {
			this.externalRunId = externalRunId;
			return this;
		}

		/**
		 * Adds custom data.
		 * @param name the entry's name
		 * @param value its value (JSON-serialisable)
		 * @return this builder
		 */
		public Builder metadata(String name, Object value) {
			this.metadata.put(Requests.requireText(name, "metadata name"), value);
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 */
		public ExecutionRecordRequest build() {
			return new ExecutionRecordRequest(this.provider, this.model, this.costMicros, this.inputTokens,
					this.outputTokens, this.durationMs, this.success, this.externalRunId, this.metadata);
		}

	}

}
