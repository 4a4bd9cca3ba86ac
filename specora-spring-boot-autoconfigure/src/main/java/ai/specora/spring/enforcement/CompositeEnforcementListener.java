package ai.specora.spring.enforcement;

import java.util.List;

import ai.specora.client.CompletionStatus;
import ai.specora.client.EnforcementResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls several listeners in order; one that throws is logged and the others still
 * run.
 */
final class CompositeEnforcementListener implements EnforcementListener {

	private static final Logger logger = LoggerFactory.getLogger(CompositeEnforcementListener.class);

	private final EnforcementListener[] listeners;

	CompositeEnforcementListener(List<? extends EnforcementListener> listeners) {
		this.listeners = listeners.toArray(new EnforcementListener[0]);
	}

	@Override
	public void onStart(EnforcedCall call) {
		for (EnforcementListener listener : this.listeners) {
			try {
				listener.onStart(call);
			}
			catch (RuntimeException ex) {
				failed(listener, ex);
			}
		}
	}

	@Override
	public void onDecision(EnforcedCall call, EnforcementResult result) {
		for (EnforcementListener listener : this.listeners) {
			try {
				listener.onDecision(call, result);
			}
			catch (RuntimeException ex) {
				failed(listener, ex);
			}
		}
	}

	@Override
	public void onCompletion(EnforcedCall call, CompletionStatus status, Throwable error) {
		for (EnforcementListener listener : this.listeners) {
			try {
				listener.onCompletion(call, status, error);
			}
			catch (RuntimeException ex) {
				failed(listener, ex);
			}
		}
	}

	@Override
	public void onError(EnforcedCall call, Throwable error) {
		for (EnforcementListener listener : this.listeners) {
			try {
				listener.onError(call, error);
			}
			catch (RuntimeException ex) {
				failed(listener, ex);
			}
		}
	}

	private static void failed(EnforcementListener listener, RuntimeException ex) {
		logger.warn("Specora enforcement listener {} failed; the call goes on", listener.getClass().getName(), ex);
	}

}
