package ai.specora.langchain4j;

import dev.langchain4j.service.TokenStream;

/**
 * The streaming test agent.
 */
public interface StreamingAssistant {

	TokenStream chat(String message);

}
