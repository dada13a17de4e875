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

    public static string FindShippedTaxonomy() =>
        Path.GetDirectoryName(RepositoryFiles.Find("data", "taxonomies", "skillsmatch", "taxonomy.tsv"))
        ?? throw new InvalidOperationException("data/taxonomies/skillsmatch was not found; set Taxonomy:DefaultPath.");
}
