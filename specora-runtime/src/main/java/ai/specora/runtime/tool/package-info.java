/**
 * Helpers shared by the tool adapters of every framework (Spring AI, MCP, LangChain4j).
 */
package ai.specora.runtime.tool;
