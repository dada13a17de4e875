using Dapper;
using Npgsql;
using SkillsMatch.Taxonomy;
using SkillsMatch.Taxonomy.Importers;
using SkillsMatch.Tests.Support;

namespace SkillsMatch.Tests.Taxonomy;

/// <summary>
/// French labels: ESCO's (v1.0 files, joined to an imported ESCO by URI, Fixtures/esco-fr) and our own taxonomy's
/// (skills_fr.tsv, occupations_fr.tsv), stored in skill_translations and occupation_translations.
/// </summary>
public sealed class TranslatedLabelsTests
{
    private const string Skill = "http://data.europa.eu/esco/skill/";

    /// <summary>The ESCO fixture under a version of its own, so tests never share its rows.</summary>
    private static async Task<(NpgsqlDataSource DataSource, TaxonomyImport Import)> EscoAsync()
    {
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        var import = await EscoImporter.ReadAsync(Fixtures.Path("esco"), "fr-" + Guid.NewGuid().ToString("N")[..8], null, CancellationToken.None);
        return (dataSource, import);
    }

    private static Task<TranslationSet> FrenchFixtureAsync() => EscoTranslations.ReadAsync(Fixtures.Path("esco-fr"), "fr", CancellationToken.None);

    private static async Task<List<(string ExternalId, string Label, bool IsPreferred)>> FrenchSkillLabelsAsync(NpgsqlDataSource dataSource, int taxonomyId)
    {
        await using var conn = await dataSource.OpenConnectionAsync();
        return (await conn.QueryAsync<(string, string, bool)>("""
            SELECT s.external_id, x.label, x.is_preferred FROM skill_translations x JOIN skills s ON s.id = x.skill_id
             WHERE s.taxonomy_id = @taxonomyId AND x.lang = 'fr' ORDER BY 1, 2
            """, new { taxonomyId })).ToList();
    }

    [Fact]
    public async Task Esco_french_labels_join_by_uri_and_the_concepts_that_do_not_join_are_counted()
    {
        var (dataSource, import) = await EscoAsync();
        import.Translations.Add(await FrenchFixtureAsync());

        var writer = new TaxonomyWriter(dataSource);
        var written = await writer.WriteAsync(import);

        var (_, french) = Assert.Single(writer.Translations);
        Assert.Equal(new TranslationWriteResult(3, 7, 2, 3, 1, 1), french);
        var labels = await FrenchSkillLabelsAsync(dataSource, written.TaxonomyId);
        Assert.Contains((Skill + "fixture-python", "Python (programmation informatique)", true), labels);
        Assert.Contains((Skill + "fixture-spreadsheets", "travailler avec des tableurs", false), labels);
        Assert.DoesNotContain(labels, l => l.ExternalId.EndsWith("gone-since-v1-0", StringComparison.Ordinal));
        var titles = await new TaxonomyStore(dataSource).TranslatedOccupationTitlesAsync(
            await OccupationIdsAsync(dataSource, written.TaxonomyId), "fr", CancellationToken.None);
        Assert.Contains("développeur de logiciels/développeuse de logiciels", titles.Values);
    }

    [Fact]
    public async Task Importing_the_french_labels_again_leaves_the_same_rows_and_an_english_reimport_keeps_them()
    {
        var (dataSource, import) = await EscoAsync();
        var french = await FrenchFixtureAsync();
        import.Translations.Add(french);
        var written = await new TaxonomyWriter(dataSource).WriteAsync(import);
        var first = await FrenchSkillLabelsAsync(dataSource, written.TaxonomyId);

        await using (var conn = await dataSource.OpenConnectionAsync())
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await TranslationWriter.WriteAsync(conn, tx, written.TaxonomyId, french, CancellationToken.None);
            await tx.CommitAsync();
        }
        import.Translations.Clear();
        await new TaxonomyWriter(dataSource).WriteAsync(import);

        Assert.Equal(first, await FrenchSkillLabelsAsync(dataSource, written.TaxonomyId));
        Assert.Equal(3 + 3 + 1, first.Count);
    }

    [Fact]
    public async Task A_folder_without_the_french_files_is_refused_with_the_missing_file_named()
    {
        var error = await Assert.ThrowsAsync<TaxonomyFormatException>(() => EscoTranslations.ReadAsync(Fixtures.Path("esco"), "fr", CancellationToken.None));

        Assert.Equal("skills_fr.csv", error.File);
    }

    [Fact]
    public async Task The_shipped_taxonomy_has_a_french_label_for_every_skill_and_occupation()
    {
        var taxonomyId = await ShippedTaxonomy.IdAsync();
        var dataSource = await TestDatabase.MigratedDataSourceAsync();
        await using var conn = await dataSource.OpenConnectionAsync();
        var (skills, labelled, occupations, titled) = await conn.QuerySingleAsync<(long, long, long, long)>("""
            SELECT (SELECT count(*) FROM skills WHERE taxonomy_id = @taxonomyId),
                   (SELECT count(*) FROM skill_translations x JOIN skills s ON s.id = x.skill_id
                     WHERE s.taxonomy_id = @taxonomyId AND x.lang = 'fr' AND x.is_preferred),
                   (SELECT count(*) FROM occupations WHERE taxonomy_id = @taxonomyId),
                   (SELECT count(*) FROM occupation_translations x JOIN occupations o ON o.id = x.occupation_id
                     WHERE o.taxonomy_id = @taxonomyId AND x.lang = 'fr' AND x.is_preferred)
            """, new { taxonomyId });
        var cloud = await conn.QuerySingleAsync<long>("SELECT id FROM skills WHERE taxonomy_id = @taxonomyId AND external_id = 'cloud-computing'", new { taxonomyId });

        Assert.Equal((skills, occupations), (labelled, titled));
        Assert.Equal("infonuagique", (await new TaxonomyStore(dataSource).TranslatedSkillLabelsAsync([cloud], "fr", CancellationToken.None))[cloud]);
    }

    [Fact]
    public void A_french_label_for_a_skill_the_taxonomy_lacks_is_reported_with_file_and_line()
    {
        var folder = Directory.CreateTempSubdirectory("skillsmatch-fr-").FullName;
        try
        {
            var shipped = DefaultTaxonomy.FindShippedTaxonomy();
            foreach (var file in Directory.GetFiles(shipped)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            var line = Fixtures.EditLine(Path.Combine(folder, "skills_fr.tsv"), null, "no-such-skill\tcompétence inconnue\t");

            var result = OwnTaxonomyReader.Read(folder);

            Assert.Null(result.Import);
            Assert.Equal(new TaxonomyProblem("skills_fr.tsv", line, "skill 'no-such-skill' does not exist"), Assert.Single(result.Problems));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<long[]> OccupationIdsAsync(NpgsqlDataSource dataSource, int taxonomyId)
    {
        await using var conn = await dataSource.OpenConnectionAsync();
        return (await conn.QueryAsync<long>("SELECT id FROM occupations WHERE taxonomy_id = @taxonomyId", new { taxonomyId })).ToArray();
    }
}
