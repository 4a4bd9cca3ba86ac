package ai.specora.langchain4j;

/**
 * The test agent.
 */
public interface Assistant {

	String chat(String message);

}
