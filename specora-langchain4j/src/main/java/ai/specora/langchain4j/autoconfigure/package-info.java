/**
 * The Spring Boot auto-configuration of Specora for LangChain4j.
 */
package ai.specora.langchain4j.autoconfigure;
