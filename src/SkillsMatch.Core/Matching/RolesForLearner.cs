using SkillsMatch.Matching.Retrieval;
using SkillsMatch.Telemetry;

namespace SkillsMatch.Matching;

/// <summary>
/// The learner's view: open postings near the learner's profile and skills, ranked and explained. With a
/// <see cref="RoleMatchCache"/>, a learner's matches are remembered while nothing they depend on has changed.
/// </summary>
public sealed class RolesForLearner(MatchInputsStore inputs, MatchRetrieval retrieval, TopMatches top, RoleMatchCache? remembered = null)
{
    /// <summary>
    /// The learner's matches under the filter their profile and the request give (<see cref="RoleScope"/>), saying which
    /// applied; null when there is no such learner.
    /// </summary>
    public async Task<RoleMatches?> FindForLearnerAsync(Guid learnerId, RoleRequest request, int limit, CancellationToken ct)
    {
        if (await inputs.ReachAsync(learnerId, ct) is not { } reach) return null;
        var applied = RoleScope.Resolve(request, reach.Region, reach.WillingToRelocate);
        return await FindAsync(learnerId, applied.ToFilter(), limit, ct) is { } matches ? new RoleMatches(applied, matches) : null;
    }

    /// <summary>Null when there is no such learner.</summary>
    public async Task<IReadOnlyList<RoleMatch>?> FindAsync(Guid learnerId, RoleFilter filter, int limit, CancellationToken ct)
    {
        if (remembered is null) return await ComputeAsync(learnerId, filter, limit, ct);
        if (await remembered.VersionsAsync(learnerId, ct) is not { } versions) return null;
        var known = remembered.Find(learnerId, filter, limit, versions);
        SkillsMatchTelemetry.MatchCacheLookup(hit: known is not null);
        if (known is not null) return known;
        var matches = await ComputeAsync(learnerId, filter, limit, ct);
        if (matches is not null) remembered.Remember(learnerId, filter, limit, versions, matches);
        return matches;
    }

    private async Task<IReadOnlyList<RoleMatch>?> ComputeAsync(Guid learnerId, RoleFilter filter, int limit, CancellationToken ct)
    {
        var retrieving = SkillsMatchTelemetry.Stage("retrieval", "roles");
        var learners = await inputs.LearnersAsync([learnerId], ct);
        if (!learners.TryGetValue(learnerId, out var learner)) return null;
        var postings = await retrieval.PostingsAsync(
            learner.Embedding, [.. learner.All.Select(s => s.SkillId)], filter, MatchRetrieval.Depth(limit), inputs.PostingsAsync, ct);
        retrieving.Dispose();
        var ranked = await top.RankAsync(postings.Values.Select(p => (p.Role, learner, Key: p)).ToList(), limit, showEvidence: true, ct, view: "roles");
        return ranked.Select(r => new RoleMatch(r.Key.Id, r.Key.Title, r.Key.Employer, r.Key.Region, r.Key.City, r.Key.Remote,
            Math.Round(r.Result.Score, 1), r.Explanation)).ToList();
    }
}
