using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using SkillsMatch.Access;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Assistant;

/// <summary>The MCP server as an assistant sees it: a key or nothing, annotated tools, and tools that change data only when allowed and confirmed.</summary>
public sealed class McpServerTests : IAsyncLifetime
{
    private ApiFactory api = null!;

    public async Task InitializeAsync()
    {
        await ShippedTaxonomy.IdAsync();
        api = new ApiFactory(await TestDatabase.ConnectionStringAsync());
    }

    public async Task DisposeAsync() => await api.DisposeAsync();

    [Fact]
    public async Task Anonymous_or_revoked_callers_are_refused_with_401()
    {
        using var anonymous = api.CreateClient();
        using var response = await anonymous.PostAsJsonAsync("/mcp", new { jsonrpc = "2.0", id = 1, method = "tools/list" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);

        var revoked = await api.CreateKeyAsync(Role.Admin);
        await api.Services.GetRequiredService<ApiKeyStore>().RevokeAsync(revoked.Key.Id);
        var refused = await Assert.ThrowsAnyAsync<HttpRequestException>(() => McpConnection.ConnectAsync(api, revoked.Secret));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Read_tools_are_annotated_read_only_and_write_tools_need_the_key_owner_and_confirm()
    {
        var employer = await api.CreateKeyAsync(Role.Employer);
        var posting = await AssistantHost.PostingAsync(employer.Key.Subject!, "MCP clerk", "Files records.");
        await using var client = await McpConnection.ConnectAsync(api, employer.Secret);

        var tools = await client.ListToolsAsync();
        Assert.DoesNotContain(tools, t => t.Name is "close_posting" or "edit_posting_skills");
        Assert.All(tools, t => Assert.True(t.ProtocolTool.Annotations?.ReadOnlyHint == true, $"{t.Name} is not marked read-only"));
        var off = await client.CallAsync("close_posting", new { jobId = posting, confirm = true });
        Assert.True(off.IsError);
        Assert.Contains("off for this API key", off.Text(), StringComparison.Ordinal);

        using var http = api.ClientWith(employer.Secret);
        (await http.PutAsJsonAsync("/assistant/writes", new { enabled = true })).EnsureSuccessStatusCode();
        var close = Assert.Single(await client.ListToolsAsync(), t => t.Name == "close_posting");
        Assert.False(close.ProtocolTool.Annotations?.ReadOnlyHint);
        Assert.True(close.ProtocolTool.Annotations?.DestructiveHint);

        var unconfirmed = await client.CallAsync("close_posting", new { jobId = posting });
        Assert.True(unconfirmed.IsError);
        Assert.Contains("confirm: true", unconfirmed.Text(), StringComparison.Ordinal);
        Assert.Equal("open", await AssistantHost.PostingStatusAsync(posting));

        var confirmed = await client.CallAsync("close_posting", new { jobId = posting, confirm = true });
        Assert.NotEqual(true, confirmed.IsError);
        Assert.Equal("closed", await AssistantHost.PostingStatusAsync(posting));

        // Another employer's key, writes enabled too, still manages only its own postings.
        var other = await api.CreateKeyAsync(Role.Employer);
        await api.Services.GetRequiredService<AssistantWriteGrants>().SetAsync(other.Key.Id, true);
        await using var otherClient = await McpConnection.ConnectAsync(api, other.Secret);
        var foreign = await otherClient.CallAsync("edit_posting_skills", new { jobId = posting, changes = new[] { new { skillId = 1, remove = true } }, confirm = true });
        Assert.True(foreign.IsError);
        Assert.Contains("manages only the postings it created", foreign.Text(), StringComparison.Ordinal);
    }
}
