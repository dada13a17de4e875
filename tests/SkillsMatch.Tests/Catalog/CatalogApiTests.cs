using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using SkillsMatch.Tests.Learners;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Catalog;

public sealed class CatalogApiTests : LearnerApiHost
{
    [Fact]
    public async Task Offering_is_created_read_replaced_and_deleted_with_aligned_skills()
    {
        var externalId = "test-" + Guid.NewGuid().ToString("N")[..10];
        var sqlId = await SkillIdAsync("sql");

        var created = await Client.PostAsJsonAsync("/catalog", new
        {
            externalId, title = "SQL for Analysts", provider = "Northern College", issuerUri = "https://northern.example.ca/issuer",
            description = "Querying relational data.", url = "https://northern.example.ca/sql", hours = 24, cost = 450.00, format = "In person",
            language = "English", region = "Ontario", stackableInto = new List<string> { "data-analytics-certificate" }, qualityAssurance = "accredited",
            skills = new List<object> { sqlId, "Microsoft Excel", "pivot-tables" },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var offering = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = offering.GetProperty("id").GetGuid();
        Assert.Equal("in-person", offering.GetProperty("format").GetString());
        Assert.Equal("en", offering.GetProperty("language").GetString());
        Assert.Equal("CA-ON", offering.GetProperty("region").GetString());
        Assert.Equal("CAD", offering.GetProperty("currency").GetString());
        Assert.Equal(450m, offering.GetProperty("cost").GetDecimal());
        Assert.Equal(["microsoft-excel", "pivot-tables", "sql"], SkillIds(offering));
        Assert.All(offering.GetProperty("skills").EnumerateArray(), s => Assert.Equal("alignment", s.GetProperty("source").GetString()));

        var replaced = await Client.PutAsJsonAsync($"/catalog/{id}", new
        {
            externalId, title = "SQL for Analysts (2nd ed.)", provider = "Northern College", format = "online", language = "fr",
            skills = new List<string> { "sql-joins" },
        });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var read = await GetJsonAsync($"/catalog/{id}");
        Assert.Equal("SQL for Analysts (2nd ed.)", read.GetProperty("title").GetString());
        Assert.Equal(["sql-joins"], SkillIds(read));
        Assert.Equal(JsonValueKind.Null, read.GetProperty("cost").ValueKind);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/catalog/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/catalog/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PutAsJsonAsync($"/catalog/{id}", new { externalId, title = "x", provider = "y", format = "online", language = "en" })).StatusCode);
    }

    [Fact]
    public async Task Without_alignments_skills_are_extracted_from_title_and_description()
    {
        var response = await Client.PostAsJsonAsync("/catalog", new
        {
            externalId = "test-" + Guid.NewGuid().ToString("N")[..10], title = "Dashboards with Power BI", provider = "Prairie Polytechnic",
            description = "Build interactive dashboards in Power BI and write SQL queries to feed them.", format = "online", language = "en",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var offering = await response.Content.ReadFromJsonAsync<JsonElement>();
        var skills = offering.GetProperty("skills").EnumerateArray().ToList();
        Assert.Contains(skills, s => s.GetProperty("externalId").GetString() == "power-bi");
        Assert.Contains(skills, s => s.GetProperty("externalId").GetString() == "sql");
        Assert.All(skills, s => Assert.Equal("extracted", s.GetProperty("source").GetString()));
        Assert.All(skills, s => Assert.InRange(s.GetProperty("confidence").GetDouble(), 0.01, 1));
    }

    [Fact]
    public async Task Bad_offering_names_each_wrong_field_and_stores_nothing()
    {
        var externalId = "test-" + Guid.NewGuid().ToString("N")[..10];

        var response = await Client.PostAsJsonAsync("/catalog", new
        {
            externalId, title = "Bad", provider = "Nobody", format = "carrier pigeon", language = "klingon", region = "Gondor",
            cost = -5, currency = "USD", url = "ftp://example.ca", qualityAssurance = "gold", skills = new List<string> { "sql", "underwater basket weaving" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        Assert.Equal(["cost", "currency", "format", "language", "qualityAssurance", "region", "skills[1]", "url"],
            problem.Errors.Keys.Order(StringComparer.Ordinal).ToArray());
        await using var conn = await (await TestDatabase.MigratedDataSourceAsync()).OpenConnectionAsync();
        Assert.Equal(0, await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM catalog_offerings WHERE external_id = @externalId", new { externalId }));
    }

    [Fact]
    public async Task Duplicate_external_id_is_a_conflict()
    {
        var body = new { externalId = "test-" + Guid.NewGuid().ToString("N")[..10], title = "Once", provider = "P", format = "online", language = "en", skills = new List<string> { "sql" } };

        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync("/catalog", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Client.PostAsJsonAsync("/catalog", body with { })).StatusCode);
    }

    [Fact]
    public async Task Filters_narrow_by_words_skill_format_language_and_cost()
    {
        var tag = "zq" + Guid.NewGuid().ToString("N")[..8];
        async Task Add(string suffix, string format, string language, decimal? cost, string skill) =>
            Assert.Equal(HttpStatusCode.Created, (await Client.PostAsJsonAsync("/catalog", new
            {
                externalId = $"{tag}-{suffix}", title = $"{tag} {suffix}", provider = "Filter College", format, language, cost, skills = new[] { skill },
            })).StatusCode);
        await Add("a", "online", "en", 100, "sql");
        await Add("b", "online", "fr", 900, "sql");
        await Add("c", "hybrid", "en", 0, "python");
        await Add("d", "in-person", "en", null, "sql");

        Assert.Equal(4, (await SearchAsync($"q={tag}")).Count);
        Assert.Equal(["a", "b", "d"], await SearchAsync($"q={tag}&skill=sql"));
        Assert.Equal(["a", "b"], await SearchAsync($"q={tag}&format=online"));
        Assert.Equal(["b"], await SearchAsync($"q={tag}&language=fr"));
        Assert.Equal(["a", "c"], await SearchAsync($"q={tag}&maxCost=100"));
        Assert.Equal(["a"], await SearchAsync($"q={tag}&skill=SQL&format=online&language=en&maxCost=500"));
        var page = await GetJsonAsync($"/catalog?q={tag}&limit=2&offset=2");
        Assert.Equal(4, page.GetProperty("total").GetInt64());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());

        var bad = await Client.GetAsync($"/catalog?skill=no-such-skill-{tag}&format=fax");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["format", "skill"], (await bad.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    private async Task<List<string>> SearchAsync(string query)
    {
        var page = await GetJsonAsync("/catalog?limit=50&" + query);
        return page.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("externalId").GetString()![(o.GetProperty("externalId").GetString()!.LastIndexOf('-') + 1)..])
            .Order(StringComparer.Ordinal).ToList();
    }

    private static string[] SkillIds(JsonElement offering) =>
        offering.GetProperty("skills").EnumerateArray().Select(s => s.GetProperty("externalId").GetString()!).Order(StringComparer.Ordinal).ToArray();
}
