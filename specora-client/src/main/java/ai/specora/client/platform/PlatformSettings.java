package ai.specora.client.platform;

/**
 * The Platform API settings of a client, resolved once when the client is built.
 *
 * @param workflowId the workflow identity sent as {@code routing_hints.agent_name} when a
 * call sets none: the client's {@code workflowId} setting, else the
 * {@code SPECORA_WORKFLOW_ID} environment variable, else {@code null} (omitted)
 * @param strictMode whether {@code proxyExecute} requires the id of a prior
 * {@code preAuthorize}
 */
public record PlatformSettings(String workflowId, boolean strictMode) {

	/**
	 * The environment variable the workflow id falls back to.
	 */
	public static final String WORKFLOW_ID_VARIABLE = "SPECORA_WORKFLOW_ID";

}
