/**
 * Governed LangChain4j tool calls: {@link ai.specora.langchain4j.tool.ToolGovernor}
 * (the adapter over the engine), {@link ai.specora.langchain4j.tool.GovernedToolExecutor},
 * {@link ai.specora.langchain4j.tool.GovernedToolProvider} and the error handler that
 * lets a suspension out of the AI service call.
 */
package ai.specora.langchain4j.tool;
