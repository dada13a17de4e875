using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SkillsMatch.Access;
using SkillsMatch.Storage;

namespace SkillsMatch.Bench;

/// <summary>
/// <c>skillsmatch bench assistant</c>: what an MCP tool call costs over the equivalent API call, against a running API
/// (./run.sh). Each pair — the endpoint and its tool, same key, same arguments — is called alternately so drift hits
/// both alike; the figure is the difference of the medians (target ≤ 5 ms).
/// </summary>
public static class AssistantBench
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The API", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var count = new Option<int>("--count") { Description = "Calls of each kind per pair (after 30 unmeasured)", DefaultValueFactory = _ => 200 };
        var command = new Command("assistant", "An MCP tool call against the same API call (medians, p95; the tool's overhead).") { url, count };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(count) < 1) throw new CliException("--count is at least 1");
            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out _)) throw new CliException($"--url {parse.GetValue(url)} is not an absolute URL");
            await using var dataSource = Database.CreateDataSource(await BenchCommands.ConnectionStringAsync(parse, ct));
            var keys = new ApiKeyStore(dataSource);
            var admin = await keys.CreateAsync(new NewApiKey(Role.Admin, Label: "bench assistant"), ct);
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri(parse.GetValue(url)!), Timeout = TimeSpan.FromSeconds(30) };
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin.Secret);
                var skill = (await http.GetFromJsonAsync<JsonElement>("/skills/?q=sql&limit=1", ct))[0].GetProperty("id").GetInt64();
                var learners = await http.GetFromJsonAsync<JsonElement>("/learners/?limit=1", ct);
                var learner = learners.GetProperty("items") is { ValueKind: JsonValueKind.Array } items && items.GetArrayLength() > 0
                    ? items[0].GetProperty("id").GetGuid()
                    : throw new CliException("the API has no learner: start it with the demo data (./run.sh)");
                Console.WriteLine($"bench assistant: {http.BaseAddress}, {parse.GetValue(count)} calls of each, alternating");
                await PairAsync(http, "skill detail", $"/skills/{skill}", "get_skill", new { skillId = skill }, parse.GetValue(count), ct);
                await PairAsync(http, "learner skills", $"/learners/{learner}/skills", "my_skills", new { learnerId = learner }, parse.GetValue(count), ct);
                await PairAsync(http, "learner matches", $"/learners/{learner}/matches?limit=10", "my_matches", new { learnerId = learner, limit = 10 }, parse.GetValue(count), ct);
            }
            finally
            {
                await keys.RevokeAsync(admin.Key.Id, CancellationToken.None);
            }
            return 0;
        });
        return command;
    }

    private static async Task PairAsync(HttpClient http, string what, string path, string tool, object arguments, int count, CancellationToken ct)
    {
        var api = new List<double>();
        var mcp = new List<double>();
        for (var i = -30; i < count; i++)
        {
            var a = await TimeAsync(() => ApiAsync(http, path, ct));
            var m = await TimeAsync(() => ToolAsync(http, tool, arguments, i, ct));
            if (i < 0) continue;
            api.Add(a);
            mcp.Add(m);
        }
        double Median(List<double> values) => BenchCommands.Percentile(values, 50);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-16} API {path.Split('?')[0],-42} median {Median(api),6:F2} ms  p95 {BenchCommands.Percentile(api, 95),6:F2} ms\n" +
            $"{"",-16} MCP {tool,-42} median {Median(mcp),6:F2} ms  p95 {BenchCommands.Percentile(mcp, 95),6:F2} ms\n" +
            $"{"",-16} tool overhead (difference of medians) {Median(mcp) - Median(api):F2} ms (target ≤ 5 ms)"));
    }

    private static async Task<double> TimeAsync(Func<Task> call)
    {
        var started = Stopwatch.GetTimestamp();
        await call();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static async Task ApiAsync(HttpClient http, string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        await response.Content.ReadAsByteArrayAsync(ct);
        if (!response.IsSuccessStatusCode) throw new CliException($"GET {path}: {(int)response.StatusCode}");
    }

    /// <summary>A tools/call as an MCP client sends it on the streamable HTTP transport (the server is stateless: no session to open first).</summary>
    private static async Task ToolAsync(HttpClient http, string tool, object arguments, int id, CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(new { jsonrpc = "2.0", id, method = "tools/call", @params = new { name = tool, arguments } }, JsonSerializerOptions.Web);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode || text.Contains("\"isError\":true", StringComparison.Ordinal) || !text.Contains("\"result\"", StringComparison.Ordinal))
            throw new CliException($"tool {tool}: {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
    }
}
