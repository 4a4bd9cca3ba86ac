package ai.specora.runtime.observation;

import java.util.Objects;

import ai.specora.client.BudgetExceededException;
import ai.specora.client.FailClosedException;
import ai.specora.client.SpecoraClientException;
import ai.specora.client.SpecoraUnavailableException;
import ai.specora.client.platform.PlatformCall;
import ai.specora.client.platform.PolicyCheckResult;
import ai.specora.client.platform.PreAuthorizationResult;
import ai.specora.client.platform.Provider;
import ai.specora.client.platform.ProxyExecuteResult;
import io.micrometer.observation.Observation;

/**
 * The context of one {@code specora.platform} observation: the call, and how it ended.
 */
public class PlatformObservationContext extends Observation.Context {

	private final PlatformCall call;

	private PlatformOutcome outcome;

	private Provider selectedProvider;

	/**
	 * Creates the context of a call.
	 * @param call the call
	 */
	public PlatformObservationContext(PlatformCall call) {
		this.call = Objects.requireNonNull(call, "call must not be null");
	}

	/**
	 * The call.
	 * @return the call
	 */
	public PlatformCall getCall() {
		return this.call;
	}

	/**
	 * How the call ended.
	 * @return the outcome, or {@code null} while it runs
	 */
	public PlatformOutcome getOutcome() {
		return this.outcome;
	}

	/**
	 * The provider the platform selected ({@code preAuthorize}) or ran
	 * ({@code proxyExecute}).
	 * @return the provider, or {@code null} for other calls and failures
	 */
	public Provider getSelectedProvider() {
		return this.selectedProvider;
	}

	/**
	 * Records the answer of the call.
	 * @param result the call's result record
	 */
	public void succeeded(Object result) {
		if (result instanceof PolicyCheckResult policy) {
			this.outcome = policy.isFailOpen() ? PlatformOutcome.FAIL_OPEN : switch (policy.decision()) {
				case ALLOW -> PlatformOutcome.ALLOW;
				case WARN -> PlatformOutcome.WARN;
				case BLOCK -> PlatformOutcome.BLOCK;
			};
		}
		else if (result instanceof PreAuthorizationResult authorization) {
			this.outcome = authorization.isFailOpen() ? PlatformOutcome.FAIL_OPEN
					: authorization.authorized() ? PlatformOutcome.AUTHORIZED : PlatformOutcome.DENIED;
			this.selectedProvider = authorization.selectedProvider();
		}
		else {
			if (result instanceof ProxyExecuteResult execution) {
				this.selectedProvider = execution.provider();
			}
			this.outcome = PlatformOutcome.SUCCESS;
		}
	}

	/**
	 * Records the failure of the call.
	 * @param error the call's exception
	 */
	public void failed(Throwable error) {
		setError(error);
		if (error instanceof FailClosedException) {
			this.outcome = PlatformOutcome.FAIL_CLOSED;
		}
		else if (error instanceof BudgetExceededException) {
			this.outcome = PlatformOutcome.BUDGET_EXCEEDED;
		}
		else if (error instanceof SpecoraClientException) {
			this.outcome = PlatformOutcome.REFUSED;
		}
		else if (error instanceof SpecoraUnavailableException) {
			this.outcome = PlatformOutcome.UNAVAILABLE;
		}
		else {
			this.outcome = PlatformOutcome.ERROR;
		}
	}

	/**
	 * Records that the caller cancelled the call.
	 */
	public void cancelled() {
		if (this.outcome == null) {
			this.outcome = PlatformOutcome.CANCELLED;
		}
	}

}
