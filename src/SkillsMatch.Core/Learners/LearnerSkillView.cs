using Dapper;
using Npgsql;
using SkillsMatch.Extraction;

namespace SkillsMatch.Learners;

/// <summary>
/// A learner's skills with all their evidence merged: per skill the best tier, every evidence item, the
/// strongest level evidenced and when it was last evidenced; strongest tier first, then confidence.
/// One query for one learner or for many (<see cref="LoadManyAsync"/>), for profiles and matching alike.
/// </summary>
public sealed class LearnerSkillView(NpgsqlDataSource dataSource)
{
    // credential_id is read through to_jsonb so this query does not depend on whether the credentials
    // migration has added the column (and works whatever its type).
    private const string EvidenceSql = """
        SELECT e.learner_id AS learnerid, e.skill_id AS skillid, s.external_id AS externalid, s.preferred_label AS label,
               e.tier, e.source, to_jsonb(e) ->> 'credential_id' AS credentialid, e.experience_id AS experienceid,
               e.detail, e.span_start AS spanstart, e.span_end AS spanend, e.confidence::float8 AS confidence,
               e.level, e.years::float8 AS years, e.evidenced_at AS evidencedat
          FROM learner_skill_evidence e JOIN skills s ON s.id = e.skill_id
         WHERE e.learner_id = ANY(@learnerIds)
         ORDER BY e.learner_id, e.skill_id, e.tier DESC, e.confidence DESC, e.evidenced_at DESC, e.id
        """;

    public async Task<IReadOnlyList<LearnerSkillEntry>> LoadAsync(Guid learnerId, CancellationToken ct) =>
        (await LoadManyAsync([learnerId], ct)).GetValueOrDefault(learnerId) ?? [];

    /// <summary>The merged view of each learner named; learners without evidence map to an empty list.</summary>
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<LearnerSkillEntry>>> LoadManyAsync(IReadOnlyCollection<Guid> learnerIds, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await LoadManyAsync(conn, null, learnerIds, ct);
    }

    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<LearnerSkillEntry>>> LoadManyAsync(
        NpgsqlConnection conn, NpgsqlTransaction? tx, IReadOnlyCollection<Guid> learnerIds, CancellationToken ct)
    {
        var rows = await conn.QueryAsync<EvidenceRow>(new CommandDefinition(EvidenceSql, new { learnerIds = learnerIds.ToArray() }, tx, cancellationToken: ct));
        var views = learnerIds.Distinct().ToDictionary(id => id, _ => (IReadOnlyList<LearnerSkillEntry>)[]);
        foreach (var learner in rows.GroupBy(r => r.LearnerId))
            views[learner.Key] = learner.GroupBy(r => r.SkillId).Select(Merge)
                .OrderByDescending(s => s.BestTierNumber).ThenByDescending(s => s.Confidence).ThenBy(s => s.Label, StringComparer.Ordinal)
                .ToList();
        return views;
    }

    // Rows arrive strongest first within a skill, so the first row carries the best tier and its confidence.
    private static LearnerSkillEntry Merge(IGrouping<long, EvidenceRow> skill)
    {
        var first = skill.First();
        var evidence = skill.Select(r => new SkillEvidence(
            (EvidenceTier)r.Tier, r.Tier, r.Source, r.CredentialId, r.ExperienceId, r.Detail, r.SpanStart, r.SpanEnd,
            r.Confidence, LearnerChecks.ParseLevel(r.Level), r.Years, r.EvidencedAt)).ToList();
        return new LearnerSkillEntry(first.SkillId, first.ExternalId, first.Label, (EvidenceTier)first.Tier, first.Tier, first.Confidence,
            evidence.Max(e => e.Level), evidence.Max(e => e.EvidencedAt), evidence);
    }

    private sealed class EvidenceRow
    {
        public Guid LearnerId { get; init; }
        public long SkillId { get; init; }
        public string ExternalId { get; init; } = "";
        public string Label { get; init; } = "";
        public short Tier { get; init; }
        public string Source { get; init; } = "";
        public string? CredentialId { get; init; }
        public Guid? ExperienceId { get; init; }
        public string? Detail { get; init; }
        public int? SpanStart { get; init; }
        public int? SpanEnd { get; init; }
        public double Confidence { get; init; }
        public string? Level { get; init; }
        public double? Years { get; init; }
        public DateTime EvidencedAt { get; init; }
    }
}

/// <summary>One skill of a learner: its best tier (name and number), strongest level, last evidence and every item behind it.</summary>
public sealed record LearnerSkillEntry(
    long SkillId, string ExternalId, string Label, EvidenceTier BestTier, short BestTierNumber, double Confidence,
    Proficiency? Level, DateTime LastEvidenced, IReadOnlyList<SkillEvidence> Evidence);

/// <param name="Source">credential-alignment, credential-text, experience, education or self.</param>
/// <param name="Detail">The alignment (URL or code) or the matched text.</param>
/// <param name="SpanStart">Where the matched text starts in the experience's title, a newline, then its description.</param>
public sealed record SkillEvidence(
    EvidenceTier Tier, short TierNumber, string Source, string? CredentialId, Guid? ExperienceId, string? Detail,
    int? SpanStart, int? SpanEnd, double Confidence, Proficiency? Level, double? Years, DateTime EvidencedAt);
