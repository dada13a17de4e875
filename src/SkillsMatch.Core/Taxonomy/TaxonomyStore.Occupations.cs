using Dapper;
using Pgvector;

namespace SkillsMatch.Taxonomy;

public sealed partial class TaxonomyStore
{
    /// <summary>Every occupation of a taxonomy with its titles and title vector: what title normalisation compares against.</summary>
    public async Task<IReadOnlyList<OccupationTitles>> LoadOccupationTitlesAsync(int taxonomyId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long Id, string ExternalId, string Title, string[] AltTitles, Vector? Embedding)>(new CommandDefinition("""
            SELECT id, external_id, title, alt_titles, embedding FROM occupations WHERE taxonomy_id = @taxonomyId ORDER BY id
            """, new { taxonomyId }, cancellationToken: ct, commandTimeout: 120));
        return rows.Select(r => new OccupationTitles(r.Id, r.ExternalId, r.Title, r.AltTitles, r.Embedding?.ToArray())).ToList();
    }
}

public sealed record OccupationTitles(long Id, string ExternalId, string Title, IReadOnlyList<string> AltTitles, float[]? Vector);
