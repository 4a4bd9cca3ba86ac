package ai.specora.spring.enforcement;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.specora.client.CompletionStatus;
import ai.specora.client.EnforcementResult;
import ai.specora.runtime.GovernanceListener;
import ai.specora.runtime.GovernedCall;

/**
 * Records what listeners are told, as {@code event:actionType:detail} lines.
 */
public class RecordingListener implements GovernanceListener {

	final List<String> events = new CopyOnWriteArrayList<>();

	final List<GovernedCall> calls = new CopyOnWriteArrayList<>();

	@Override
	public void onStart(GovernedCall call) {
		this.calls.add(call);
		this.events.add("start:" + call.actionType());
	}

	@Override
	public void onDecision(GovernedCall call, EnforcementResult result) {
		this.events.add("decision:" + call.actionType() + ":" + result.decision() + ":" + result.source());
	}

	@Override
	public void onCompletion(GovernedCall call, CompletionStatus status, Throwable error) {
		this.events.add("completion:" + call.actionType() + ":" + status
				+ ((error != null) ? ":" + error.getClass().getSimpleName() : ""));
	}

	@Override
	public void onError(GovernedCall call, Throwable error) {
		this.events.add("error:" + call.actionType() + ":" + error.getClass().getSimpleName());
	}

	List<String> of(String actionType) {
		return this.events.stream().filter((event) -> event.contains(":" + actionType + ":") || event.endsWith(":" + actionType)).toList();
	}

	void clear() {
		this.events.clear();
		this.calls.clear();
	}

}
