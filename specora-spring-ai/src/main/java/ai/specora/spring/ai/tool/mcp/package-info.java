/**
 * MCP client tools: write hints from the tool annotations their servers declare.
 */
package ai.specora.spring.ai.tool.mcp;
