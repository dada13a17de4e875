using Dapper;
using Npgsql;
using Pgvector;

namespace SkillsMatch.Extraction;

/// <summary>What extraction reads from the taxonomy: labels in their original case, and skill vectors.</summary>
public sealed class ExtractionStore(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<ExtractionSkill>> LoadSkillsAsync(int taxonomyId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long Id, string ExternalId, string Label, string[] AltLabels, Vector? Embedding)>(new CommandDefinition("""
            SELECT id, external_id, preferred_label, alt_labels, embedding FROM skills WHERE taxonomy_id = @taxonomyId ORDER BY id
            """, new { taxonomyId }, cancellationToken: ct, commandTimeout: 120));
        return rows.Select(r => new ExtractionSkill(r.Id, r.ExternalId, r.Label, r.AltLabels, r.Embedding?.ToArray())).ToList();
    }
}

public sealed record ExtractionSkill(long Id, string ExternalId, string Label, IReadOnlyList<string> AltLabels, float[]? Vector);
