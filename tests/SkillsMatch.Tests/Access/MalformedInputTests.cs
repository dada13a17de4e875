using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using SkillsMatch.Access;
using SkillsMatch.Tests.Learners;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Access;

/// <summary>
/// Malformed JSON, wrong types, oversized bodies and SQL-injection strings in every text field of the four main
/// write and search bodies: a 4xx ProblemDetails that stores nothing, or (free text) the string stored verbatim;
/// never a 500, and rows that were there before are untouched.
/// </summary>
public sealed class MalformedInputTests : LearnerApiHost
{
    private static readonly string[] Injections =
    [
        "' OR '1'='1", "'; DROP TABLE learners; --", "x\"); DELETE FROM job_postings; --", "$$; SELECT pg_sleep(10); $$ ' UNION SELECT key_hash FROM api_keys --",
    ];

    /// <summary>
    /// Text that is read but not kept as given: employmentType is a vocabulary (FULL_TIME …) and is normalised; a
    /// posting's skills text is where skills are extracted from.
    /// </summary>
    private static readonly HashSet<string> NotKeptVerbatim = ["employmentType", "skills"];

    private readonly string tag = "bad" + Guid.NewGuid().ToString("N")[..8];
    private readonly string sentinel = "sentinel-" + Guid.NewGuid().ToString("N")[..8];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await CreateSentinelAsync();
    }

    /// <summary>A valid body for each endpoint; the tests break one field at a time.</summary>
    private JsonObject Valid(string path, int n) => path switch
    {
        "/learners" => new JsonObject
        {
            ["displayName"] = $"{tag} learner {n}", ["email"] = $"{tag}{n}@example.test", ["region"] = "CA-ON", ["city"] = "Toronto",
            ["remotePreference"] = "any", ["targetOccupations"] = new JsonArray("data-analyst"), ["externalRef"] = $"{tag}-ref-{n}",
            ["consent"] = new JsonObject { ["visibleToEmployers"] = true, ["parts"] = new JsonArray("skills") },
        },
        "/jobs" => new JsonObject
        {
            ["@context"] = "https://schema.org/", ["@type"] = "JobPosting", ["identifier"] = new JsonObject { ["propertyID"] = tag, ["value"] = $"{tag}-{n}" },
            ["title"] = $"{tag} analyst {n}", ["description"] = "Write SQL queries.", ["hiringOrganization"] = new JsonObject { ["name"] = $"{tag} Org" },
            ["employmentType"] = "FULL_TIME", ["jobLocation"] = new JsonObject { ["address"] = new JsonObject { ["addressRegion"] = "Ontario", ["addressLocality"] = "Ottawa" } },
            ["qualifications"] = "A diploma.", ["educationRequirements"] = "College", ["experienceRequirements"] = "Two years",
            ["skills"] = "SQL", ["validThrough"] = "2099-12-31",
        },
        "/catalog" => new JsonObject
        {
            ["externalId"] = $"{tag}-{n}", ["title"] = $"{tag} course {n}", ["provider"] = "College", ["issuerUri"] = "https://college.example/issuer",
            ["description"] = "Querying data.", ["url"] = "https://college.example/sql", ["currency"] = "CAD", ["format"] = "online", ["language"] = "en",
            ["region"] = "CA-ON", ["stackableInto"] = new JsonArray("certificate"), ["qualityAssurance"] = "accredited", ["skills"] = new JsonArray("sql"),
        },
        "/candidates/search" => new JsonObject { ["skills"] = new JsonArray("sql"), ["minTier"] = "inferred", ["region"] = "CA-ON" },
        _ => throw new ArgumentException(path),
    };

    /// <summary>Every string-valued field of the valid body (by JSON path), arrays' first item included.</summary>
    private static IEnumerable<string[]> TextFields(JsonNode node, string[] prefix)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o)
                    if (!name.StartsWith('@') && child is not null) foreach (var f in TextFields(child, [.. prefix, name])) yield return f;
                break;
            case JsonArray a when a.Count > 0 && a[0] is JsonValue:
                yield return [.. prefix, "0"];
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                yield return prefix;
                break;
        }
    }

    private static void Set(JsonNode root, string[] field, JsonNode? value)
    {
        var parent = field[..^1].Aggregate(root, (node, part) => node is JsonArray a ? a[int.Parse(part)]! : node[part]!);
        if (parent is JsonArray array) array[int.Parse(field[^1])] = value;
        else parent[field[^1]] = value;
    }

    [Theory]
    [InlineData("/learners")]
    [InlineData("/jobs")]
    [InlineData("/catalog")]
    [InlineData("/candidates/search")]
    public async Task Injection_strings_in_every_text_field_are_refused_or_stored_verbatim(string path)
    {
        var before = await SentinelAsync();
        var n = 0;
        foreach (var field in TextFields(Valid(path, 0), []).ToList())
            foreach (var injection in Injections)
            {
                var body = Valid(path, ++n);
                Set(body, field, injection);
                using var response = await Client.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
                var text = await response.Content.ReadAsStringAsync();
                var where = $"{path} {string.Join('.', field)} = {injection}: {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}";
                Assert.True((int)response.StatusCode < 500, where);
                if (!response.IsSuccessStatusCode)
                    Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", "not a ProblemDetails: " + where);
                else if (path != "/candidates/search" && !(path == "/jobs" && NotKeptVerbatim.Contains(field[^1])))
                    Assert.True(StringValues(JsonNode.Parse(text)!).Any(v => v.Contains(injection, StringComparison.Ordinal)), "accepted but not stored verbatim: " + where);
            }
        Assert.Equal(before, await SentinelAsync());
    }

    [Theory]
    [InlineData("/learners", "displayName")]
    [InlineData("/jobs", "title")]
    [InlineData("/catalog", "title")]
    [InlineData("/candidates/search", "skills")]
    public async Task Malformed_json_wrong_types_and_oversized_bodies_are_4xx_problems_and_store_nothing(string path, string field)
    {
        var before = await SentinelAsync();
        var valid = Valid(path, 0).ToJsonString();
        var bodies = new List<string>
        {
            valid[..(valid.Length / 2)], "{", "", "null", "[]", "\"text\"", "42", valid.Replace("\":", "\"", StringComparison.Ordinal), valid + "}",
        };
        foreach (var wrong in new JsonNode?[] { 42, true, new JsonObject { ["nested"] = tag }, new JsonArray(1, 2), JsonValue.Create(tag + new string('x', 100_000)) })
        {
            var body = Valid(path, 0);
            body[field] = wrong?.DeepClone();
            bodies.Add(body.ToJsonString());
        }
        var oversized = Valid(path, 0);
        oversized["description"] = tag + new string('y', 1_100_000);
        bodies.Add(oversized.ToJsonString());

        foreach (var body in bodies)
        {
            using var response = await Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            var where = $"{path} with {body[..Math.Min(80, body.Length)]}: {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}";
            Assert.True((int)response.StatusCode is >= 400 and < 500, where);
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", where);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        }
        Assert.Equal(0, await StoredWithTagAsync());
        Assert.Equal(before, await SentinelAsync());
    }

    private static HashSet<string> StringValues(JsonNode node) => node switch
    {
        JsonObject o => [.. o.SelectMany(p => p.Value is null ? [] : StringValues(p.Value))],
        JsonArray a => [.. a.SelectMany(v => v is null ? [] : StringValues(v))],
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
        _ => [],
    };

    /// <summary>Rows anywhere in the three tables these bodies write that carry this test's tag.</summary>
    private async Task<int> StoredWithTagAsync()
    {
        await using var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<int>("""
            SELECT (SELECT count(*) FROM learners t WHERE t::text LIKE '%' || @tag || '%')
                 + (SELECT count(*) FROM job_postings t WHERE t::text LIKE '%' || @tag || '%')
                 + (SELECT count(*) FROM catalog_offerings t WHERE t::text LIKE '%' || @tag || '%')
            """, new { tag });
    }

    /// <summary>A learner, a posting and an offering made for this test, as text: an injection that reached SQL would change or remove them.</summary>
    private async Task<string> SentinelAsync()
    {
        await using var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<string>("""
            SELECT (SELECT string_agg(display_name, ',') FROM learners WHERE external_ref = @key) || '|'
                || (SELECT string_agg(title || description, ',') FROM job_postings WHERE external_id = @key) || '|'
                || (SELECT string_agg(title || provider, ',') FROM catalog_offerings WHERE external_id = @key)
            """, new { key = sentinel }) ?? "missing";
    }

    private async Task CreateSentinelAsync()
    {
        await using var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync();
        await conn.ExecuteAsync("""
            INSERT INTO learners (display_name, external_ref) VALUES (@key, @key);
            INSERT INTO job_postings (external_id, title, description, source) VALUES (@key, @key, @key, '{}');
            INSERT INTO catalog_offerings (external_id, title, provider, format, language) VALUES (@key, @key, @key, 'online', 'en');
            """, new { key = sentinel });
    }
}
