using Dapper;
using SkillsMatch.Storage;

namespace SkillsMatch.Access;

/// <summary>
/// What a practitioner's caseload page shows beside each name, for many learners in two queries: credentials waiting to be
/// bound to the learner (holder-not-bound) and the biggest gaps — essential skills of the learner's target occupations
/// they do not hold, the ones most open postings require first. The caller has already been allowed to see each learner.
/// </summary>
public sealed class CaseloadHighlightsStore(ReadRouting reads)
{
    public async Task<IReadOnlyDictionary<Guid, CaseloadHighlights>> ForLearnersAsync(IReadOnlyCollection<Guid> learnerIds, int gapsPerLearner, CancellationToken ct)
    {
        if (learnerIds.Count == 0) return new Dictionary<Guid, CaseloadHighlights>();
        await using var conn = await reads.OpenAsync(ct);
        using var grid = await conn.QueryMultipleAsync(new CommandDefinition("""
            SELECT l.id, (SELECT count(*) FROM learner_credentials c WHERE c.learner_id = l.id AND NOT c.holder_bound)::int
              FROM learners l WHERE l.id = ANY(@ids);
            WITH lacking AS (
                SELECT DISTINCT l.id AS learner_id, os.skill_id
                  FROM learners l
                  JOIN occupation_skills os ON os.occupation_id = ANY (l.target_occupation_ids) AND os.relation = 'essential'
                 WHERE l.id = ANY(@ids) AND NOT (os.skill_id = ANY (l.skill_ids))
            ), demand AS (
                SELECT k.skill_id,
                       (SELECT count(*) FROM job_postings p WHERE p.required_skill_ids @> ARRAY[k.skill_id] AND p.status = 'open'
                           AND (p.valid_through IS NULL OR p.valid_through >= now()))::int AS postings
                  FROM (SELECT DISTINCT skill_id FROM lacking) k
            ), ranked AS (
                SELECT g.learner_id, g.skill_id, s.preferred_label AS label, d.postings,
                       row_number() OVER (PARTITION BY g.learner_id ORDER BY d.postings DESC, s.preferred_label) AS n
                  FROM lacking g JOIN demand d USING (skill_id) JOIN skills s ON s.id = g.skill_id
            )
            SELECT learner_id, skill_id, label, postings FROM ranked WHERE n <= @gapsPerLearner ORDER BY learner_id, n;
            """, new { ids = learnerIds.ToArray(), gapsPerLearner }, cancellationToken: ct));
        var pending = (await grid.ReadAsync<(Guid Id, int Pending)>()).ToList();
        var gaps = (await grid.ReadAsync<(Guid LearnerId, long SkillId, string Label, int Postings)>()).ToLookup(g => g.LearnerId);
        return pending.ToDictionary(p => p.Id, p => new CaseloadHighlights(p.Id, p.Pending,
            [.. gaps[p.Id].Select(g => new CaseloadGap(g.SkillId, g.Label, g.Postings))]));
    }
}

/// <param name="CredentialsPendingBinding">Stored credentials whose subject is not yet bound to the learner.</param>
/// <param name="Gaps">Biggest first.</param>
public sealed record CaseloadHighlights(Guid LearnerId, int CredentialsPendingBinding, IReadOnlyList<CaseloadGap> Gaps);

/// <param name="OpenPostings">Open postings requiring the skill.</param>
public sealed record CaseloadGap(long SkillId, string Label, int OpenPostings);
