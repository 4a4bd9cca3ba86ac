package ai.specora.spring.enforcement.completion;

/**
 * The two kinds of {@link PendingDelivery}, counted apart.
 */
enum DeliveryKind {

	/** The completion of a governed call. */
	COMPLETION,

	/** The execution record of a governed LLM call. */
	EXECUTION_RECORD

}
