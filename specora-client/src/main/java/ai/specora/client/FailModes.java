package ai.specora.client;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import reactor.core.publisher.Mono;

/**
 * What a decision call becomes when no decision could be had: under
 * {@link FailMode#CLOSED} a {@link FailClosedException}, under {@link FailMode#OPEN} the
 * caller's fail-open result, one warning line and the {@code onError} callback (the
 * warning is at DEBUG for a call refused by the open circuit breaker, whose opening was
 * logged at WARN once: a line per call would flood the log). Shared
 * by the runtime decisions ({@code enforce}, {@code simulate}) and the platform
 * decisions ({@code checkPolicy}, {@code preAuthorize}).
 */
final class FailModes {

	private FailModes() {
	}

	/**
	 * Applies the fail mode to a call that got no decision.
	 * @param logger where the fail-open warning goes (the calling client's category)
	 * @param failMode the client's fail mode
	 * @param description the call, e.g. {@code enforce}
	 * @param subject what was asked about, e.g. {@code action 'db_write'}
	 * @param requestId the request id (idempotency key) of the call
	 * @param ex the failure that left no decision
	 * @param failOpen the result to return under {@link FailMode#OPEN}
	 * @param onError notified of {@code ex} when it is turned into a result
	 * @param <T> the result type
	 * @return the fail-open result, or a {@link FailClosedException} error
	 */
	static <T> Mono<T> apply(Logger logger, FailMode failMode, String description, String subject, String requestId,
			SpecoraUnavailableException ex, Supplier<T> failOpen, Consumer<SpecoraException> onError) {
		if (failMode == FailMode.OPEN) {
			if (!(ex instanceof CircuitBreakerOpenException)) {
				logger.warn("Specora {} of {} (request {}) got no decision; FAIL-OPEN: allowing it ungoverned. "
						+ "Cause: {}", description, subject, requestId, ex.getMessage());
			}
			else if (logger.isDebugEnabled()) {
				// the breaker logged its opening at WARN once; a line per call would flood the log
				logger.debug("Specora {} of {} (request {}) not sent, circuit breaker open; FAIL-OPEN: allowing it "
						+ "ungoverned. Cause: {}", description, subject, requestId, ex.getMessage());
			}
			onError.accept(ex);
			return Mono.just(failOpen.get());
		}
		return Mono.error(new FailClosedException("No Specora decision for " + subject
				+ " (fail mode CLOSED, the action must not run): " + ex.getMessage(), ex,
				new SpecoraException.ErrorDetails(ex.getStatusCode(), ex.getRequestId(), ex.getCode(),
						ex.getAttempts(), true)));
	}

}
