using SkillsMatch.Matching.Features;
using SkillsMatch.Matching.Ranking;
using SkillsMatch.Matching.Retrieval;

namespace SkillsMatch.Matching.Placements;

/// <summary>
/// The practitioner's view: every (learner, opening) pair of a cohort scored with the ranker, and the assignment
/// with the most total fit. Unknown learners or postings are reported back rather than silently dropped.
/// </summary>
public sealed class PlacementsForCohort(MatchInputsStore inputs, SkillGraphCache graphs, MatchScorer scorer, TimeProvider time)
{
    public async Task<PlacementView> PlaceAsync(IReadOnlyList<Guid> learnerIds, IReadOnlyList<Opening> openings, double minFit, int optionsPerLearner, CancellationToken ct)
    {
        var learners = await inputs.LearnersAsync(learnerIds, ct);
        var postings = await inputs.PostingsAsync([.. openings.Select(o => o.JobId)], ct);
        var unknown = learnerIds.Where(id => !learners.ContainsKey(id)).Concat(openings.Select(o => o.JobId).Where(id => !postings.ContainsKey(id))).ToList();
        if (unknown.Count > 0) return new PlacementView(null, unknown);

        var graph = await graphs.GetAsync(ct);
        var now = time.GetUtcNow();
        var pairs = (from learner in learnerIds from opening in openings select (Learner: learner, Job: opening.JobId)).ToList();
        var results = scorer.Score([.. pairs.Select(p => (postings[p.Job].Role, learners[p.Learner]))], graph, now);
        var fits = pairs.Select((p, i) => (p, results[i].Score)).ToDictionary(x => x.p, x => x.Score);
        var solved = PlacementSolver.Solve(learnerIds, openings, fits, new PlacementOptions(minFit, optionsPerLearner));
        return new PlacementView(solved with
        {
            Learners = [.. solved.Learners.Select(l => l with { Options = [.. l.Options.Select(o => o with { Fit = Math.Round(o.Fit, 1) })] })],
        }, []);
    }
}
