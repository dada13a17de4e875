using Dapper;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Npgsql;
using SkillsMatch.Taxonomy.Importers;

namespace SkillsMatch.Taxonomy;

/// <summary>
/// The shipped SkillsMatch taxonomy (data/taxonomies/skillsmatch) is the run command's default: it is
/// imported on first start, and again only when the shipped version changes.
/// </summary>
public sealed class DefaultTaxonomy(
    NpgsqlDataSource dataSource, ILogger<DefaultTaxonomy> logger, IEmbeddingGenerator<string, Embedding<float>>? embeddings = null)
{
    private const long SeedLockKey = 0x536b696c6c5458;

    public async Task EnsureAsync(string? configuredPath, CancellationToken ct)
    {
        var path = configuredPath is { Length: > 0 } ? configuredPath : FindShippedTaxonomy();
        var read = OwnTaxonomyReader.Read(path);
        if (read.Import is null)
            throw new InvalidOperationException($"The shipped taxonomy in {path} is invalid: {string.Join("; ", read.Problems.Take(5))}");

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        // Several hosts may start at once; one imports, the others find it done.
        await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@SeedLockKey)", new { SeedLockKey }, cancellationToken: ct));
        try
        {
            var taxonomyId = await conn.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(
                "SELECT id FROM taxonomies WHERE key = @Key AND version = @Version", read.Import.Info, cancellationToken: ct));
            if (taxonomyId is null)
            {
                var written = await new TaxonomyWriter(dataSource).WriteAsync(read.Import, ct: ct);
                taxonomyId = written.TaxonomyId;
                logger.LogInformation("Imported the shipped taxonomy {Key}@{Version}: {Skills} skills, {Occupations} occupations",
                    read.Import.Info.Key, read.Import.Info.Version, written.Skills, written.Occupations);
            }
            // A fresh import writes the concepts only; their labels in other languages are stored (or brought up to date) here.
            await UpdateTranslationsAsync(conn, taxonomyId.Value, read.Import.Translations, ct);
            if (embeddings is not null)
            {
                var embedded = await new TaxonomyEmbedder(dataSource, embeddings).EmbedAsync(taxonomyId.Value, ct: ct);
                if (embedded.Skills + embedded.Occupations > 0)
                    logger.LogInformation("Embedded {Skills} skills and {Occupations} occupations of the shipped taxonomy", embedded.Skills, embedded.Occupations);
            }
        }
        finally
        {
            await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@SeedLockKey)", new { SeedLockKey }, cancellationToken: CancellationToken.None));
        }
    }

    /// <summary>
    /// The shipped version may already be stored from before its labels in another language were written (or changed):
    /// those are brought up to date without a new version, and left alone (caches kept) when they already agree.
    /// </summary>
    private async Task UpdateTranslationsAsync(NpgsqlConnection conn, int taxonomyId, IReadOnlyList<TranslationSet> sets, CancellationToken ct)
    {
        foreach (var set in sets)
        {
            var stored = (await conn.QueryAsync<string>(new CommandDefinition(StoredLabels, new { t = taxonomyId, lang = set.Language }, cancellationToken: ct)))
                .ToHashSet(StringComparer.Ordinal);
            var shipped = set.Skills.SelectMany(c => Rows("skill", c)).Concat(set.Occupations.SelectMany(c => Rows("occupation", c)))
                .ToHashSet(StringComparer.Ordinal);
            if (stored.SetEquals(shipped)) continue;
            await using var tx = await conn.BeginTransactionAsync(ct);
            var written = await TranslationWriter.WriteAsync(conn, tx, taxonomyId, set, ct);
            await tx.CommitAsync(ct);
            logger.LogInformation("Stored the shipped taxonomy's {Language} labels: {Skills} skills, {Occupations} occupations",
                set.Language, written.Skills, written.Occupations);
        }

        static IEnumerable<string> Rows(string kind, TranslatedLabels c) =>
            TranslationWriter.Labels(c).Select(l => $"{kind}\t{c.ExternalId}\t{l.Label}\t{(l.Preferred ? 't' : 'f')}");
    }

    private const string StoredLabels = """
        SELECT 'skill' || E'\t' || s.external_id || E'\t' || x.label || E'\t' || CASE WHEN x.is_preferred THEN 't' ELSE 'f' END
          FROM skill_translations x JOIN skills s ON s.id = x.skill_id WHERE s.taxonomy_id = @t AND x.lang = @lang
        UNION ALL
        SELECT 'occupation' || E'\t' || o.external_id || E'\t' || x.title || E'\t' || CASE WHEN x.is_preferred THEN 't' ELSE 'f' END
          FROM occupation_translations x JOIN occupations o ON o.id = x.occupation_id WHERE o.taxonomy_id = @t AND x.lang = @lang
        """;

    public static string FindShippedTaxonomy() =>
        Path.GetDirectoryName(RepositoryFiles.Find("data", "taxonomies", "skillsmatch", "taxonomy.tsv"))
        ?? throw new InvalidOperationException("data/taxonomies/skillsmatch was not found; set Taxonomy:DefaultPath.");
}
