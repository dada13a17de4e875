using SkillsMatch.Matching.Explanation;
using SkillsMatch.Matching.Features;
using SkillsMatch.Matching.Retrieval;
using SkillsMatch.Telemetry;

namespace SkillsMatch.Matching;

/// <summary>
/// The employer's view: consenting learners near a role (a posting, or an ad-hoc list of skills), ranked and
/// explained, showing only the parts each learner chose to share.
/// </summary>
public sealed class CandidatesForRole(MatchInputsStore inputs, MatchRetrieval retrieval, TopMatches top, SkillGraphCache graphs)
{
    /// <summary>Null when there is no such posting.</summary>
    public async Task<IReadOnlyList<CandidateMatch>?> ForPostingAsync(Guid postingId, CandidateFilter filter, int limit, CancellationToken ct)
    {
        var postings = await inputs.PostingsAsync([postingId], ct);
        if (!postings.TryGetValue(postingId, out var posting)) return null;
        // A minimum tier for a posting means: at least one of its essential skills held at that tier or better.
        if (filter.MinTier is not null && filter.RequiredSkillIds is null)
            filter = filter with
            {
                RequiredSkillIds = posting.Role.EssentialSkillIds,
                RequireAll = false,
            };
        return await RankAsync(posting.Role, filter, limit, ct);
    }

    /// <summary>Candidates for an ad-hoc list of required skills; the role's vector is the mean of the skills' vectors.</summary>
    public async Task<IReadOnlyList<CandidateMatch>> ForSkillsAsync(IReadOnlyList<long> skillIds, CandidateFilter filter, int limit, CancellationToken ct)
    {
        var graph = await graphs.GetAsync(ct);
        var role = new RoleProfile(skillIds.Select(id => new RoleRequirement(id, RequirementKind.Essential)).ToList(),
            graph.MeanVector(skillIds.Select(id => (id, 1.0))));
        return await RankAsync(role, filter with { RequiredSkillIds = filter.RequiredSkillIds ?? skillIds }, limit, ct);
    }

    /// <summary>
    /// The card an employer would see for <paramref name="profile"/> against a posting, with the consent the profile
    /// carries (its <see cref="VisibleProfile.VisibleParts"/>): the learner's own "what employers see" preview. Null when
    /// there is no such learner or posting. Nothing is read about consent here; the caller decides it.
    /// </summary>
    public async Task<CandidateMatch?> PreviewAsync(VisibleProfile profile, Guid postingId, CancellationToken ct)
    {
        var postings = await inputs.PostingsAsync([postingId], ct);
        var learners = await inputs.LearnersAsync([profile.Id], ct);
        if (!postings.TryGetValue(postingId, out var posting) || !learners.TryGetValue(profile.Id, out var skills)) return null;
        var ranked = await top.RankAsync([(posting.Role, skills, Key: profile)], 1, showEvidence: true, ct, view: "candidates");
        return ranked is [var only] ? Shown(only.Key, Math.Round(only.Result.Score, 1), only.Explanation) : null;
    }

    private async Task<IReadOnlyList<CandidateMatch>> RankAsync(RoleProfile role, CandidateFilter filter, int limit, CancellationToken ct)
    {
        // Overlap on what the role needs: sharing only its assets says little, and each skill counted costs a scan.
        var essential = role.EssentialSkillIds;
        var overlapSkills = essential.Length > 0 ? essential : [.. role.Requirements.Select(r => r.SkillId)];
        IReadOnlyDictionary<Guid, (LearnerSkills Skills, VisibleProfile Profile)> candidates;
        using (SkillsMatchTelemetry.Stage("retrieval", "candidates"))
            candidates = await retrieval.LearnersAsync(role.Embedding, overlapSkills, filter, MatchRetrieval.Depth(limit), LoadAsync, ct);
        // A learner holding none of what the role needs is not a candidate, however alike the profiles read (issue 18).
        var pairs = candidates.Values.Where(c => filter.IncludeWeak || overlapSkills.Any(id => c.Skills.TryGet(id, out _)))
            .Select(c => (role, c.Skills, Key: c.Profile)).ToList();
        var ranked = await top.RankAsync(pairs, limit, showEvidence: true, ct, view: "candidates");
        return ranked.Select(r => Shown(r.Key, Math.Round(r.Result.Score, 1), r.Explanation)).ToList();
    }

    /// <summary>The skills and what the learner shows employers are independent reads: two connections at once.</summary>
    private async Task<IReadOnlyDictionary<Guid, (LearnerSkills Skills, VisibleProfile Profile)>> LoadAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var learnersRead = inputs.LearnersAsync(ids, ct);
        var profilesRead = inputs.VisibleProfilesAsync(ids, ct);
        await Task.WhenAll(learnersRead, profilesRead);
        var (learners, profiles) = (await learnersRead, await profilesRead);
        return learners.Where(l => profiles.ContainsKey(l.Key)).ToDictionary(l => l.Key, l => (l.Value, profiles[l.Key]));
    }

    /// <summary>Contact details only when the learner shares them; evidence only when they share credentials; experience and education only when shared.</summary>
    private static CandidateMatch Shown(VisibleProfile profile, double score, MatchExplanation explanation)
    {
        var contact = profile.VisibleParts.Contains("contact");
        var credentials = profile.VisibleParts.Contains("credentials");
        var shown = credentials ? explanation : explanation with
        {
            Requirements = [.. explanation.Requirements.Select(r => r with { Evidence = null })],
        };
        IReadOnlyList<SharedHistoryEntry>? Part(string kind) =>
            profile.VisibleParts.Contains(kind) ? [.. profile.History.Where(h => h.Kind == kind)] : null;
        return new CandidateMatch(profile.Id, contact ? profile.DisplayName : null, contact ? profile.Email : null, profile.Region, profile.City,
            score, shown, [.. profile.VisibleParts], Part("experience"), Part("education"));
    }
}
