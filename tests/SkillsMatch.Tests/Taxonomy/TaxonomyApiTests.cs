using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using SkillsMatch.Taxonomy;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Taxonomy;

public sealed class TaxonomyApiTests : IAsyncLifetime
{
    private ApiFactory api = null!;
    private HttpClient client = null!;
    private string taxonomyKey = "";

    public async Task InitializeAsync()
    {
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        var import = TaxonomyFixture.Own();
        await new TaxonomyWriter(dataSource).WriteAsync(import);
        taxonomyKey = import.Info.Key;
        api = new ApiFactory(await TestDatabase.ConnectionStringAsync());
        client = await api.CreateClientAsync(SkillsMatch.Access.Role.Admin);
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await api.DisposeAsync();
    }

    [Fact]
    public async Task Skill_autocomplete_returns_the_exact_match_first()
    {
        var hits = await client.GetFromJsonAsync<List<SkillHit>>($"/skills?q=power%20bi&taxonomy={taxonomyKey}&limit=5");

        Assert.Equal("power-bi", hits![0].ExternalId);
        Assert.Equal("alias", hits[0].Match);
    }

    [Fact]
    public async Task Taxonomies_are_listed_with_licence_and_counts()
    {
        var taxonomies = await client.GetFromJsonAsync<List<TaxonomySummary>>("/taxonomies");

        var mine = Assert.Single(taxonomies!, t => t.Key == taxonomyKey);
        Assert.Equal("CC-BY-4.0", mine.Licence);
        Assert.Equal(12, mine.Skills);
        Assert.Equal(3, mine.Occupations);
    }

    [Fact]
    public async Task Skill_detail_and_occupation_detail_are_served_by_id()
    {
        var hit = (await client.GetFromJsonAsync<List<SkillHit>>($"/skills?q=pandas&taxonomy={taxonomyKey}"))![0];
        var skill = await client.GetFromJsonAsync<SkillDetail>($"/skills/{hit.Id}");
        var occupation = (await client.GetFromJsonAsync<List<OccupationHit>>($"/occupations?q=forklift&taxonomy={taxonomyKey}"))![0];
        var detail = await client.GetFromJsonAsync<OccupationDetail>($"/occupations/{occupation.Id}");

        Assert.Equal("python", Assert.Single(skill!.Broader).ExternalId);
        Assert.Equal("forklift operator", detail!.Title);
        Assert.Contains(detail.Skills, s => s.ExternalId == "forklift" && s.Relation == "essential");
    }

    [Theory]
    [InlineData("/skills", "Q")]
    [InlineData("/skills?q=sql&limit=0", "Limit")]
    [InlineData("/skills?q=sql&type=gadget", "Type")]
    [InlineData("/occupations?q=", "Q")]
    public async Task Bad_query_is_a_validation_problem_naming_the_field(string url, string field)
    {
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains(problem!.Errors.Keys, k => k.Equals(field, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Crosswalk_request_with_bad_fields_is_refused_and_a_good_one_builds_links()
    {
        var other = TaxonomyFixture.Own();
        await new TaxonomyWriter(await TestDatabase.MigratedDataSourceAsync()).WriteAsync(other);

        var missing = await client.PostAsJsonAsync("/crosswalks", new { from = taxonomyKey });
        var same = await client.PostAsJsonAsync("/crosswalks", new { from = taxonomyKey, to = taxonomyKey });
        var malformed = await client.PostAsync("/crosswalks", new StringContent("{\"from\": ", System.Text.Encoding.UTF8, "application/json"));
        var built = await client.PostAsJsonAsync("/crosswalks", new { from = taxonomyKey, to = other.Info.Key, threshold = 0.9 });

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("To", (await missing.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, built.StatusCode);
        Assert.Equal(12, (await built.Content.ReadFromJsonAsync<CrosswalkResult>())!.Exact);
    }

    [Fact]
    public async Task Unknown_taxonomy_and_unknown_ids_are_problems_not_empty_answers()
    {
        var unknownTaxonomy = await client.GetAsync("/skills?q=sql&taxonomy=no-such-taxonomy");
        var unknownSkill = await client.GetAsync("/skills/999999999");
        var notANumber = await client.GetAsync("/occupations/abc");

        Assert.Equal(HttpStatusCode.BadRequest, unknownTaxonomy.StatusCode);
        Assert.Contains("no-such-taxonomy", (await unknownTaxonomy.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownSkill.StatusCode);
        Assert.Equal("application/problem+json", unknownSkill.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, notANumber.StatusCode);
    }
}
