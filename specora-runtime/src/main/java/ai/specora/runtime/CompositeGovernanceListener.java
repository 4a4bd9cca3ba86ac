package ai.specora.runtime;

import java.util.List;

import ai.specora.client.CompletionStatus;
import ai.specora.client.EnforcementResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls several listeners in order; one that throws is logged and the others still
 * run. Per call nothing is allocated: each listener's name for the log is built once.
 */
final class CompositeGovernanceListener implements GovernanceListener {

	private static final Logger logger = LoggerFactory.getLogger(CompositeGovernanceListener.class);

	private final GovernanceListener[] listeners;

	private final String[] descriptions;

	CompositeGovernanceListener(List<? extends GovernanceListener> listeners) {
		this.listeners = listeners.toArray(new GovernanceListener[0]);
		this.descriptions = new String[this.listeners.length];
		for (int i = 0; i < this.listeners.length; i++) {
			this.descriptions[i] = "enforcement listener " + this.listeners[i].getClass().getName();
		}
	}

	@Override
	public void onStart(GovernedCall call) {
		for (int i = 0; i < this.listeners.length; i++) {
			try {
				this.listeners[i].onStart(call);
			}
			catch (RuntimeException ex) {
				failed(i, ex);
			}
		}
	}

	@Override
	public void onDecision(GovernedCall call, EnforcementResult result) {
		for (int i = 0; i < this.listeners.length; i++) {
			try {
				this.listeners[i].onDecision(call, result);
			}
			catch (RuntimeException ex) {
				failed(i, ex);
			}
		}
	}

	@Override
	public void onCompletion(GovernedCall call, CompletionStatus status, Throwable error) {
		for (int i = 0; i < this.listeners.length; i++) {
			try {
				this.listeners[i].onCompletion(call, status, error);
			}
			catch (RuntimeException ex) {
				failed(i, ex);
			}
		}
	}

	@Override
	public void onError(GovernedCall call, Throwable error) {
		for (int i = 0; i < this.listeners.length; i++) {
			try {
				this.listeners[i].onError(call, error);
			}
			catch (RuntimeException ex) {
				failed(i, ex);
			}
		}
	}

	private void failed(int index, RuntimeException ex) {
		logger.warn("Specora {} failed; the call goes on", this.descriptions[index], ex);
	}

}
