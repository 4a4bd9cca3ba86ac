package ai.specora.spring.ai.chat;

/**
 * The advisor parameters that steer the governance of one ChatClient call, e.g.
 * <pre class="code">
 * chatClient.prompt("Summarize this thread")
 *     .advisors((advisors) -&gt; advisors.param(SpecoraChatParams.PURPOSE, "summarize")
 *         .param(SpecoraChatParams.AGENT_NAME, "support-agent"))
 *     .call()
 *     .content();
 * </pre>
 */
public final class SpecoraChatParams {

	/**
	 * The purpose of the call ({@code routing_hints.purpose}), a String.
	 */
	public static final String PURPOSE = "specora.purpose";

	/**
	 * The agent's name ({@code routing_hints.agent_name}), a String; by default
	 * {@code specora.workflow-id}, else the {@code SPECORA_WORKFLOW_ID} environment
	 * variable.
	 */
	public static final String AGENT_NAME = "specora.agent-name";

	/**
	 * Whether the platform may route the call to a fallback provider
	 * ({@code routing_hints.fallback_allowed}), a Boolean; when {@code false} a call the
	 * platform routes to a provider without a ChatModel bean is refused.
	 */
	public static final String FALLBACK_ALLOWED = "specora.fallback-allowed";

	/**
	 * The workflow category ({@code routing_hints.workflow_type}), a
	 * {@link ai.specora.client.platform.WorkflowType} or its wire name.
	 */
	public static final String WORKFLOW_TYPE = "specora.workflow-type";

	/**
	 * A capability the model must have ({@code routing_hints.required_capability}), a
	 * String.
	 */
	public static final String REQUIRED_CAPABILITY = "specora.required-capability";

	/**
	 * The provider of the call instead of {@code specora.ai.chat.provider}, a
	 * {@link ai.specora.client.platform.Provider} or its wire name.
	 */
	public static final String PROVIDER = "specora.provider";

	private SpecoraChatParams() {
	}

}
