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

    /// <summary>The taxonomy's skill labels in another language (skill_translations), for the lexical matcher.</summary>
    public async Task<IReadOnlyList<LexiconEntry>> LoadTranslatedLabelsAsync(int taxonomyId, string language, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<(long SkillId, string Label, bool IsPreferred)>(new CommandDefinition("""
            SELECT x.skill_id, x.label, x.is_preferred FROM skill_translations x JOIN skills s ON s.id = x.skill_id
             WHERE s.taxonomy_id = @taxonomyId AND x.lang = @language ORDER BY x.skill_id
            """, new { taxonomyId, language }, cancellationToken: ct, commandTimeout: 120)))
            .Select(r => new LexiconEntry(r.SkillId, r.Label, r.IsPreferred)).ToList();
    }
}

public sealed record ExtractionSkill(long Id, string ExternalId, string Label, IReadOnlyList<string> AltLabels, float[]? Vector);
