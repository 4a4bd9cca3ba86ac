/**
 * Governed tool calls: every tool a {@code ToolCallingManager} runs is enforced before
 * it runs and completed after.
 */
package ai.specora.spring.ai.tool;
