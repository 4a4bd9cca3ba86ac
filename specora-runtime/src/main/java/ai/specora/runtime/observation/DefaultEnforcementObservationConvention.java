package ai.specora.runtime.observation;

import java.util.Locale;

import ai.specora.client.Decision;
import ai.specora.client.DecisionSource;
import ai.specora.client.EnforcementResult;
import ai.specora.runtime.observation.SpecoraObservationDocumentation.HighCardinalityKeyNames;
import ai.specora.runtime.observation.SpecoraObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default {@link EnforcementObservationConvention}: the observation is named
 * {@code specora.enforcement}, with the low-cardinality keys {@code action.type},
 * {@code decision}, {@code source}, {@code outcome} and {@code fail.mode}, and the
 * high-cardinality keys {@code journal.id} and {@code request.id}.
 */
public class DefaultEnforcementObservationConvention implements EnforcementObservationConvention {

	/**
	 * The name of the observation, and so of its meters.
	 */
	public static final String NAME = "specora.enforcement";

	/**
	 * The value of {@code decision} and {@code source} when no decision was reached.
	 */
	public static final String NONE = "none";

	private static final KeyValue NO_DECISION = KeyValue.of(LowCardinalityKeyNames.DECISION, NONE);

	private static final KeyValue NO_SOURCE = KeyValue.of(LowCardinalityKeyNames.SOURCE, NONE);

	private static final KeyValue[] DECISIONS = keyValues(LowCardinalityKeyNames.DECISION, Decision.values());

	private static final KeyValue[] SOURCES = keyValues(LowCardinalityKeyNames.SOURCE, DecisionSource.values());

	private static final KeyValue[] OUTCOMES = keyValues(LowCardinalityKeyNames.OUTCOME,
			EnforcementOutcome.values());

	private static final KeyValue UNKNOWN_OUTCOME = KeyValue.of(LowCardinalityKeyNames.OUTCOME, "unknown");

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(EnforcementObservationContext context) {
		return "specora enforce " + context.getActionType();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(EnforcementObservationContext context) {
		EnforcementResult result = context.getResult();
		EnforcementOutcome outcome = context.getOutcome();
		return KeyValues.of(KeyValue.of(LowCardinalityKeyNames.ACTION_TYPE, context.getActionType()),
				(result != null) ? DECISIONS[result.decision().ordinal()] : NO_DECISION,
				(result != null && result.source() != null) ? SOURCES[result.source().ordinal()] : NO_SOURCE,
				(outcome != null) ? OUTCOMES[outcome.ordinal()] : UNKNOWN_OUTCOME,
				KeyValue.of(LowCardinalityKeyNames.FAIL_MODE, context.getFailMode()),
				KeyValue.of(LowCardinalityKeyNames.MODE, context.getMode()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(EnforcementObservationContext context) {
		EnforcementResult result = context.getResult();
		String journalId = (result != null) ? result.journalId() : null;
		String requestId = context.getRequestId();
		KeyValues keyValues = KeyValues.empty();
		if (journalId != null) {
			keyValues = keyValues.and(KeyValue.of(HighCardinalityKeyNames.JOURNAL_ID, journalId));
		}
		if (requestId != null) {
			keyValues = keyValues.and(KeyValue.of(HighCardinalityKeyNames.REQUEST_ID, requestId));
		}
		return keyValues;
	}

	private static KeyValue[] keyValues(LowCardinalityKeyNames key, Enum<?>[] values) {
		KeyValue[] keyValues = new KeyValue[values.length];
		for (Enum<?> value : values) {
			String text = (value instanceof EnforcementOutcome outcome) ? outcome.value()
					: value.name().toLowerCase(Locale.ROOT);
			keyValues[value.ordinal()] = KeyValue.of(key, text);
		}
		return keyValues;
	}

}
