package ai.specora.spring.enforcement;

import java.util.List;

import ai.specora.client.CompletionStatus;
import ai.specora.client.EnforcementResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls several listeners in order; one that throws is logged and the others still
 * run. Per call nothing is allocated: each listener's name for the log is built once.
 */
final class CompositeEnforcementListener implements EnforcementListener {

	private static final Logger logger = LoggerFactory.getLogger(CompositeEnforcementListener.class);

	private final EnforcementListener[] listeners;

	private final String[] descriptions;

	CompositeEnforcementListener(List<? extends EnforcementListener> listeners) {
		this.listeners = listeners.toArray(new EnforcementListener[0]);
		this.descriptions = new String[this.listeners.length];
		for (int i = 0; i < this.listeners.length; i++) {
			this.descriptions[i] = "enforcement listener " + this.listeners[i].getClass().getName();
		}
	}

	@Override
	public void onStart(EnforcedCall call) {
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
	public void onDecision(EnforcedCall call, EnforcementResult result) {
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
	public void onCompletion(EnforcedCall call, CompletionStatus status, Throwable error) {
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
	public void onError(EnforcedCall call, Throwable error) {
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
