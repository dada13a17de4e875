using SkillsMatch.Taxonomy;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Taxonomy;

public sealed class TaxonomyStoreTests
{
    [Theory]
    [InlineData("SQL", "sql", "exact")]
    [InlineData("structured query language", "sql", "alias")]
    [InlineData("pyth", "python", "prefix")]
    [InlineData("pyhton", "python", "fuzzy")]
    [InlineData("visualization", "data-visualisation", "word")]
    [InlineData("C++", "cpp", "exact")]
    [InlineData("c#", "csharp", "exact")]
    public async Task Label_search_finds_exact_alias_prefix_word_and_typo_matches(string query, string expected, string match)
    {
        var (store, taxonomyId) = await ImportedAsync();

        var hits = await new SkillSearch(store).SearchAsync(query, taxonomyId, null, 5, CancellationToken.None);

        Assert.NotEmpty(hits);
        Assert.Equal(expected, hits[0].ExternalId);
        Assert.Equal(match, hits[0].Match);
    }

    [Fact]
    public async Task Label_search_ranks_exact_before_prefix_and_filters_by_type()
    {
        var (store, taxonomyId) = await ImportedAsync();

        var all = await new SkillSearch(store).SearchAsync("data", taxonomyId, null, 10, CancellationToken.None);
        var tools = await new SkillSearch(store).SearchAsync("p", taxonomyId, "tool", 10, CancellationToken.None);

        Assert.Equal(all.OrderByDescending(h => h.Score).Select(h => h.Id), all.Select(h => h.Id));
        Assert.All(tools, h => Assert.Equal("tool", h.Type));
        Assert.Contains(tools, h => h.ExternalId == "python");
    }

    [Fact]
    public async Task Skill_detail_has_broader_narrower_related_groups_and_occupations()
    {
        var (store, taxonomyId) = await ImportedAsync();
        var python = (await new SkillSearch(store).SearchAsync("Python", taxonomyId, null, 1, CancellationToken.None))[0];

        var detail = await store.GetSkillAsync(python.Id, CancellationToken.None);

        Assert.NotNull(detail);
        Assert.Equal("programming", Assert.Single(detail.Broader).ExternalId);
        Assert.Equal("pandas", Assert.Single(detail.Narrower).ExternalId);
        Assert.Contains(detail.Related, r => r.ExternalId == "pandas" && r.Relation == "prerequisite of");
        Assert.Contains("Data", detail.Groups);
        Assert.Contains(detail.NeededBy, o => o.Title == "software developer" && o.Relation == "essential");
        Assert.Contains(detail.NeededBy, o => o.Title == "data analyst" && o.Relation == "optional");
    }

    [Fact]
    public async Task Occupation_search_by_title_alias_and_code_and_detail_with_profile()
    {
        var (store, taxonomyId) = await ImportedAsync();

        var byAlias = await store.SearchOccupationsAsync("junior data analyst", taxonomyId, 5, CancellationToken.None);
        var byCode = await store.SearchOccupationsAsync("21223", taxonomyId, 5, CancellationToken.None);
        var detail = await store.GetOccupationAsync(byCode[0].Id, CancellationToken.None);

        Assert.Equal("data analyst", byAlias[0].Title);
        Assert.Equal("data analyst", byCode[0].Title);
        Assert.NotNull(detail);
        Assert.Equal(3, detail.Skills.Count(s => s.Relation == "essential"));
        Assert.Contains(detail.Skills, s => s.ExternalId == "power-bi" && s.Relation == "optional");
    }

    [Fact]
    public async Task Occupation_reference_resolves_by_id_external_id_or_title_and_nothing_else()
    {
        var (store, taxonomyId) = await ImportedAsync();
        var id = (await store.SearchOccupationsAsync("21223", taxonomyId, 1, CancellationToken.None))[0].Id;
        var idText = id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var resolved = await store.ResolveOccupationsAsync(taxonomyId, [idText, "data-analyst", "Data Analyst", "junior data analyst", "astronaut"], CancellationToken.None);

        Assert.Equal(id, resolved[idText]);
        Assert.Equal(id, resolved["data-analyst"]);
        Assert.Equal(id, resolved["Data Analyst"]);
        Assert.False(resolved.ContainsKey("junior data analyst"), "an alternative title is a search term, not a reference");
        Assert.False(resolved.ContainsKey("astronaut"));
        Assert.Equal(id, await store.ResolveOccupationAsync(taxonomyId, "DATA ANALYST", CancellationToken.None));
    }

    [Fact]
    public async Task Taxonomy_reference_resolves_by_key_key_at_version_and_id()
    {
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        var import = TaxonomyFixture.Own("3.1.0");
        var written = await new TaxonomyWriter(dataSource).WriteAsync(import);
        var store = new TaxonomyStore(dataSource);

        Assert.Equal(written.TaxonomyId, await store.ResolveTaxonomyAsync(import.Info.Key, CancellationToken.None));
        Assert.Equal(written.TaxonomyId, await store.ResolveTaxonomyAsync($"{import.Info.Key}@3.1.0", CancellationToken.None));
        Assert.Equal(written.TaxonomyId, await store.ResolveTaxonomyAsync($"{written.TaxonomyId}", CancellationToken.None));
        Assert.Null(await store.ResolveTaxonomyAsync($"{import.Info.Key}@9.9.9", CancellationToken.None));
    }

    private static async Task<(TaxonomyStore Store, int TaxonomyId)> ImportedAsync()
    {
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        var written = await new TaxonomyWriter(dataSource).WriteAsync(TaxonomyFixture.Own());
        return (new TaxonomyStore(dataSource), written.TaxonomyId);
    }
}
