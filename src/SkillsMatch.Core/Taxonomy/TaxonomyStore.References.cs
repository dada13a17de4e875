using Dapper;

namespace SkillsMatch.Taxonomy;

public sealed partial class TaxonomyStore
{
    // A reference is a database id (digits), an external id, or for skills a label or another taxonomy's URI, for occupations a title.
    private const string IdIfDigits = "CASE WHEN r.ref ~ '^[0-9]{1,18}$' THEN r.ref::bigint END";

    /// <summary>
    /// Skills of <paramref name="taxonomyId"/> named by id, external id, any label (case-insensitive), or the
    /// external id (e.g. ESCO URI) of a skill in another taxonomy crosswalked to it. Unknown references are absent.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> ResolveSkillsAsync(int taxonomyId, IEnumerable<string> references, CancellationToken ct)
    {
        var refs = references.Where(r => !string.IsNullOrWhiteSpace(r)).Distinct(StringComparer.Ordinal).ToArray();
        if (refs.Length == 0) return new Dictionary<string, long>();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(string Ref, long? SkillId)>(new CommandDefinition($"""
            SELECT r.ref, coalesce(
                (SELECT s.id FROM skills s WHERE s.taxonomy_id = @taxonomyId AND (s.id = {IdIfDigits} OR s.external_id = r.ref)
                  ORDER BY (s.id = {IdIfDigits}) IS TRUE DESC LIMIT 1),
                (SELECT l.skill_id FROM skill_labels l JOIN skills s ON s.id = l.skill_id
                  WHERE s.taxonomy_id = @taxonomyId AND l.label = lower(trim(r.ref)) ORDER BY l.is_preferred DESC, l.skill_id LIMIT 1),
                (SELECT w.id FROM skills o
                   JOIN skill_crosswalk c ON o.id IN (c.skill_id, c.target_skill_id)
                   JOIN skills w ON w.id IN (c.skill_id, c.target_skill_id) AND w.id <> o.id
                  WHERE o.external_id = r.ref AND o.taxonomy_id <> @taxonomyId AND w.taxonomy_id = @taxonomyId
                  ORDER BY c.confidence DESC, w.id LIMIT 1))
              FROM unnest(@refs) r(ref)
            """, new { taxonomyId, refs }, cancellationToken: ct));
        return rows.Where(r => r.SkillId is not null).ToDictionary(r => r.Ref, r => r.SkillId!.Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// Occupations of <paramref name="taxonomyId"/>, named by the one rule for occupation references: a database id
    /// (digits); else an external id (a code such as "data-analyst", an O*NET-SOC code, an ESCO URI); else a title,
    /// case-insensitive (the lowest id when several occupations share it). Unknown references are absent.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> ResolveOccupationsAsync(int taxonomyId, IEnumerable<string> references, CancellationToken ct)
    {
        var refs = references.Where(r => !string.IsNullOrWhiteSpace(r)).Distinct(StringComparer.Ordinal).ToArray();
        if (refs.Length == 0) return new Dictionary<string, long>();
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var rows = await conn.QueryAsync<(string Ref, long? OccupationId)>(new CommandDefinition($"""
            SELECT r.ref, coalesce(
                (SELECT o.id FROM occupations o
                  WHERE o.taxonomy_id = @taxonomyId AND (o.id = {IdIfDigits} OR o.external_id = r.ref)
                  ORDER BY (o.id = {IdIfDigits}) IS TRUE DESC LIMIT 1),
                (SELECT o.id FROM occupations o
                  WHERE o.taxonomy_id = @taxonomyId AND lower(o.title) = lower(r.ref) ORDER BY o.id LIMIT 1))
              FROM unnest(@refs) r(ref)
            """, new { taxonomyId, refs }, cancellationToken: ct));
        return rows.Where(r => r.OccupationId is not null).ToDictionary(r => r.Ref, r => r.OccupationId!.Value, StringComparer.Ordinal);
    }

    /// <summary>One occupation reference (see <see cref="ResolveOccupationsAsync"/> for the rule); null when unknown.</summary>
    public async Task<long?> ResolveOccupationAsync(int taxonomyId, string reference, CancellationToken ct) =>
        (await ResolveOccupationsAsync(taxonomyId, [reference], ct)).TryGetValue(reference, out var id) ? id : null;
}
