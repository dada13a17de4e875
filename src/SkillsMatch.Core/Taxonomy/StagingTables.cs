using Npgsql;
using NpgsqlTypes;

namespace SkillsMatch.Taxonomy;

/// <summary>Temporary tables a <see cref="TaxonomyWriter"/> fills by binary COPY before its set-based upserts.</summary>
internal static class StagingTables
{
    public const string Create = """
        CREATE TEMP TABLE staged_skills (external_id text, preferred_label text, alt_labels text[], description text, skill_type text, reuse_level text) ON COMMIT DROP;
        CREATE TEMP TABLE staged_groups (external_id text, label text, description text, kind text, parent_external_id text) ON COMMIT DROP;
        CREATE TEMP TABLE staged_group_members (group_external_id text, skill_external_id text) ON COMMIT DROP;
        CREATE TEMP TABLE staged_relations (skill_external_id text, related_external_id text, kind text) ON COMMIT DROP;
        CREATE TEMP TABLE staged_occupations (external_id text, title text, alt_titles text[], description text, isco_code text, onet_soc_code text, noc_code text, sector text, code text) ON COMMIT DROP;
        CREATE TEMP TABLE staged_occupation_skills (occupation_external_id text, skill_external_id text, relation text, importance real, level real) ON COMMIT DROP;
        """;

    public static async Task CopySkillsAsync(NpgsqlConnection conn, IEnumerable<SkillRecord> skills, CancellationToken ct)
    {
        await using var copy = await conn.BeginBinaryImportAsync(
            "COPY staged_skills (external_id, preferred_label, alt_labels, description, skill_type, reuse_level) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var s in skills)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(s.ExternalId, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(s.PreferredLabel, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(s.AltLabels.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await WriteNullableAsync(copy, s.Description, ct);
            await copy.WriteAsync(s.Type.ToName(), NpgsqlDbType.Text, ct);
            await WriteNullableAsync(copy, s.Reuse?.ToName(), ct);
        }
        await copy.CompleteAsync(ct);
    }

    public static async Task CopyGroupsAsync(NpgsqlConnection conn, IEnumerable<SkillGroupRecord> groups, IEnumerable<GroupMemberRecord> members, CancellationToken ct)
    {
        await using (var copy = await conn.BeginBinaryImportAsync(
            "COPY staged_groups (external_id, label, description, kind, parent_external_id) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var g in groups)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(g.ExternalId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(g.Label, NpgsqlDbType.Text, ct);
                await WriteNullableAsync(copy, g.Description, ct);
                await copy.WriteAsync(g.Kind.ToName(), NpgsqlDbType.Text, ct);
                await WriteNullableAsync(copy, g.ParentExternalId, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await conn.BeginBinaryImportAsync(
            "COPY staged_group_members (group_external_id, skill_external_id) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var m in members)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(m.GroupExternalId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(m.SkillExternalId, NpgsqlDbType.Text, ct);
            }
            await copy.CompleteAsync(ct);
        }
    }

    public static async Task CopyRelationsAsync(NpgsqlConnection conn, IEnumerable<SkillRelationRecord> relations, CancellationToken ct)
    {
        await using var copy = await conn.BeginBinaryImportAsync(
            "COPY staged_relations (skill_external_id, related_external_id, kind) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var r in relations)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.SkillExternalId, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.RelatedExternalId, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.Kind.ToName(), NpgsqlDbType.Text, ct);
        }
        await copy.CompleteAsync(ct);
    }

    public static async Task CopyOccupationsAsync(
        NpgsqlConnection conn, IEnumerable<OccupationRecord> occupations, IEnumerable<OccupationSkillRecord> links, CancellationToken ct)
    {
        await using (var copy = await conn.BeginBinaryImportAsync(
            "COPY staged_occupations (external_id, title, alt_titles, description, isco_code, onet_soc_code, noc_code, sector, code) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var o in occupations)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(o.ExternalId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(o.Title, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(o.AltTitles.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await WriteNullableAsync(copy, o.Description, ct);
                await WriteNullableAsync(copy, o.IscoCode, ct);
                await WriteNullableAsync(copy, o.OnetSocCode, ct);
                await WriteNullableAsync(copy, o.NocCode, ct);
                await WriteNullableAsync(copy, o.Sector, ct);
                await WriteNullableAsync(copy, o.Code, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await conn.BeginBinaryImportAsync(
            "COPY staged_occupation_skills (occupation_external_id, skill_external_id, relation, importance, level) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var l in links)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(l.OccupationExternalId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(l.SkillExternalId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(l.Relation.ToName(), NpgsqlDbType.Text, ct);
                if (l.Importance is { } importance) await copy.WriteAsync(importance, NpgsqlDbType.Real, ct); else await copy.WriteNullAsync(ct);
                if (l.Level is { } level) await copy.WriteAsync(level, NpgsqlDbType.Real, ct); else await copy.WriteNullAsync(ct);
            }
            await copy.CompleteAsync(ct);
        }
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct)
    {
        if (value is null) await copy.WriteNullAsync(ct);
        else await copy.WriteAsync(value, NpgsqlDbType.Text, ct);
    }
}
