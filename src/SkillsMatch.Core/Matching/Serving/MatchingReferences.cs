using Dapper;
using Npgsql;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Matching.Serving;

/// <summary>Resolves what people type (an id, a code such as "sql" or "data-analyst", a preferred label) to working-taxonomy ids.</summary>
public sealed class MatchingReferences(NpgsqlDataSource dataSource, WorkingTaxonomy working)
{
    public async Task<IReadOnlyDictionary<string, long>> SkillsAsync(IReadOnlyCollection<string> references, CancellationToken ct)
    {
        if (references.Count == 0) return new Dictionary<string, long>();
        var taxonomyId = await working.GetIdAsync(ct);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long Id, string ExternalId, string Label)>(new CommandDefinition("""
            SELECT id, external_id, preferred_label FROM skills
             WHERE taxonomy_id = @taxonomyId
               AND (id = ANY(@ids) OR external_id = ANY(@refs) OR lower(preferred_label) = ANY(@lowered))
            """, new
        {
            taxonomyId,
            ids = references.Select(r => long.TryParse(r, out var id) ? id : -1).ToArray(),
            refs = references.ToArray(),
            lowered = references.Select(r => r.ToLowerInvariant()).ToArray(),
        }, cancellationToken: ct));
        var found = new Dictionary<string, long>();
        foreach (var reference in references)
        {
            var match = rows.FirstOrDefault(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == reference || r.ExternalId == reference)
                is { Id: > 0 } exact ? exact : rows.FirstOrDefault(r => string.Equals(r.Label, reference, StringComparison.OrdinalIgnoreCase));
            if (match.Id > 0) found[reference] = match.Id;
        }
        return found;
    }

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
