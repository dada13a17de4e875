using Dapper;
using Npgsql;
using SkillsMatch.Taxonomy;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Taxonomy;

public sealed class TaxonomyWriterTests
{
    [Fact]
    public async Task Import_stores_skills_labels_relations_groups_and_profiles()
    {
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        var import = TaxonomyFixture.Own();

        var result = await new TaxonomyWriter(dataSource).WriteAsync(import);

        Assert.Equal(12, result.Skills);
        Assert.Equal(3, result.Occupations);
        Assert.Equal(import.OccupationSkills.Count, result.OccupationSkills);
        Assert.Equal(import.SkillRelations.Count, result.SkillRelations);
        await using var conn = await dataSource.OpenConnectionAsync();
        var labels = (await conn.QueryAsync<string>(
            "SELECT l.label FROM skill_labels l JOIN skills s ON s.id = l.skill_id WHERE s.taxonomy_id = @t AND s.external_id = 'cpp'",
            new { t = result.TaxonomyId })).ToList();
        Assert.Equal(["c plus plus", "c++", "cpp"], labels.Order());
    }

    [Fact]
    public async Task Reimport_updates_in_place_keeping_ids_and_never_duplicates()
    {
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        var import = TaxonomyFixture.Own();
        var writer = new TaxonomyWriter(dataSource);
        var first = await writer.WriteAsync(import);
        var sqlId = await SkillIdAsync(dataSource, first.TaxonomyId, "sql");

        var renamed = import.Skills.Single(s => s.ExternalId == "sql") with { PreferredLabel = "SQL (structured query language)" };
        import.Skills[import.Skills.FindIndex(s => s.ExternalId == "sql")] = renamed;
        import.Skills.RemoveAll(s => s.ExternalId == "french");
        import.OccupationSkills.RemoveAll(l => l.SkillExternalId == "french");
        var second = await writer.WriteAsync(import);

        Assert.Equal(first.TaxonomyId, second.TaxonomyId);
        Assert.Equal(11, second.Skills);
        Assert.Equal(sqlId, await SkillIdAsync(dataSource, second.TaxonomyId, "sql"));
        await using var conn = await dataSource.OpenConnectionAsync();
        Assert.Equal("SQL (structured query language)", await conn.QuerySingleAsync<string>("SELECT preferred_label FROM skills WHERE id = @sqlId", new { sqlId }));
        Assert.Equal(1, await conn.QuerySingleAsync<int>("SELECT count(*)::int FROM taxonomies WHERE key = @Key", import.Info));
    }

    [Fact]
    public async Task New_version_is_a_new_taxonomy_beside_the_old_one()
    {
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        var v1 = TaxonomyFixture.Own("1.0.0");
        var v2 = TaxonomyFixture.CopyWith(v1, v1.Info with { Version = "2.0.0" });
        var writer = new TaxonomyWriter(dataSource);

        var first = await writer.WriteAsync(v1);
        var second = await writer.WriteAsync(v2);

        Assert.NotEqual(first.TaxonomyId, second.TaxonomyId);
        Assert.Equal(12, second.Skills);
    }

    [Fact]
    public async Task Failed_import_leaves_nothing_behind()
    {
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        var import = TaxonomyFixture.Own();
        // An empty label passes the reader's in-memory checks here but violates a table constraint mid-write.
        import.Occupations.Add(new OccupationRecord("broken", "", [], null, null, null, null, null));

        await Assert.ThrowsAsync<PostgresException>(() => new TaxonomyWriter(dataSource).WriteAsync(import));

        await using var conn = await dataSource.OpenConnectionAsync();
        Assert.Equal(0, await conn.QuerySingleAsync<int>("SELECT count(*)::int FROM taxonomies WHERE key = @Key", import.Info));
    }

    [Fact]
    public async Task Dangling_reference_is_refused_before_anything_is_written()
    {
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        var import = TaxonomyFixture.Own();
        import.OccupationSkills.Add(new OccupationSkillRecord("data-analyst", "no-such-skill", SkillRequirement.Optional, null, null));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new TaxonomyWriter(dataSource).WriteAsync(import));

        Assert.Contains("no-such-skill", error.Message, StringComparison.Ordinal);
    }

    private static async Task<long> SkillIdAsync(NpgsqlDataSource dataSource, int taxonomyId, string externalId)
    {
        await using var conn = await dataSource.OpenConnectionAsync();
        return await conn.QuerySingleAsync<long>("SELECT id FROM skills WHERE taxonomy_id = @taxonomyId AND external_id = @externalId", new { taxonomyId, externalId });
    }
}
