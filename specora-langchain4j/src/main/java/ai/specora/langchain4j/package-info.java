/**
 * Specora for LangChain4j: {@link ai.specora.langchain4j.SpecoraLangChain4j}, the entry
 * point of applications that build their {@code AiServices} by hand.
 */
package ai.specora.langchain4j;
