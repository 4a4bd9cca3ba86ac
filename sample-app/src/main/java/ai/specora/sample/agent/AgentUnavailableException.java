package ai.specora.sample.agent;

/**
 * The application has no ChatModel: neither a provider starter nor the demo's scripted
 * stand-in.
 */
public class AgentUnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 */
	public AgentUnavailableException() {
		super("The support agent has no ChatModel: add a Spring AI provider starter and its API key, "
				+ "or run with the demo profile (sample.agent.scripted-model=true)");
	}

}
