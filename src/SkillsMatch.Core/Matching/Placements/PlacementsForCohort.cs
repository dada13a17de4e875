using SkillsMatch.Learners;
using SkillsMatch.Matching.Features;
using SkillsMatch.Matching.Ranking;
using SkillsMatch.Matching.Retrieval;

namespace SkillsMatch.Matching.Placements;

/// <summary>
/// The practitioner's view: every (learner, opening) pair of a cohort scored with the ranker, and the assignment
/// with the most total fit, told in names and titles with the reason each unassigned learner stayed so. Unknown
/// learners or postings are reported back rather than silently dropped. The caller must already be allowed to see
/// every learner of the cohort (the API's caseload rule), since their names are in the answer.
/// </summary>
public sealed class PlacementsForCohort(MatchInputsStore inputs, LearnerStore learnerStore, SkillGraphCache graphs, MatchScorer scorer, TimeProvider time)
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

        var names = await learnerStore.DisplayNamesAsync(learnerIds, ct);
        string Title(Guid job) => postings[job].Title;
        string Name(Guid learner) => names.GetValueOrDefault(learner, learner.ToString());
        return new PlacementView(solved with
        {
            Learners = [.. solved.Learners.Select(l => l with
            {
                Name = Name(l.LearnerId),
                Options = [.. l.Options.Select(o => o with { Fit = Math.Round(o.Fit, 1), Title = Title(o.JobId) })],
                AssignedTitle = l.AssignedJobId is { } job ? Title(job) : null,
                Unassigned = l.Unassigned is { } why ? why with { Fit = why.Fit is { } f ? Math.Round(f, 1) : null, Detail = Told(why, minFit, Title, Name) } : null,
            })],
        }, []);
    }

    /// <summary>The solver's reason with titles and names instead of ids.</summary>
    private static string Told(UnassignedReason why, double minFit, Func<Guid, string> title, Func<Guid, string> name) => why.Code switch
    {
        UnassignedReason.BelowMinimumFit =>
            FormattableString.Invariant($"No opening reaches the minimum fit of {minFit:0.#}: the best, {title(why.JobId!.Value)}, fits {why.Fit:0.#}."),
        UnassignedReason.OpeningsFilled =>
            FormattableString.Invariant($"Eligible, but the places went to others for a higher total fit: {title(why.JobId!.Value)} (fit {why.Fit:0.#}) went to {string.Join(", ", why.TakenBy.Select(name))}."),
        _ => why.Detail,
    };
}
