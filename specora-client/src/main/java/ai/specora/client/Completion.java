package ai.specora.client;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * How a governed action ended, reported to the authority after it ran.
 * <p>
 * A completion has its own request id, its idempotency key: delivering the same
 * completion again (a retry, a redelivery from a queue) is recorded once.
 *
 * @param requestId the idempotency key of this completion
 * @param status success, failure or cancelled
 * @param costActual the real cost in USD, or {@code null} when unknown
 * @param volumeActual the real volume, or {@code null} when unknown
 * @param duration how long the action ran, or {@code null}
 * @param error a short error description (an exception class name), never a stack
 * trace or arguments; {@code null} on success
 */
public record Completion(UUID requestId, CompletionStatus status, BigDecimal costActual, Long volumeActual,
		Duration duration, String error) {

	private static final int MAX_ERROR_LENGTH = 200;

	/**
	 * Validates the components.
	 * @param requestId the idempotency key of this completion
	 * @param status success, failure or cancelled
	 * @param costActual the real cost in USD, or {@code null} when unknown
	 * @param volumeActual the real volume, or {@code null} when unknown
	 * @param duration how long the action ran, or {@code null}
	 * @param error a short error description (an exception class name), never a stack
	 * trace or arguments; {@code null} on success
	 */
	public Completion {
		Objects.requireNonNull(requestId, "requestId must not be null");
		Objects.requireNonNull(status, "status must not be null");
		if (costActual != null && costActual.signum() < 0) {
			throw new IllegalArgumentException("costActual must not be negative");
		}
		if (volumeActual != null && volumeActual < 0) {
			throw new IllegalArgumentException("volumeActual must not be negative");
		}
		if (duration != null && duration.isNegative()) {
			throw new IllegalArgumentException("duration must not be negative");
		}
		if (error != null && error.length() > MAX_ERROR_LENGTH) {
			error = error.substring(0, MAX_ERROR_LENGTH);
		}
	}

	/**
	 * A successful completion.
	 * @param costActual the real cost in USD, or {@code null}
	 * @return the completion
	 */
	public static Completion success(BigDecimal costActual) {
		return builder(CompletionStatus.SUCCESS).costActual(costActual).build();
	}

	/**
	 * A failed completion naming the exception's class.
	 * @param failure the exception the action ended with
	 * @return the completion
	 */
	public static Completion failure(Throwable failure) {
		return builder(CompletionStatus.FAILURE).error(failure.getClass().getName()).build();
	}

	/**
	 * Starts a completion.
	 * @param status how the action ended
	 * @return a builder
	 */
	public static Builder builder(CompletionStatus status) {
		return new Builder(status);
	}

	/**
	 * Builds a {@link Completion}.
	 */
	public static final class Builder {

		private final CompletionStatus status;

		private UUID requestId;

		private BigDecimal costActual;

		private Long volumeActual;

		private Duration duration;

		private String error;

		private Builder(CompletionStatus status) {
			this.status = status;
		}

		/**
		 * Sets the idempotency key; a random UUID is used when not set.
		 * @param requestId the request id
		 * @return this builder
		 */
		public Builder requestId(UUID requestId) {
			this.requestId = requestId;
			return this;
		}

		/**
		 * Sets the real cost in USD.
		 * @param costActual the cost, at least zero
		 * @return this builder
		 */
		public Builder costActual(BigDecimal costActual) {
			this.costActual = costActual;
			return this;
		}

		/**
		 * Sets the real volume.
		 * @param volumeActual the volume, at least zero
		 * @return this builder
		 */
		public Builder volumeActual(Long volumeActual) {
			this.volumeActual = volumeActual;
			return this;
		}

		/**
		 * Sets how long the action ran.
		 * @param duration the duration
		 * @return this builder
		 */
		public Builder duration(Duration duration) {
			this.duration = duration;
			return this;
		}

		/**
		 * Sets the short error description.
		 * @param error an exception class name or short message; never a stack trace
		 * @return this builder
		 */
		public Builder error(String error) {
			this.error = error;
			return this;
		}

		/**
		 * Builds the completion.
		 * @return the completion
		 */
		public Completion build() {
			return new Completion((this.requestId != null) ? this.requestId : RequestIds.nextUuid(), this.status,
					this.costActual, this.volumeActual, this.duration, this.error);
		}

	}

}
