using ModelContextProtocol;

namespace SkillsMatch.Api.Assistant;

/// <summary>
/// A tool refused or failed for a reason the caller may read (not allowed, not found, invalid). An MCP client gets
/// it as a tool error carrying this message; a chat's model gets it as the function's result. Never carries data.
/// </summary>
public sealed class ToolError(string message) : McpException(message);
