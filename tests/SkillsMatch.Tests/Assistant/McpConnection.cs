using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Assistant;

/// <summary>The MCP C# SDK's client on the test host's /mcp, sending a key as a Bearer token the way an assistant's config does.</summary>
public static class McpConnection
{
    public static async Task<McpClient> ConnectAsync(ApiFactory api, string key)
    {
        var http = api.ClientWith(key);
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(http.BaseAddress!, "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            Name = "SkillsMatch tests",
        }, http, ownsHttpClient: true);
        return await McpClient.CreateAsync(transport);
    }

    /// <summary>Calls a tool with arguments given as an anonymous object (serialised as JSON, as a client would send them).</summary>
    public static async Task<CallToolResult> CallAsync(this McpClient client, string tool, object? arguments = null)
    {
        var json = JsonSerializer.SerializeToElement(arguments ?? new { }, JsonSerializerOptions.Web);
        var values = json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
        return await client.CallToolAsync(tool, values);
    }

    public static string Text(this CallToolResult result) =>
        string.Join("\n", result.Content.OfType<TextContentBlock>().Select(c => c.Text));
}
