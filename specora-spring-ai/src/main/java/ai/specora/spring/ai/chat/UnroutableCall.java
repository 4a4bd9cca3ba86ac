package ai.specora.spring.ai.chat;

/**
 * What an LLM call does when the platform routes it to a provider the application has
 * no {@code ChatModel} for ({@code specora.ai.chat.unroutable}).
 */
public enum UnroutableCall {

	/**
	 * The call is refused with {@link LlmCallRefusedException}: the platform's routing is
	 * never left (typically the requested provider was quarantined).
	 */
	REFUSE,

	/**
	 * The originally requested model is called, unless the call set
	 * {@link SpecoraChatParams#FALLBACK_ALLOWED} to {@code false}.
	 */
	CALL_REQUESTED

}
