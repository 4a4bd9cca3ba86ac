package ai.specora.runtime.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of Specora governance and their keys.
 */
public enum SpecoraObservationDocumentation implements ObservationDocumentation {

	/**
	 * One governed call, whatever its entry point (an {@code @Enforced} method, a tool
	 * call), from the start of the enforcement to the end of the governed code (or the
	 * refusal).
	 */
	ENFORCEMENT {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultEnforcementObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	},

	/**
	 * One call of the Platform API ({@code checkPolicy}, {@code preAuthorize},
	 * {@code recordExecution}...) made through a client with a
	 * {@link PlatformObservationInterceptor}, from its subscription to its answer,
	 * failure or cancellation.
	 */
	PLATFORM {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultPlatformObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return PlatformKeyNames.values();
		}

	};

	/**
	 * The low-cardinality keys of {@link #ENFORCEMENT}: tags of the meters and of the
	 * spans, each with a fixed set of values.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * The action type of the governed method, as declared by {@code @Enforced}.
		 */
		ACTION_TYPE {

			@Override
			public String asString() {
				return "action.type";
			}

		},

		/**
		 * The final decision: {@code allow}, {@code block}, {@code suspend}, or
		 * {@code none} when no decision was reached.
		 */
		DECISION {

			@Override
			public String asString() {
				return "decision";
			}

		},

		/**
		 * Where the decision came from: {@code authority}, {@code simulation},
		 * {@code fail_open}, {@code other}, or {@code none}.
		 */
		SOURCE {

			@Override
			public String asString() {
				return "source";
			}

		},

		/**
		 * How the call ended: {@code success}, {@code failure}, {@code cancelled},
		 * {@code blocked}, {@code suspended} or {@code error}.
		 */
		OUTCOME {

			@Override
			public String asString() {
				return "outcome";
			}

		},

		/**
		 * The effective fail mode of the method: {@code open} or {@code closed}.
		 */
		FAIL_MODE {

			@Override
			public String asString() {
				return "fail.mode";
			}

		},

		/**
		 * The governance mode of the call: {@code enforce}, or {@code shadow} when its
		 * decisions are recorded but not applied.
		 */
		MODE {

			@Override
			public String asString() {
				return "mode";
			}

		}

	}

	/**
	 * The high-cardinality keys of {@link #ENFORCEMENT}: on spans only, never on meters.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * The journal id of the enforcement, when the authority gave one.
		 */
		JOURNAL_ID {

			@Override
			public String asString() {
				return "journal.id";
			}

		},

		/**
		 * The request id of the enforcement (also its idempotency key).
		 */
		REQUEST_ID {

			@Override
			public String asString() {
				return "request.id";
			}

		}

	}

	/**
	 * The low-cardinality keys of {@link #PLATFORM}: tags of the meters and of the spans,
	 * each with a fixed set of values.
	 */
	public enum PlatformKeyNames implements KeyName {

		/**
		 * The call, named as in the Node SDK: {@code checkPolicy}, {@code validateBudget},
		 * {@code recordExecution}, {@code validateAssumptions},
		 * {@code generateEvidenceBundle}, {@code getRiskScore}, {@code preAuthorize},
		 * {@code proxyExecute}, {@code getPreferences} or {@code resolvePreference}; and
		 * the Java client's own {@code downloadEvidenceBundle} and {@code signingKey}.
		 */
		CALL {

			@Override
			public String asString() {
				return "call";
			}

		},

		/**
		 * How the call ended: {@code success}, {@code allow}, {@code warn},
		 * {@code block}, {@code authorized}, {@code denied}, {@code fail_open},
		 * {@code fail_closed}, {@code budget_exceeded}, {@code refused},
		 * {@code unavailable}, {@code error} or {@code cancelled}.
		 */
		OUTCOME {

			@Override
			public String asString() {
				return "outcome";
			}

		},

		/**
		 * The provider the request names ({@code recordExecution}, {@code preAuthorize},
		 * {@code proxyExecute}), or {@code none}.
		 */
		PROVIDER {

			@Override
			public String asString() {
				return "provider";
			}

		},

		/**
		 * The provider the platform selected ({@code preAuthorize}) or ran
		 * ({@code proxyExecute}), {@code unknown} for one this client does not know, or
		 * {@code none}.
		 */
		SELECTED_PROVIDER {

			@Override
			public String asString() {
				return "selected.provider";
			}

		}

	}

}
