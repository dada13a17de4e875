using Dapper;
using Npgsql;
using SkillsMatch.Extraction;
using SkillsMatch.Taxonomy;

namespace SkillsMatch.Credentials.Storage;

/// <summary>
/// The working-taxonomy skills a credential's achievements name or mention. Alignments (ESCO URIs, O*NET codes, CTDL
/// URLs or codes, our own ids) map by external id or code in the working taxonomy, then through <c>skill_crosswalk</c>
/// from a skill of another loaded taxonomy, then by exact label. The extraction pipeline reads each achievement's
/// text (name, description and criteria joined by newlines; spans are offsets into that text).
/// </summary>
public sealed class CredentialSkills(NpgsqlDataSource dataSource, WorkingTaxonomy working, SkillExtractor extractor)
{
    public async Task<IReadOnlyList<FoundSkill>> FindAsync(CredentialVerdict verdict, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var taxonomyId = await working.GetIdAsync(ct);
        var found = new List<FoundSkill>();
        await using (var conn = await dataSource.OpenConnectionAsync(ct))
        {
            foreach (var alignment in verdict.Achievements.SelectMany(a => a.Alignments))
            {
                var match = await MatchAlignmentAsync(conn, taxonomyId, alignment, ct);
                if (match is { } m)
                    found.Add(new FoundSkill(m.SkillId, true, m.Confidence, alignment.TargetUrl ?? alignment.TargetCode ?? alignment.TargetName!));
            }
        }
        foreach (var text in verdict.Achievements.Select(AchievementText).Where(t => t.Length > 0))
        {
            var extracted = await extractor.ExtractAsync(text, taxonomyId, new ExtractionOptions(), ct);
            foreach (var skill in extracted.Skills)
            {
                var span = skill.Spans[0];
                found.Add(new FoundSkill(skill.SkillId, false, skill.Confidence, span.Text, span.Start, span.Start + span.Length));
            }
        }
        return found;
    }

    /// <summary>What extraction reads for an achievement; evidence spans are offsets into it.</summary>
    public static string AchievementText(CredentialAchievement achievement)
    {
        ArgumentNullException.ThrowIfNull(achievement);
        return string.Join('\n', new[] { achievement.Name, achievement.Description, achievement.CriteriaNarrative }
            .Where(p => !string.IsNullOrWhiteSpace(p)));
    }

    private static async Task<AlignmentMatch?> MatchAlignmentAsync(
        NpgsqlConnection conn, int taxonomyId, CredentialAlignment alignment, CancellationToken ct)
    {
        var keys = Keys(alignment);
        var label = alignment.TargetName?.Trim().ToLowerInvariant();
        if (keys.Count == 0 && string.IsNullOrEmpty(label)) return null;
        return await conn.QueryFirstOrDefaultAsync<AlignmentMatch>(new CommandDefinition("""
            SELECT skill_id AS skillid, confidence FROM (
                SELECT s.id AS skill_id, 1.0::float8 AS confidence, 0 AS rank
                  FROM skills s WHERE s.taxonomy_id = @taxonomyId AND s.external_id = ANY(@keys)
                UNION ALL
                SELECT x.target_skill_id, x.confidence::float8, 1
                  FROM skills o JOIN skill_crosswalk x ON x.skill_id = o.id JOIN skills w ON w.id = x.target_skill_id
                 WHERE o.taxonomy_id <> @taxonomyId AND o.external_id = ANY(@keys) AND w.taxonomy_id = @taxonomyId
                UNION ALL
                SELECT x.skill_id, x.confidence::float8, 1
                  FROM skills o JOIN skill_crosswalk x ON x.target_skill_id = o.id JOIN skills w ON w.id = x.skill_id
                 WHERE o.taxonomy_id <> @taxonomyId AND o.external_id = ANY(@keys) AND w.taxonomy_id = @taxonomyId
                UNION ALL
                SELECT s.id, 1.0, 2
                  FROM skill_labels l JOIN skills s ON s.id = l.skill_id
                 WHERE s.taxonomy_id = @taxonomyId AND l.label = @label
            ) m ORDER BY rank, confidence DESC, skill_id LIMIT 1
            """, new { taxonomyId, keys = keys.ToArray(), label = label ?? "" }, cancellationToken: ct));
    }

    private sealed record AlignmentMatch(long SkillId, double Confidence);

    /// <summary>The external ids an alignment may name: its URL and code as given, ESCO URIs under either scheme, O*NET commodity codes.</summary>
    private static List<string> Keys(CredentialAlignment alignment)
    {
        var keys = new List<string>();
        foreach (var value in new[] { alignment.TargetUrl, alignment.TargetCode })
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            var key = value.Trim();
            keys.Add(key);
            // ESCO publishes http:// concept URIs; issuers often write https://.
            if (key.StartsWith("https://data.europa.eu/esco/", StringComparison.OrdinalIgnoreCase)) keys.Add("http://" + key["https://".Length..]);
            // Our O*NET import keys technology skills by UNSPSC commodity code as tech:NNNNNNNN.
            if (key.Length == 8 && key.All(char.IsAsciiDigit)) keys.Add("tech:" + key);
        }
        return keys;
    }
}
