using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Jobs;

public sealed class JobsApiTests : IAsyncLifetime
{
    private readonly string prefix = "api-" + Guid.NewGuid().ToString("N")[..8];
    private ApiFactory api = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        await ShippedTaxonomy.IdAsync();
        api = new ApiFactory(await TestDatabase.ConnectionStringAsync());
        client = await api.CreateClientAsync(SkillsMatch.Access.Role.Admin);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await api.DisposeAsync();
    }

    private Dictionary<string, object?> Posting(string id, string title = "Sr. Data Analyst – Power BI", string? validThrough = "2099-12-31") => new Dictionary<string, object?>
    {
        ["@context"] = "https://schema.org/", ["@type"] = "JobPosting",
        ["identifier"] = new { value = $"{prefix}-{id}", propertyID = "test" },
        ["title"] = title,
        ["description"] = "<h3>Requirements:</h3><ul><li>3+ years of experience writing SQL queries</li><li>Build dashboards in Power BI</li></ul><p>Python is an asset.</p>",
        ["hiringOrganization"] = new { name = $"{prefix} Analytics" },
        ["jobLocation"] = new { address = new { addressRegion = "Ontario", addressLocality = "Toronto" } },
        ["datePosted"] = "2026-11-01", ["validThrough"] = validThrough,
    };

    private async Task<JsonElement> PostAsync(object posting, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync("/jobs", posting);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Skill(JsonElement job, string externalId) =>
        job.GetProperty("skills").EnumerateArray().Single(s => s.GetProperty("externalId").GetString() == externalId);

    [Fact]
    public async Task Posted_job_is_stored_with_required_and_preferred_skills_occupations_and_vector()
    {
        var job = await PostAsync(Posting("1"));

        Assert.Equal("CA-ON", job.GetProperty("region").GetString());
        Assert.Equal("open", job.GetProperty("status").GetString());
        Assert.True(job.GetProperty("hasEmbedding").GetBoolean());
        var sql = Skill(job, "sql");
        Assert.Equal("required", sql.GetProperty("requirement").GetString());
        Assert.Equal(3, sql.GetProperty("years").GetSingle());
        Assert.Equal("extracted", sql.GetProperty("source").GetString());
        Assert.Equal("preferred", Skill(job, "python").GetProperty("requirement").GetString());
        var occupations = job.GetProperty("occupations");
        Assert.Equal(3, occupations.GetArrayLength());
        Assert.Equal("data-analyst", occupations[0].GetProperty("externalId").GetString());

        var stored = await client.GetFromJsonAsync<JsonElement>($"/jobs/{job.GetProperty("id").GetGuid()}");
        Assert.Equal(job.GetProperty("skills").GetArrayLength(), stored.GetProperty("skills").GetArrayLength());
    }

    [Fact]
    public async Task An_employer_manages_only_the_postings_it_created()
    {
        using var owner = await api.CreateClientAsync(SkillsMatch.Access.Role.Employer, subject: $"{prefix} Analytics"); // its hiringOrganization
        using var other = await api.CreateClientAsync(SkillsMatch.Access.Role.Employer);
        var created = await owner.PostAsJsonAsync("/jobs", Posting("owned"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var edit = new { skills = new[] { new { skillId = 1, requirement = "required", remove = false } } };

        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync("/jobs", Posting("owned", title: "Hijacked"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PutAsJsonAsync($"/jobs/{id}/skills", edit)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"/jobs/{id}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.DeleteAsync($"/jobs/{id}")).StatusCode);
        var unchanged = await client.GetFromJsonAsync<JsonElement>($"/jobs/{id}");
        Assert.Equal("Sr. Data Analyst – Power BI", unchanged.GetProperty("title").GetString());
        Assert.Equal("open", unchanged.GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync("/jobs", Posting("owned", title: "Data Analyst"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync($"/jobs/{id}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/jobs/{id}")).StatusCode);
    }

    [Fact]
    public async Task Text_search_is_full_text_over_title_and_description_ranked_with_title_matches_first()
    {
        var inTitle = await PostAsync(new Dictionary<string, object?>(Posting("fts-1", title: "Reporting Analyst")) { ["description"] = "Builds monthly reports." });
        var inText = await PostAsync(new Dictionary<string, object?>(Posting("fts-2", title: "Finance clerk")) { ["description"] = "Works beside our analysts on budgets." });
        var welder = await PostAsync(new Dictionary<string, object?>(Posting("fts-3", title: "Welder")) { ["description"] = "Joins steel frames." });
        // Closed at once: postings with so few requirements would top every learner's matches in the shared test database.
        foreach (var posting in new[] { inTitle, inText, welder })
            Assert.True((await client.PostAsync($"/jobs/{posting.GetProperty("id").GetGuid()}/close", null)).IsSuccessStatusCode);

        async Task<Guid[]> SearchAsync(string q) => [.. (await client.GetFromJsonAsync<JsonElement>($"/jobs?q={Uri.EscapeDataString(prefix + " " + q)}"))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

        // Stemmed words, found in the title or only in the description; the title match ranks first.
        Assert.Equal([inTitle.GetProperty("id").GetGuid(), inText.GetProperty("id").GetGuid()], await SearchAsync("analyst"));
        Assert.Equal([inText.GetProperty("id").GetGuid()], await SearchAsync("budget"));
        // Not a substring search: part of a word finds nothing; web-search syntax excludes with a minus.
        Assert.Empty(await SearchAsync("nalys"));
        Assert.Equal([inTitle.GetProperty("id").GetGuid()], await SearchAsync("analyst -budgets"));
        // French words stem too ("soudeuses" and "soudeuse" are one word).
        var french = await PostAsync(new Dictionary<string, object?>(Posting("fts-4", title: "Soudeuse")) { ["description"] = "Nous cherchons des soudeuses expérimentées." });
        Assert.True((await client.PostAsync($"/jobs/{french.GetProperty("id").GetGuid()}/close", null)).IsSuccessStatusCode);
        Assert.Equal([french.GetProperty("id").GetGuid()], await SearchAsync("soudeuses"));
    }

    [Fact]
    public async Task Reposting_the_same_identifier_updates_instead_of_duplicating()
    {
        var first = await PostAsync(Posting("2"));
        var second = await PostAsync(Posting("2", title: "Data Analyst"), HttpStatusCode.OK);

        Assert.Equal(first.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid());
        Assert.Equal("Data Analyst", second.GetProperty("title").GetString());
        var page = await client.GetFromJsonAsync<JsonElement>($"/jobs?q={prefix}");
        Assert.Equal(1, page.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Invalid_posting_is_a_problem_naming_every_field_and_stores_nothing()
    {
        var response = await client.PostAsJsonAsync("/jobs", new Dictionary<string, object?>
        {
            ["identifier"] = $"{prefix}-bad", ["description"] = "x", ["datePosted"] = "soon",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("datePosted", out _));
        var page = await client.GetFromJsonAsync<JsonElement>($"/jobs?q={prefix}");
        Assert.Equal(0, page.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Employer_skill_edit_is_kept_when_the_posting_is_posted_again()
    {
        var job = await PostAsync(Posting("3"));
        var id = job.GetProperty("id").GetGuid();
        var python = Skill(job, "python").GetProperty("skillId").GetInt64();
        var sql = Skill(job, "sql").GetProperty("skillId").GetInt64();
        var tableau = (await client.GetFromJsonAsync<JsonElement>("/skills?q=tableau&taxonomy=skillsmatch&limit=1"))[0].GetProperty("id").GetInt64();

        var edit = await client.PutAsJsonAsync($"/jobs/{id}/skills", new
        {
            skills = new object[]
            {
                new { skillId = python, requirement = "required", level = "advanced" },
                new { skillId = sql, remove = true },
                new { skillId = tableau, requirement = "preferred" },
            },
        });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        await PostAsync(Posting("3"), HttpStatusCode.OK);

        var after = await client.GetFromJsonAsync<JsonElement>($"/jobs/{id}");
        Assert.Equal(("required", "advanced", "employer"), (Skill(after, "python").GetProperty("requirement").GetString(),
            Skill(after, "python").GetProperty("level").GetString(), Skill(after, "python").GetProperty("source").GetString()));
        Assert.True(Skill(after, "sql").GetProperty("removedByEmployer").GetBoolean());
        Assert.Equal("preferred", Skill(after, "tableau").GetProperty("requirement").GetString());
    }

    [Fact]
    public async Task Skill_edit_with_a_skill_outside_the_working_taxonomy_is_refused()
    {
        var job = await PostAsync(Posting("4"));

        var response = await client.PutAsJsonAsync($"/jobs/{job.GetProperty("id").GetGuid()}/skills", new { skills = new[] { new { skillId = long.MaxValue } } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task Closed_expired_and_deleted_postings()
    {
        var open = await PostAsync(Posting("5"));
        var expired = await PostAsync(Posting("6", validThrough: "2020-01-31"));
        Assert.Equal("expired", expired.GetProperty("status").GetString());

        var closed = await client.PostAsync($"/jobs/{open.GetProperty("id").GetGuid()}/close", null);
        Assert.Equal("closed", (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var expiredPage = await client.GetFromJsonAsync<JsonElement>($"/jobs?q={prefix}&status=expired&region=CA-ON");
        Assert.Equal(expired.GetProperty("id").GetGuid(), expiredPage.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid());
        // A region as learners give it: ON and Ontario are CA-ON; Quebec is not.
        foreach (var (region, count) in new[] { ("ON", 1), ("Ontario", 1), ("QC", 0) })
            Assert.Equal(count, (await client.GetFromJsonAsync<JsonElement>($"/jobs?q={prefix}&status=expired&region={region}")).GetProperty("items").GetArrayLength());

        var deleted = await client.DeleteAsync($"/jobs/{expired.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/jobs/{expired.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/jobs/{expired.GetProperty("id").GetGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Classify_endpoint_ranks_occupations_for_a_title()
    {
        var response = await client.PostAsJsonAsync("/occupations/classify", new { title = "RN - Med/Surg nights", k = 3 });
        var matches = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, matches.GetArrayLength());
        Assert.Equal("registered-nurse", matches[0].GetProperty("externalId").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/occupations/classify", new { title = "Cook", taxonomy = "nope" })).StatusCode);
    }
}
