package ai.specora.runtime.observation;

import ai.specora.client.platform.PlatformOperation;
import ai.specora.client.platform.Provider;
import ai.specora.runtime.observation.SpecoraObservationDocumentation.PlatformKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default {@link PlatformObservationConvention}: the observation is named
 * {@code specora.platform}, with the low-cardinality keys {@code call} (the Node SDK
 * name, e.g. {@code preAuthorize}), {@code outcome}, {@code provider} (the provider the
 * request names) and {@code selected.provider} (the provider the platform selected or
 * ran), each {@code none} where the call has none. Every value comes from a fixed set.
 */
public class DefaultPlatformObservationConvention implements PlatformObservationConvention {

	/**
	 * The name of the observation, and so of its meters.
	 */
	public static final String NAME = "specora.platform";

	/**
	 * The value of a key the call has no value for.
	 */
	public static final String NONE = "none";

	private static final KeyValue[] CALLS = new KeyValue[PlatformOperation.values().length];

	private static final KeyValue[] OUTCOMES = new KeyValue[PlatformOutcome.values().length];

	private static final KeyValue[] PROVIDERS = new KeyValue[Provider.values().length];

	private static final KeyValue[] SELECTED_PROVIDERS = new KeyValue[Provider.values().length];

	private static final KeyValue NO_OUTCOME = KeyValue.of(PlatformKeyNames.OUTCOME, "unknown");

	private static final KeyValue NO_PROVIDER = KeyValue.of(PlatformKeyNames.PROVIDER, NONE);

	private static final KeyValue NO_SELECTED_PROVIDER = KeyValue.of(PlatformKeyNames.SELECTED_PROVIDER, NONE);

	static {
		for (PlatformOperation operation : PlatformOperation.values()) {
			CALLS[operation.ordinal()] = KeyValue.of(PlatformKeyNames.CALL, operation.callName());
		}
		for (PlatformOutcome outcome : PlatformOutcome.values()) {
			OUTCOMES[outcome.ordinal()] = KeyValue.of(PlatformKeyNames.OUTCOME, outcome.value());
		}
		for (Provider provider : Provider.values()) {
			PROVIDERS[provider.ordinal()] = KeyValue.of(PlatformKeyNames.PROVIDER, provider.wireName());
			SELECTED_PROVIDERS[provider.ordinal()] = KeyValue.of(PlatformKeyNames.SELECTED_PROVIDER,
					provider.wireName());
		}
	}

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(PlatformObservationContext context) {
		return "specora platform " + context.getCall().operation().callName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(PlatformObservationContext context) {
		Provider provider = context.getCall().provider();
		Provider selected = context.getSelectedProvider();
		PlatformOutcome outcome = context.getOutcome();
		return KeyValues.of(CALLS[context.getCall().operation().ordinal()],
				(outcome != null) ? OUTCOMES[outcome.ordinal()] : NO_OUTCOME,
				(provider != null) ? PROVIDERS[provider.ordinal()] : NO_PROVIDER,
				(selected != null) ? SELECTED_PROVIDERS[selected.ordinal()] : NO_SELECTED_PROVIDER);
	}

}
