package ai.specora.runtime;

import java.math.BigDecimal;
import java.util.Objects;

import ai.specora.client.EnforceRequest;

/**
 * What one governed call asks the authority, built by the entry point's adapter: the
 * request, built when the call starts, and what the completion reports once the call
 * ended.
 */
public interface GovernedRequest {

	/**
	 * Builds the enforcement request. Called once per call, after the listeners were
	 * told the call started; an exception it throws ends the call before anything is
	 * asked (the listeners' {@code onError}).
	 * @return the request
	 */
	EnforceRequest build();

	/**
	 * The real cost of a call that succeeded, for its completion.
	 * @param value what the governed code returned (for a reactive one, its last value),
	 * or {@code null}
	 * @return the cost in USD, or {@code null} when unknown
	 */
	default BigDecimal actualCost(Object value) {
		return null;
	}

	/**
	 * The name of a failure, for its completion's {@code error} field: by default the
	 * exception's class name. Adapters whose framework wraps the governed code's
	 * exception name the wrapped one.
	 * @param error the exception the governed code ended with
	 * @return a short name, never a message that may hold arguments
	 */
	default String errorName(Throwable error) {
		return error.getClass().getName();
	}

	/**
	 * A request known up front.
	 * @param request the request
	 * @return the governed request
	 */
	static GovernedRequest of(EnforceRequest request) {
		Objects.requireNonNull(request, "request must not be null");
		return () -> request;
	}

}
