using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace SkillsMatch.Taxonomy;

/// <summary>
/// Stores a taxonomy's labels in one language (skill_translations, occupation_translations), joined to its
/// skills and occupations by external id. The language's earlier labels for that taxonomy are replaced, so a
/// re-import leaves the same rows; labels whose concept the taxonomy lacks are counted, not stored. The
/// taxonomy's import time moves so caches built from labels (autocomplete, extraction) are rebuilt.
/// </summary>
public static class TranslationWriter
{
    public static async Task<TranslationWriteResult> WriteAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, int taxonomyId, TranslationSet set, CancellationToken ct)
    {
        await conn.ExecuteAsync(new CommandDefinition("""
            CREATE TEMP TABLE IF NOT EXISTS staged_translations (kind text, external_id text, label text, is_preferred boolean) ON COMMIT DROP;
            TRUNCATE staged_translations;
            """, transaction: tx, cancellationToken: ct));
        await using (var copy = await conn.BeginBinaryImportAsync(
            "COPY staged_translations (kind, external_id, label, is_preferred) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (kind, concepts) in new[] { ("skill", set.Skills), ("occupation", set.Occupations) })
                foreach (var concept in concepts)
                    foreach (var (label, preferred) in Labels(concept))
                    {
                        await copy.StartRowAsync(ct);
                        await copy.WriteAsync(kind, NpgsqlDbType.Text, ct);
                        await copy.WriteAsync(concept.ExternalId, NpgsqlDbType.Text, ct);
                        await copy.WriteAsync(label, NpgsqlDbType.Text, ct);
                        await copy.WriteAsync(preferred, NpgsqlDbType.Boolean, ct);
                    }
            await copy.CompleteAsync(ct);
        }
        return await conn.QuerySingleAsync<TranslationWriteResult>(new CommandDefinition(Replace,
            new { t = taxonomyId, lang = set.Language }, tx, commandTimeout: 300, cancellationToken: ct));
    }

    /// <summary>The preferred label, then each alternative once (case-sensitively distinct, the preferred excluded).</summary>
    public static IEnumerable<(string Label, bool Preferred)> Labels(TranslatedLabels concept)
    {
        var preferred = concept.Preferred.Trim();
        if (preferred.Length > 0) yield return (preferred, true);
        var seen = new HashSet<string>(StringComparer.Ordinal) { preferred };
        foreach (var alternative in concept.Alternatives)
        {
            var label = alternative.Trim();
            if (label.Length > 0 && seen.Add(label)) yield return (label, false);
        }
    }

    private const string Replace = """
        ANALYZE staged_translations;
        DELETE FROM skill_translations x USING skills s WHERE s.id = x.skill_id AND s.taxonomy_id = @t AND x.lang = @lang;
        DELETE FROM occupation_translations x USING occupations o WHERE o.id = x.occupation_id AND o.taxonomy_id = @t AND x.lang = @lang;
        INSERT INTO skill_translations (skill_id, lang, label, is_preferred)
        SELECT s.id, @lang, x.label, x.is_preferred FROM staged_translations x
          JOIN skills s ON s.taxonomy_id = @t AND s.external_id = x.external_id
         WHERE x.kind = 'skill'
        ON CONFLICT DO NOTHING;
        INSERT INTO occupation_translations (occupation_id, lang, title, is_preferred)
        SELECT o.id, @lang, x.label, x.is_preferred FROM staged_translations x
          JOIN occupations o ON o.taxonomy_id = @t AND o.external_id = x.external_id
         WHERE x.kind = 'occupation'
        ON CONFLICT DO NOTHING;
        UPDATE taxonomies SET imported_at = now() WHERE id = @t;
        SELECT (SELECT count(DISTINCT x.skill_id) FROM skill_translations x JOIN skills s ON s.id = x.skill_id
                 WHERE s.taxonomy_id = @t AND x.lang = @lang) AS skills,
               (SELECT count(*) FROM skills WHERE taxonomy_id = @t) AS taxonomyskills,
               (SELECT count(DISTINCT x.occupation_id) FROM occupation_translations x JOIN occupations o ON o.id = x.occupation_id
                 WHERE o.taxonomy_id = @t AND x.lang = @lang) AS occupations,
               (SELECT count(*) FROM occupations WHERE taxonomy_id = @t) AS taxonomyoccupations,
               (SELECT count(DISTINCT x.external_id) FROM staged_translations x
                 WHERE x.kind = 'skill' AND NOT EXISTS (SELECT 1 FROM skills s WHERE s.taxonomy_id = @t AND s.external_id = x.external_id)) AS unjoinedskills,
               (SELECT count(DISTINCT x.external_id) FROM staged_translations x
                 WHERE x.kind = 'occupation' AND NOT EXISTS (SELECT 1 FROM occupations o WHERE o.taxonomy_id = @t AND o.external_id = x.external_id)) AS unjoinedoccupations;
        """;
}

/// <summary>
/// After a language's labels are stored: how many of the taxonomy's skills and occupations have a label in it, and how
/// many concepts of the source named no skill or occupation of the taxonomy (ESCO v1.0 concepts that v1.1.1 dropped).
/// </summary>
public sealed record TranslationWriteResult(
    long Skills, long TaxonomySkills, long Occupations, long TaxonomyOccupations, long UnjoinedSkills, long UnjoinedOccupations);
