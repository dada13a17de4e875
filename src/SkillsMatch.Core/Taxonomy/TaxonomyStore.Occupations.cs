using Dapper;
using Pgvector;

namespace SkillsMatch.Taxonomy;

public sealed partial class TaxonomyStore
{
    /// <summary>
    /// Every occupation of a taxonomy with its titles and title vector: what title normalisation compares against. The
    /// titles include the occupation's translated ones (occupation_translations: ESCO's and our French titles), so a
    /// French posted title is matched by its words as an English one is.
    /// </summary>
    public async Task<IReadOnlyList<OccupationTitles>> LoadOccupationTitlesAsync(int taxonomyId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long Id, string ExternalId, string Title, string[] AltTitles, Vector? Embedding, string? Code, string? IscoCode)>(new CommandDefinition("""
            SELECT o.id, o.external_id, o.title,
                   o.alt_titles || coalesce((SELECT array_agg(x.title ORDER BY x.is_preferred DESC, x.title) FROM occupation_translations x
                                              WHERE x.occupation_id = o.id), '{}') AS alt_titles,
                   o.embedding, o.code, o.isco_code
              FROM occupations o WHERE o.taxonomy_id = @taxonomyId ORDER BY o.id
            """, new { taxonomyId }, cancellationToken: ct, commandTimeout: 120));
        return rows.Select(r => new OccupationTitles(r.Id, r.ExternalId, r.Title, r.AltTitles, r.Embedding?.ToArray(), r.Code, r.IscoCode)).ToList();
    }
}

/// <param name="Code">The source's own code (ESCO "2422.10"), where it has one.</param>
public sealed record OccupationTitles(long Id, string ExternalId, string Title, IReadOnlyList<string> AltTitles, float[]? Vector,
    string? Code = null, string? IscoCode = null);
