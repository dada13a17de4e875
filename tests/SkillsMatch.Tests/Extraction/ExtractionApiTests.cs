using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Extraction;

public sealed class ExtractionApiTests : IAsyncLifetime
{
    private ApiFactory api = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        await ShippedTaxonomy.IdAsync();
        api = new ApiFactory(await TestDatabase.ConnectionStringAsync());
        client = await api.CreateClientAsync(SkillsMatch.Access.Role.Employer);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await api.DisposeAsync();
    }

    [Fact]
    public async Task Posting_skills_come_with_spans_requirement_and_level_cues()
    {
        const string text = "Requirements:\n- 3+ years of experience writing SQL queries\n- Power BI is an asset";

        var skills = await ExtractAsync(new { text });

        var sql = skills.Single(s => s.GetProperty("externalId").GetString() == "sql");
        var span = sql.GetProperty("spans")[0];
        var found = text.Substring(span.GetProperty("start").GetInt32(), span.GetProperty("length").GetInt32());
        Assert.Equal(span.GetProperty("text").GetString(), found);
        Assert.StartsWith("SQL", found, StringComparison.Ordinal);
        Assert.Equal("required", sql.GetProperty("requirement").GetString(), ignoreCase: true);
        Assert.Equal(3, sql.GetProperty("level").GetProperty("minYears").GetInt32());
        var powerBi = skills.Single(s => s.GetProperty("externalId").GetString() == "power-bi");
        Assert.Equal("preferred", powerBi.GetProperty("requirement").GetString(), ignoreCase: true);
    }

    [Theory]
    [InlineData("You will be hosting guests and managing reservations at the front of the restaurant.", true)]
    [InlineData("Experience hosting web applications on Linux servers.", false)]
    public async Task A_loose_alias_counts_only_where_its_phrase_means_the_skill(string text, bool claimed)
    {
        // "hosting" is an alias of guest seating and reservations in the shipped taxonomy.
        var skills = await ExtractAsync(new { text });

        Assert.Equal(claimed, skills.Any(s => s.GetProperty("externalId").GetString() == "guest-reservations"));
    }

    [Fact]
    public async Task Negated_skill_is_not_claimed()
    {
        var skills = await ExtractAsync(new { text = "No SQL experience required; we will train you in Excel.", lexicalOnly = true });

        Assert.DoesNotContain(skills, s => s.GetProperty("externalId").GetString() == "sql");
    }

    [Fact]
    public async Task Linking_mode_returns_ranked_candidates_per_sentence()
    {
        var response = await client.PostAsJsonAsync("/extract", new { text = "Build dashboards in Tableau. Write Python scripts.", linkTopK = 3 });
        var links = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("links");

        Assert.Equal(2, links.GetArrayLength());
        Assert.All(links.EnumerateArray(), l => Assert.InRange(l.GetProperty("candidates").GetArrayLength(), 1, 3));
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_problem_and_the_service_keeps_serving()
    {
        var empty = await client.PostAsJsonAsync("/extract", new { text = "   " });
        var missing = await client.PostAsJsonAsync("/extract", new { taxonomy = "skillsmatch" });
        var tooLong = await client.PostAsJsonAsync("/extract", new { text = new string('a', 100_001) });
        var binary = await client.PostAsJsonAsync("/extract", new { text = "SQL\u0000\u0001\u0002" });
        var notJson = await client.PostAsync("/extract", new StringContent("{\"text\": \"SQL", System.Text.Encoding.UTF8, "application/json"));
        var badUtf8 = await client.PostAsync("/extract", new ByteArrayContent([0x7B, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D])
        {
            Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") },
        });

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLong.StatusCode);
        Assert.Contains("100,000", (await tooLong.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, binary.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badUtf8.StatusCode);
        foreach (var r in new[] { empty, missing, tooLong, binary, notJson, badUtf8 })
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await ExtractAsync(new { text = "Experience with Python and SQL." }));
    }

    private async Task<List<JsonElement>> ExtractAsync(object request)
    {
        var response = await client.PostAsJsonAsync("/extract", request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("skills").EnumerateArray().ToList();
    }
}
