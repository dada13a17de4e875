using Dapper;
using Npgsql;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Matching.Serving;

/// <summary>Resolves an occupation as people type it (an id, a code such as "data-analyst", a title) in the working taxonomy.
/// Skills resolve through <see cref="TaxonomyStore.ResolveSkillsAsync"/>.</summary>
public sealed class MatchingReferences(NpgsqlDataSource dataSource, WorkingTaxonomy working)
{
    public async Task<long?> OccupationAsync(string reference, CancellationToken ct)
    {
        var taxonomyId = await working.GetIdAsync(ct);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await conn.QueryFirstOrDefaultAsync<long?>(new CommandDefinition("""
            SELECT id FROM occupations
             WHERE taxonomy_id = @taxonomyId AND (id = @id OR external_id = @reference OR lower(title) = lower(@reference))
             ORDER BY (external_id = @reference) DESC LIMIT 1
            """, new { taxonomyId, reference, id = long.TryParse(reference, out var id) ? id : -1 }, cancellationToken: ct));
    }
}
