/**
 * MCP tools: the governance of the tools of the application's MCP server
 * ({@link ai.specora.spring.ai.tool.mcp.McpServerToolGovernor}), and write hints from the
 * tool annotations MCP servers declare, for the MCP client tools of ChatClients too.
 */
package ai.specora.spring.ai.tool.mcp;
