using Dapper;

namespace SkillsMatch.Taxonomy;

public sealed partial class TaxonomyStore
{
    /// <summary>The preferred label in <paramref name="language"/> of each of the skills that has one.</summary>
    public async Task<IReadOnlyDictionary<long, string>> TranslatedSkillLabelsAsync(IReadOnlyCollection<long> skillIds, string language, CancellationToken ct)
    {
        if (skillIds.Count == 0) return new Dictionary<long, string>();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long Id, string Label)>(new CommandDefinition("""
            SELECT skill_id, label FROM skill_translations WHERE lang = @language AND is_preferred AND skill_id = ANY(@ids)
            """, new { language, ids = skillIds.ToArray() }, cancellationToken: ct));
        return rows.ToDictionary(r => r.Id, r => r.Label);
    }

    /// <summary>The preferred title in <paramref name="language"/> of each of the occupations that has one.</summary>
    public async Task<IReadOnlyDictionary<long, string>> TranslatedOccupationTitlesAsync(IReadOnlyCollection<long> occupationIds, string language, CancellationToken ct)
    {
        if (occupationIds.Count == 0) return new Dictionary<long, string>();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(long Id, string Title)>(new CommandDefinition("""
            SELECT occupation_id, title FROM occupation_translations WHERE lang = @language AND is_preferred AND occupation_id = ANY(@ids)
            """, new { language, ids = occupationIds.ToArray() }, cancellationToken: ct));
        return rows.ToDictionary(r => r.Id, r => r.Title);
    }

    /// <summary>Every skill label in <paramref name="language"/>, for the autocomplete index of that language.</summary>
    public async Task<IReadOnlyList<SkillLabel>> LoadTranslatedLabelsAsync(string language, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<SkillLabel>(new CommandDefinition($"""
            SELECT s.id AS skillid, s.taxonomy_id AS taxonomyid, {TaxonomyName} AS taxonomy, s.external_id AS externalid,
                   coalesce(p.label, s.preferred_label) AS preferredlabel, s.skill_type AS type, lower(x.label) AS text, x.is_preferred AS ispreferred
              FROM skill_translations x JOIN skills s ON s.id = x.skill_id JOIN taxonomies t ON t.id = s.taxonomy_id
              LEFT JOIN skill_translations p ON p.skill_id = x.skill_id AND p.lang = x.lang AND p.is_preferred
             WHERE x.lang = @language
            """, new { language }, cancellationToken: ct, commandTimeout: 120))).ToList();
    }
}
