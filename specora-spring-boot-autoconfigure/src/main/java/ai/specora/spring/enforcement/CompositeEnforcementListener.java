package ai.specora.spring.enforcement;

import java.util.List;

import ai.specora.client.CompletionStatus;
import ai.specora.client.EnforcementResult;
import ai.specora.client.Listeners;
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
			Listeners.callSafely(logger, describe(listener), () -> listener.onStart(call));
		}
	}

	@Override
	public void onDecision(EnforcedCall call, EnforcementResult result) {
		for (EnforcementListener listener : this.listeners) {
			Listeners.callSafely(logger, describe(listener), () -> listener.onDecision(call, result));
		}
	}

	@Override
	public void onCompletion(EnforcedCall call, CompletionStatus status, Throwable error) {
		for (EnforcementListener listener : this.listeners) {
			Listeners.callSafely(logger, describe(listener), () -> listener.onCompletion(call, status, error));
		}
	}

	@Override
	public void onError(EnforcedCall call, Throwable error) {
		for (EnforcementListener listener : this.listeners) {
			Listeners.callSafely(logger, describe(listener), () -> listener.onError(call, error));
		}
	}

	private static String describe(EnforcementListener listener) {
		return "enforcement listener " + listener.getClass().getName();
	}

}
