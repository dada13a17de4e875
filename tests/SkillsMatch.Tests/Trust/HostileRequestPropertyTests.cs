using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Dapper;
using SkillsMatch.Access;
using SkillsMatch.Tests.Support;
using Xunit.Abstractions;

namespace SkillsMatch.Tests.Trust;

/// <summary>
/// Issue 15, property: every operation of <c>/openapi/v1.json</c>, called by every kind of caller with generated hostile
/// values (NUL and other control characters, lone surrogates, bidi overrides, 100 kB strings, huge and negative numbers,
/// wrong types, deep nesting) in its path, query and body, answers below 500, as a ProblemDetails when it refuses, with no
/// exception text, type name or stack frame in the body — and a refused request changes no row count.
/// </summary>
[Collection(HostileRequestsGroup.Name)]
public sealed class HostileRequestPropertyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Requests = 5_000;

    /// <summary>What must never be in an error body: .NET exception text, type names, stack frames.</summary>
    private static readonly string[] Leaks = ["Exception", "   at ", "System.", "Microsoft.", "Npgsql", "SkillsMatch.", ".cs:line", "StackTrace", "Parameter '"];

    /// <summary>Hostile JSON values, written as raw JSON text (a lone surrogate cannot go through a serializer).</summary>
    private static readonly string[] JsonValues =
    [
        "\"a\\u0000b\"", "\"\\u0001\\u001f\\u007f\"", "\"\\ud800\"", "\"x\\udc00y\"", "\"\\u202Eevil\\u202C\"", "\"\\u200B\\uFEFF\"",
        "\"" + new string('x', 100_000) + "\"", "\"" + new string('\u00e9', 20_000) + "\\u0000\"", "\"' OR '1'='1\"", "\"\"",
        "1e309", "-1", "-9223372036854775809", "99999999999999999999999999", "0.5", "-0", "true", "null", "[]", "{}",
        "[\"\\u0000\"]", "{\"a\":\"\\u0000\"}", string.Concat(Enumerable.Repeat("[", 200)) + string.Concat(Enumerable.Repeat("]", 200)),
        string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + string.Concat(Enumerable.Repeat("}", 100)),
    ];

    /// <summary>Hostile query and path values, already percent-encoded.</summary>
    private static readonly string[] UrlValues =
    [
        "a%00b", "%01", "%7F", "%ED%A0%80", "%E2%80%AE", "%EF%BB%BF", new string('x', 10_000), "-1", "0", "99999999999999999999999",
        "1e309", "NaN", "%27%20OR%201%3D1", "", "true", "%5B%5D", "not-a-guid", "00000000-0000-0000-0000-000000000000",
    ];

    /// <summary>Whole bodies that are not the expected object at all.</summary>
    private static readonly string[] WholeBodies = [.. JsonValues, "{", "{\"a\":}", "\u0000", "not json", "{\"a\":1,\"a\":2}"];

    private static readonly string[] Tables =
    [
        "learners", "learner_experiences", "learner_skill_evidence", "learner_credentials", "job_postings", "job_posting_skills",
        "catalog_offerings", "issuers", "api_keys", "practitioner_caseload", "learner_emails", "learner_dids", "holder_challenges",
        "email_outbox", "skill_crosswalk",
    ];

    private ApiFactory api = null!;
    private readonly List<HttpClient> clients = [];
    private Guid learner;

    public async Task InitializeAsync()
    {
        await ShippedTaxonomy.IdAsync();
        api = new ApiFactory(await TestDatabase.ConnectionStringAsync(), new Dictionary<string, string> { ["Credentials:Recheck:Enabled"] = "false" });
        learner = await TestLearners.CreateAsync("Hostile target");
        clients.Add(api.CreateClient());
        clients.Add(await api.CreateClientAsync(Role.Admin));
        clients.Add(await api.CreateClientAsync(Role.Learner, learner));
        clients.Add(await api.CreateClientAsync(Role.Employer));
        clients.Add(await api.CreateClientAsync(Role.Practitioner));
        clients.Add(await api.CreateClientAsync(Role.Issuer));
    }

    public async Task DisposeAsync()
    {
        foreach (var client in clients) client.Dispose();
        await api.DisposeAsync();
    }

    [Fact]
    public async Task Hostile_values_on_every_endpoint_never_give_a_5xx_a_leak_or_a_changed_row()
    {
        var operations = Operations(JsonNode.Parse(await clients[0].GetStringAsync("/openapi/v1.json"))!);
        Assert.True(operations.Count >= 50, $"only {operations.Count} operations in /openapi/v1.json");
        var counts = await CountsAsync();
        var sent = 0;
        var stopwatch = Stopwatch.StartNew();

        var gen = Gen.Select(Gen.Int[0, operations.Count - 1], Gen.Int[0, clients.Count - 1], Gen.Int[0, 3], Gen.Int[0, 1_000_000], Gen.Int[0, 1_000_000])
            .Select((op, who, shape, a, b) => new Attempt(operations[op], who, shape, a, b));
        await gen.SampleAsync(async attempt =>
        {
            using var request = Build(attempt);
            using var response = await clients[attempt.Who].SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            sent++;
            var where = $"{request.Method} {Short(request.RequestUri!.ToString())} as {attempt.Who}: {(int)response.StatusCode} {Short(body)}";
            Assert.True((int)response.StatusCode < 500, "5xx: " + where);
            if ((int)response.StatusCode >= 400)
            {
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", "not a ProblemDetails: " + where);
                Assert.True(JsonNode.Parse(body) is JsonObject problem && problem["status"] is not null && problem["title"] is not null, "not a ProblemDetails: " + where);
                var leak = Leaks.FirstOrDefault(l => body.Contains(l, StringComparison.Ordinal));
                Assert.True(leak is null, $"leak '{leak}': " + where);
                var now = await CountsAsync();
                Assert.True(now == counts, $"a refused request changed row counts ({counts} → {now}): " + where);
            }
            else counts = await CountsAsync();
        }, iter: Requests, threads: 1, print: a => a.ToString());

        stopwatch.Stop();
        output.WriteLine($"{sent} hostile requests over {operations.Count} operations ({operations.Select(o => o.Path).Distinct().Count()} paths) × {clients.Count} callers in {stopwatch.Elapsed.TotalSeconds:F1} s");
        Assert.True(sent >= Requests, $"only {sent} requests were sent");
    }

    private HttpRequestMessage Build(Attempt a)
    {
        var op = a.Operation;
        var pick = new Random(a.A ^ (a.B << 8));
        var path = op.Path;
        foreach (var parameter in op.PathParameters)
        {
            var value = parameter.Format switch
            {
                "uuid" => pick.Next(3) == 0 ? Guid.NewGuid().ToString() : learner.ToString(),
                _ when parameter.Type is "integer" => pick.Next(2) == 0 ? "1" : UrlValues[pick.Next(UrlValues.Length)],
                _ => UrlValues[pick.Next(UrlValues.Length)],
            };
            if (a.Shape == 3 && parameter.Format != "uuid") value = UrlValues[pick.Next(UrlValues.Length)];
            // The test host's client refuses a NUL in a path before sending it (Kestrel answers 400 itself); %01 still goes.
            path = path.Replace("{" + parameter.Name + "}", value.Replace("%00", "%01", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        var query = op.QueryParameters.Where(_ => pick.Next(2) == 0 || a.Shape == 2)
            .Select(p => $"{Uri.EscapeDataString(p)}={UrlValues[pick.Next(UrlValues.Length)]}").ToList();
        if (a.Shape == 3) query.Add($"x%00={UrlValues[pick.Next(UrlValues.Length)]}");
        var request = new HttpRequestMessage(new HttpMethod(op.Method), path + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        if (a.Shape == 3 && pick.Next(2) == 0) request.Headers.TryAddWithoutValidation("X-Hostile", "a\u0001b");
        if (op.Method is "POST" or "PUT")
        {
            string body = a.Shape switch
            {
                1 => WholeBodies[pick.Next(WholeBodies.Length)],
                _ when op.BodyFields.Count == 0 => JsonValues[pick.Next(JsonValues.Length)],
                _ => "{" + string.Join(',', op.BodyFields.Select((field, i) =>
                    $"{JsonSerializer.Serialize(field)}:{(a.Shape == 2 || i == a.A % op.BodyFields.Count ? JsonValues[pick.Next(JsonValues.Length)] : "\"ordinary text\"")}")) + "}",
            };
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        return request;
    }

    /// <summary>Every operation the OpenAPI document lists, with its path and query parameters and its body's top-level fields.</summary>
    private static List<Operation> Operations(JsonNode document)
    {
        var schemas = document["components"]?["schemas"]?.AsObject();
        JsonNode? Resolve(JsonNode? schema) => schema?["$ref"]?.GetValue<string>() is { } reference ? schemas?[reference.Split('/')[^1]] : schema;
        var operations = new List<Operation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation is not JsonObject op || method == "parameters") continue;
                var parameters = op["parameters"]?.AsArray().Select(p => p!).ToList() ?? [];
                var body = Resolve(op["requestBody"]?["content"]?["application/json"]?["schema"]);
                operations.Add(new Operation(method.ToUpperInvariant(), path,
                    parameters.Where(p => p["in"]!.GetValue<string>() == "path").Select(p => new PathParameter(
                        p["name"]!.GetValue<string>(), Resolve(p["schema"])?["format"]?.GetValue<string>(), TypeOf(Resolve(p["schema"])))).ToList(),
                    parameters.Where(p => p["in"]!.GetValue<string>() == "query").Select(p => p["name"]!.GetValue<string>()).ToList(),
                    body?["properties"]?.AsObject().Select(p => p.Key).ToList() ?? []));
            }
        return operations;
    }

    private static string? TypeOf(JsonNode? schema) => schema?["type"] switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray a => a.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null"),
        _ => null,
    };

    private static async Task<string> CountsAsync()
    {
        await using var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<string>("SELECT concat_ws(',', " + string.Join(", ", Tables.Select(t => $"(SELECT count(*) FROM {t})")) + ")") ?? "";
    }

    private static string Short(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private sealed record PathParameter(string Name, string? Format, string? Type);

    private sealed record Operation(string Method, string Path, IReadOnlyList<PathParameter> PathParameters, IReadOnlyList<string> QueryParameters, IReadOnlyList<string> BodyFields)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    private sealed record Attempt(Operation Operation, int Who, int Shape, int A, int B)
    {
        public override string ToString() => $"{Operation} caller {Who} shape {Shape} seed {A}/{B}";
    }
}
