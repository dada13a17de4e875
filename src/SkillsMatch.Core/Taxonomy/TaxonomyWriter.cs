using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace SkillsMatch.Taxonomy;

/// <summary>
/// Stores a <see cref="TaxonomyImport"/> in one transaction: a failed import leaves nothing behind.
/// Re-importing the same key and version updates rows in place (skill and occupation ids stay stable, so
/// nothing that points at them breaks) and removes what the new files no longer contain; a new version
/// is a new taxonomy. Rows arrive by binary COPY into staging tables, then set-based upserts.
/// </summary>
public sealed class TaxonomyWriter(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// After <see cref="WriteAsync"/>: each language's labels stored with the taxonomy and how many concepts they reached
    /// (kept off <see cref="TaxonomyWriteResult"/>, which callers pass to Dapper as parameters).
    /// </summary>
    public IReadOnlyList<(TranslationSet Set, TranslationWriteResult Written)> Translations { get; private set; } = [];

    public async Task<TaxonomyWriteResult> WriteAsync(TaxonomyImport import, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        TaxonomyImportCheck.ThrowIfInconsistent(import);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);

        var info = import.Info;
        var taxonomyId = await conn.QuerySingleAsync<int>(new CommandDefinition("""
            INSERT INTO taxonomies (key, version, name, source, licence, attribution)
            VALUES (@Key, @Version, @Name, @Source, @Licence, @Attribution)
            ON CONFLICT (key, version) DO UPDATE
               SET name = EXCLUDED.name, source = EXCLUDED.source, licence = EXCLUDED.licence,
                   attribution = EXCLUDED.attribution, imported_at = now()
            RETURNING id
            """, info, tx, cancellationToken: ct));
        var p = new { t = taxonomyId };

        await conn.ExecuteAsync(new CommandDefinition(StagingTables.Create, transaction: tx, cancellationToken: ct));
        progress?.Report(new ImportProgress("Storing skills", 0, import.Skills.Count));
        await StagingTables.CopySkillsAsync(conn, import.Skills, ct);
        await AnalyzeAsync(conn, "staged_skills", ct);
        await conn.ExecuteAsync(new CommandDefinition(UpsertSkills, p, tx, BulkTimeout, cancellationToken: ct));
        progress?.Report(new ImportProgress("Storing skills", import.Skills.Count, import.Skills.Count));

        progress?.Report(new ImportProgress("Storing groups", 0, import.Groups.Count));
        await StagingTables.CopyGroupsAsync(conn, import.Groups, import.GroupMembers, ct);
        await AnalyzeAsync(conn, "staged_groups, staged_group_members", ct);
        await conn.ExecuteAsync(new CommandDefinition(UpsertGroups, p, tx, BulkTimeout, cancellationToken: ct));

        progress?.Report(new ImportProgress("Storing skill relations", 0, import.SkillRelations.Count));
        await StagingTables.CopyRelationsAsync(conn, import.SkillRelations, ct);
        await AnalyzeAsync(conn, "staged_relations", ct);
        await conn.ExecuteAsync(new CommandDefinition(ReplaceRelations, p, tx, BulkTimeout, cancellationToken: ct));

        progress?.Report(new ImportProgress("Storing occupations", 0, import.Occupations.Count));
        await StagingTables.CopyOccupationsAsync(conn, import.Occupations, import.OccupationSkills, ct);
        await AnalyzeAsync(conn, "staged_occupations, staged_occupation_skills", ct);
        await conn.ExecuteAsync(new CommandDefinition(UpsertOccupations, p, tx, BulkTimeout, cancellationToken: ct));
        progress?.Report(new ImportProgress("Storing occupations", import.Occupations.Count, import.Occupations.Count));

        var translated = new List<(TranslationSet, TranslationWriteResult)>();
        foreach (var translations in import.Translations)
        {
            progress?.Report(new ImportProgress($"Storing {translations.Language} labels", 0, null));
            translated.Add((translations, await TranslationWriter.WriteAsync(conn, tx, taxonomyId, translations, ct)));
        }

        var counts = await conn.QuerySingleAsync<TaxonomyWriteResult>(new CommandDefinition("""
            SELECT @t AS taxonomyid,
                   (SELECT count(*) FROM skills WHERE taxonomy_id = @t) AS skills,
                   (SELECT count(*) FROM occupations WHERE taxonomy_id = @t) AS occupations,
                   (SELECT count(*) FROM occupation_skills os JOIN occupations o ON o.id = os.occupation_id WHERE o.taxonomy_id = @t) AS occupationskills,
                   (SELECT count(*) FROM skill_relations r JOIN skills s ON s.id = r.skill_id WHERE s.taxonomy_id = @t) AS skillrelations,
                   (SELECT count(*) FROM skill_groups WHERE taxonomy_id = @t) AS groups
            """, p, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        Translations = translated;
        return counts;
    }

    /// <summary>Temporary tables have no statistics until analysed; without them the planner joins 124k staged rows by nested loops.</summary>
    private static async Task AnalyzeAsync(NpgsqlConnection conn, string tables, CancellationToken ct) =>
        await conn.ExecuteAsync(new CommandDefinition($"ANALYZE {tables}", cancellationToken: ct));

    /// <summary>Seconds a set-based statement over a whole taxonomy (ESCO: 124k relations) may take on a busy machine.</summary>
    private const int BulkTimeout = 900;

    private const string UpsertSkills = """
        INSERT INTO skills (taxonomy_id, external_id, preferred_label, alt_labels, description, skill_type, reuse_level)
        SELECT @t, external_id, preferred_label, alt_labels, description, skill_type, reuse_level FROM staged_skills
        ON CONFLICT (taxonomy_id, external_id) DO UPDATE
           SET preferred_label = EXCLUDED.preferred_label, alt_labels = EXCLUDED.alt_labels,
               description = EXCLUDED.description, skill_type = EXCLUDED.skill_type, reuse_level = EXCLUDED.reuse_level;
        DELETE FROM skills s WHERE s.taxonomy_id = @t
           AND NOT EXISTS (SELECT 1 FROM staged_skills x WHERE x.external_id = s.external_id);

        DELETE FROM skill_labels l USING skills s WHERE s.id = l.skill_id AND s.taxonomy_id = @t;
        INSERT INTO skill_labels (skill_id, label, is_preferred)
        SELECT id, lower(preferred_label), true FROM skills WHERE taxonomy_id = @t
        UNION ALL
        SELECT s.id, lower(a.label), false FROM skills s CROSS JOIN LATERAL unnest(s.alt_labels) AS a(label)
         WHERE s.taxonomy_id = @t AND a.label <> ''
        ON CONFLICT (skill_id, label) DO NOTHING;
        """;

    private const string UpsertGroups = """
        INSERT INTO skill_groups (taxonomy_id, external_id, label, description, kind)
        SELECT @t, external_id, label, description, kind FROM staged_groups
        ON CONFLICT (taxonomy_id, external_id) DO UPDATE
           SET label = EXCLUDED.label, description = EXCLUDED.description, kind = EXCLUDED.kind;
        DELETE FROM skill_groups g WHERE g.taxonomy_id = @t
           AND NOT EXISTS (SELECT 1 FROM staged_groups x WHERE x.external_id = g.external_id);
        UPDATE skill_groups g SET parent_group_id = parent.id
          FROM staged_groups x LEFT JOIN skill_groups parent ON parent.taxonomy_id = @t AND parent.external_id = x.parent_external_id
         WHERE g.taxonomy_id = @t AND g.external_id = x.external_id;

        DELETE FROM skill_group_members m USING skill_groups g WHERE g.id = m.group_id AND g.taxonomy_id = @t;
        INSERT INTO skill_group_members (group_id, skill_id)
        SELECT g.id, s.id FROM staged_group_members x
          JOIN skill_groups g ON g.taxonomy_id = @t AND g.external_id = x.group_external_id
          JOIN skills s ON s.taxonomy_id = @t AND s.external_id = x.skill_external_id
        ON CONFLICT DO NOTHING;
        """;

    private const string ReplaceRelations = """
        DELETE FROM skill_relations r USING skills s WHERE s.id = r.skill_id AND s.taxonomy_id = @t;
        INSERT INTO skill_relations (skill_id, related_skill_id, kind)
        SELECT a.id, b.id, x.kind FROM staged_relations x
          JOIN skills a ON a.taxonomy_id = @t AND a.external_id = x.skill_external_id
          JOIN skills b ON b.taxonomy_id = @t AND b.external_id = x.related_external_id
         WHERE a.id <> b.id
        ON CONFLICT DO NOTHING;
        """;

    private const string UpsertOccupations = """
        INSERT INTO occupations (taxonomy_id, external_id, title, alt_titles, description, isco_code, onet_soc_code, noc_code, sector, code)
        SELECT @t, external_id, title, alt_titles, description, isco_code, onet_soc_code, noc_code, sector, code FROM staged_occupations
        ON CONFLICT (taxonomy_id, external_id) DO UPDATE
           SET title = EXCLUDED.title, alt_titles = EXCLUDED.alt_titles, description = EXCLUDED.description,
               isco_code = EXCLUDED.isco_code, onet_soc_code = EXCLUDED.onet_soc_code,
               noc_code = EXCLUDED.noc_code, sector = EXCLUDED.sector, code = EXCLUDED.code;
        DELETE FROM occupations o WHERE o.taxonomy_id = @t
           AND NOT EXISTS (SELECT 1 FROM staged_occupations x WHERE x.external_id = o.external_id);

        DELETE FROM occupation_skills os USING occupations o WHERE o.id = os.occupation_id AND o.taxonomy_id = @t;
        INSERT INTO occupation_skills (occupation_id, skill_id, relation, importance, level)
        SELECT o.id, s.id, x.relation, x.importance, x.level FROM staged_occupation_skills x
          JOIN occupations o ON o.taxonomy_id = @t AND o.external_id = x.occupation_external_id
          JOIN skills s ON s.taxonomy_id = @t AND s.external_id = x.skill_external_id
        ON CONFLICT (occupation_id, skill_id) DO UPDATE
           SET relation = CASE WHEN occupation_skills.relation = 'essential' THEN 'essential' ELSE EXCLUDED.relation END,
               importance = greatest(occupation_skills.importance, EXCLUDED.importance),
               level = greatest(occupation_skills.level, EXCLUDED.level);
        """;
}

public sealed record TaxonomyWriteResult(int TaxonomyId, long Skills, long Occupations, long OccupationSkills, long SkillRelations, long Groups);
