package ai.specora.client;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What an action asks the authority for: its type, its scope (who and what it
 * touches, for the audit trail), its arguments, and its estimated cost.
 * <p>
 * Build one with {@link #builder(String)}. The request id is the idempotency key of the
 * enforcement: sending a request with the same id twice returns the same journal entry.
 * When none is given ({@code null}), each call made with this request gets a new random
 * id, kept by that call's retries, so that a request built once can be reused; the id a
 * call used is {@link EnforcementResult#requestId()}. Give one only to make a call
 * idempotent across processes or redeliveries.
 *
 * @param requestId the idempotency key of this enforcement, or {@code null} for a new
 * one on each call
 * @param actionType the kind of action, e.g. {@code db_write}
 * @param scope what the action touches, e.g. {@code {"table": "users"}}; never empty
 * @param args the action's arguments as the audit trail should show them
 * @param estimatedCost the estimated cost in USD, at least zero
 * @param estimatedVolume the estimated number of units, at least zero
 * @param writeOp whether the action changes state
 */
public record EnforceRequest(UUID requestId, String actionType, Map<String, Object> scope, Map<String, Object> args,
		BigDecimal estimatedCost, long estimatedVolume, boolean writeOp) {

	/**
	 * Validates the components and makes the maps unmodifiable.
	 * @param requestId the idempotency key of this enforcement, or {@code null} for a new
	 * one on each call
	 * @param actionType the kind of action, e.g. {@code db_write}
	 * @param scope what the action touches, e.g. {@code {"table": "users"}}; never empty
	 * @param args the action's arguments as the audit trail should show them
	 * @param estimatedCost the estimated cost in USD, at least zero
	 * @param estimatedVolume the estimated number of units, at least zero
	 * @param writeOp whether the action changes state
	 */
	public EnforceRequest {
		if (actionType == null || actionType.isBlank()) {
			throw new IllegalArgumentException("actionType must not be empty");
		}
		if (scope == null || scope.isEmpty()) {
			throw new IllegalArgumentException(
					"scope of action '" + actionType + "' must not be empty: the audit trail needs an explicit scope");
		}
		scope = Collections.unmodifiableMap(new LinkedHashMap<>(scope));
		args = (args != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(args)) : Map.of();
		estimatedCost = (estimatedCost != null) ? estimatedCost : BigDecimal.ZERO;
		if (estimatedCost.signum() < 0) {
			throw new IllegalArgumentException("estimatedCost of action '" + actionType + "' must not be negative");
		}
		if (estimatedVolume < 0) {
			throw new IllegalArgumentException(
					"estimatedVolume of action '" + actionType + "' must not be negative");
		}
	}

	/**
	 * Starts a request for an action type.
	 * @param actionType the kind of action, e.g. {@code db_write}
	 * @return a builder
	 */
	public static Builder builder(String actionType) {
		return new Builder(actionType);
	}

	/**
	 * A new random request id, as the client makes for a call whose request has none:
	 * for callers that must know the id before the call, e.g. to put it on a trace.
	 * @return a new random (version 4) UUID
	 */
	public static UUID newRequestId() {
		return RequestIds.nextUuid();
	}

	/**
	 * A copy of this request with another request id.
	 * @param requestId the new request id, or {@code null} for a new one on each call
	 * @return the copy
	 */
	public EnforceRequest withRequestId(UUID requestId) {
		return new EnforceRequest(requestId, this.actionType, this.scope, this.args, this.estimatedCost,
				this.estimatedVolume, this.writeOp);
	}

	/**
	 * Shows the action type, scope keys and request id; never the arguments.
	 */
	@Override
	public String toString() {
		return "EnforceRequest[requestId=" + ((this.requestId != null) ? this.requestId : "(new for each call)")
				+ ", actionType=" + this.actionType + ", scope="
				+ this.scope.keySet() + ", estimatedCost=" + this.estimatedCost + ", estimatedVolume="
				+ this.estimatedVolume + ", writeOp=" + this.writeOp + "]";
	}

	/**
	 * Builds an {@link EnforceRequest}.
	 */
	public static final class Builder {

		private final String actionType;

		private UUID requestId;

		private final Map<String, Object> scope = new LinkedHashMap<>();

		private final Map<String, Object> args = new LinkedHashMap<>();

		private BigDecimal estimatedCost = BigDecimal.ZERO;

		private long estimatedVolume = 1;

		private boolean writeOp;

		private Builder(String actionType) {
			this.actionType = actionType;
		}

		/**
		 * Sets the idempotency key; when not set, each call gets a new random one.
		 * @param requestId the request id
		 * @return this builder
		 */
		public Builder requestId(UUID requestId) {
			this.requestId = requestId;
			return this;
		}

		/**
		 * Adds all entries to the scope.
		 * @param scope the scope entries
		 * @return this builder
		 */
		public Builder scope(Map<String, ?> scope) {
			this.scope.putAll(scope);
			return this;
		}

		/**
		 * Adds one entry to the scope.
		 * @param key the scope key, e.g. {@code table}
		 * @param value the value, e.g. {@code users}
		 * @return this builder
		 */
		public Builder scope(String key, Object value) {
			this.scope.put(key, value);
			return this;
		}

		/**
		 * Adds all entries to the arguments.
		 * @param args the argument entries
		 * @return this builder
		 */
		public Builder args(Map<String, ?> args) {
			this.args.putAll(args);
			return this;
		}

		/**
		 * Adds one argument.
		 * @param key the argument name
		 * @param value the value
		 * @return this builder
		 */
		public Builder arg(String key, Object value) {
			this.args.put(key, value);
			return this;
		}

		/**
		 * Sets the estimated cost in USD (default 0).
		 * @param estimatedCost the cost, at least zero
		 * @return this builder
		 */
		public Builder estimatedCost(BigDecimal estimatedCost) {
			this.estimatedCost = estimatedCost;
			return this;
		}

		/**
		 * Sets the estimated cost in USD (default 0).
		 * @param estimatedCost the cost, at least zero
		 * @return this builder
		 */
		public Builder estimatedCost(double estimatedCost) {
			return estimatedCost(BigDecimal.valueOf(estimatedCost));
		}

		/**
		 * Sets the estimated volume (default 1).
		 * @param estimatedVolume the number of units, at least zero
		 * @return this builder
		 */
		public Builder estimatedVolume(long estimatedVolume) {
			this.estimatedVolume = estimatedVolume;
			return this;
		}

		/**
		 * Sets whether the action changes state (default {@code false}).
		 * @param writeOp {@code true} for writes
		 * @return this builder
		 */
		public Builder writeOp(boolean writeOp) {
			this.writeOp = writeOp;
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException when the action type or scope is empty or a
		 * number is negative
		 */
		public EnforceRequest build() {
			return new EnforceRequest(this.requestId, this.actionType, this.scope, this.args, this.estimatedCost,
					this.estimatedVolume, this.writeOp);
		}

	}

}
