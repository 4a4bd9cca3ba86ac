package ai.specora.langchain4j.model;

/**
 * Keys of {@code ChatRequestOptions.listenerAttributes()} that steer the governance of
 * one model call made through a governed model directly, over the routing hints the
 * governed model was built with:
 * <pre class="code">
 * model.chat(request, ChatRequestOptions.builder()
 *     .listenerAttributes(Map.of(SpecoraChatAttributes.PURPOSE, "summarize"))
 *     .build());
 * </pre>
 */
public final class SpecoraChatAttributes {

	/**
	 * The purpose of the call ({@code routing_hints.purpose}), a String.
	 */
	public static final String PURPOSE = "specora.purpose";

	/**
	 * The agent's name ({@code routing_hints.agent_name}), a String.
	 */
	public static final String AGENT_NAME = "specora.agent-name";

	/**
	 * Whether the platform may route the call to a fallback provider, a Boolean.
	 */
	public static final String FALLBACK_ALLOWED = "specora.fallback-allowed";

	/**
	 * A capability the model must have ({@code routing_hints.required_capability}), a
	 * String.
	 */
	public static final String REQUIRED_CAPABILITY = "specora.required-capability";

	private SpecoraChatAttributes() {
	}

}
