/**
 * Governed LangChain4j model calls: {@link ai.specora.langchain4j.model.GovernedChatModel}
 * and {@link ai.specora.langchain4j.model.GovernedStreamingChatModel}, decorators that
 * pre-authorize each call on the Specora platform and record it with its real usage.
 */
package ai.specora.langchain4j.model;
