using Dapper;
using Pgvector;

namespace SkillsMatch.Taxonomy;

public sealed partial class TaxonomyStore
{
    /// <summary>Every occupation of a taxonomy with its titles and title vector: what title normalisation compares against.</summary>
    public async Task<IReadOnlyList<OccupationTitles>> LoadOccupationTitlesAsync(int taxonomyId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long Id, string ExternalId, string Title, string[] AltTitles, Vector? Embedding, string? Code, string? IscoCode)>(new CommandDefinition("""
            SELECT id, external_id, title, alt_titles, embedding, code, isco_code FROM occupations WHERE taxonomy_id = @taxonomyId ORDER BY id
            """, new { taxonomyId }, cancellationToken: ct, commandTimeout: 120));
        return rows.Select(r => new OccupationTitles(r.Id, r.ExternalId, r.Title, r.AltTitles, r.Embedding?.ToArray(), r.Code, r.IscoCode)).ToList();
    }
}

/// <param name="Code">The source's own code (ESCO "2422.10"), where it has one.</param>
public sealed record OccupationTitles(long Id, string ExternalId, string Title, IReadOnlyList<string> AltTitles, float[]? Vector,
    string? Code = null, string? IscoCode = null);
