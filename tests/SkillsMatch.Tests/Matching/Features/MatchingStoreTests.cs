using Dapper;
using SkillsMatch.Matching.Features;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Matching.Features;

public sealed class MatchingStoreTests
{
    [Fact]
    public async Task The_shipped_taxonomy_loads_as_a_skill_graph_and_occupation_profiles()
    {
        var taxonomyId = await ShippedTaxonomy.IdAsync();
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        await using var conn = await dataSource.OpenConnectionAsync();
        var ids = (await conn.QueryAsync<(string ExternalId, long Id)>(
                "SELECT external_id, id FROM skills WHERE taxonomy_id = @taxonomyId AND external_id IN ('microsoft-excel', 'spreadsheets', 'sql')", new { taxonomyId }))
            .ToDictionary(r => r.ExternalId, r => r.Id);
        var store = new MatchingStore(dataSource);

        var graph = await store.LoadSkillGraphAsync(taxonomyId, CancellationToken.None);
        var occupations = await store.LoadOccupationProfilesAsync(taxonomyId, CancellationToken.None);

        Assert.Equal(1588, graph.SkillsWithVectors);
        Assert.Contains(graph.Neighbours(ids["microsoft-excel"]), n => n.SkillId == ids["spreadsheets"] && n.Kind == SkillRelationKind.Broader);
        Assert.Contains(graph.Neighbours(ids["spreadsheets"]), n => n.SkillId == ids["microsoft-excel"] && n.Kind == SkillRelationKind.Narrower);
        Assert.Equal(209, occupations.Count);
        var analyst = Assert.Single(occupations, o => o.Title == "data analyst");
        Assert.Equal("2511", analyst.IscoCode);
        Assert.Contains(analyst.Skills, s => s.SkillId == ids["sql"] && s.Kind == RequirementKind.Essential);
        Assert.Contains(analyst.Skills, s => s.Kind == RequirementKind.Optional);
    }
}
