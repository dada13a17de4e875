using Google.OrTools.Graph;

namespace SkillsMatch.Matching.Placements;

/// <summary>
/// Suggests placements for a cohort: each learner in at most one opening, each opening up to its capacity,
/// maximising the total fit. Solved exactly as a min-cost flow (OR-Tools) on
/// source → learner (1) → opening (1 per pair, cost −fit) → sink (capacity), with a zero-cost
/// learner → sink arc so a learner may stay unplaced rather than force a worse assignment elsewhere.
/// </summary>
public static class PlacementSolver
{
    private const long FitScale = 10_000;
    private const long CostOffset = 100 * FitScale;

    /// <param name="fits">Fit 0–100 per (learner, job); a missing pair is not eligible.</param>
    public static PlacementResult Solve(
        IReadOnlyList<Guid> learners,
        IReadOnlyList<Opening> openings,
        IReadOnlyDictionary<(Guid Learner, Guid Job), double> fits,
        PlacementOptions? options = null)
    {
        options ??= new PlacementOptions();
        Validate(learners, openings, fits, options);
        var openingIndex = openings.Select((o, i) => (o.JobId, i)).ToDictionary(x => x.JobId, x => x.i);
        var eligible = learners.Select(_ => new List<PlacementOption>()).ToArray();
        var learnerIndex = learners.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i);
        foreach (var ((learner, job), fit) in fits)
            if (fit >= options.MinFit) eligible[learnerIndex[learner]].Add(new PlacementOption(job, fit));
        foreach (var list in eligible) list.Sort((a, b) => b.Fit != a.Fit ? b.Fit.CompareTo(a.Fit) : a.JobId.CompareTo(b.JobId));

        var assigned = Assign(learners.Count, openings, openingIndex, eligible);
        var bestOf = new Dictionary<Guid, (Guid Job, double Fit)>();
        foreach (var ((learner, job), fit) in fits)
            if (!bestOf.TryGetValue(learner, out var best) || fit > best.Fit || (fit == best.Fit && job.CompareTo(best.Job) < 0)) bestOf[learner] = (job, fit);
        var placements = learners.Select((id, l) => new LearnerPlacement(
            id,
            options.OptionsPerLearner is { } k ? [.. eligible[l].Take(k)] : eligible[l],
            assigned[l]?.JobId,
            assigned[l]?.Fit,
            Unassigned: assigned[l] is null ? WhyUnassigned(eligible[l], learners, assigned, bestOf.GetValueOrDefault(id), options.MinFit) : null)).ToList();
        return new PlacementResult(
            placements,
            placements.Sum(p => p.AssignedFit ?? 0),
            placements.Count(p => p.AssignedJobId is not null),
            "OR-Tools min-cost flow",
            ProvenOptimal: true);
    }

    /// <summary>
    /// Below the minimum everywhere, or eligible but out-placed: the solver maximises the cohort's total fit, so an
    /// eligible learner is left out only when each eligible opening's places went to others.
    /// </summary>
    private static UnassignedReason WhyUnassigned(
        List<PlacementOption> eligible, IReadOnlyList<Guid> learners, PlacementOption?[] assigned, (Guid Job, double Fit) below, double minFit)
    {
        if (eligible.Count > 0)
        {
            var best = eligible[0];
            var takenBy = learners.Where((_, i) => assigned[i]?.JobId == best.JobId).ToList();
            return new UnassignedReason(UnassignedReason.OpeningsFilled,
                FormattableString.Invariant($"Eligible for {eligible.Count} opening(s), but their places went to other learners for a higher total fit; the best, {best.JobId} (fit {best.Fit:0.#}), went to {string.Join(", ", takenBy)}."),
                best.JobId, best.Fit, takenBy);
        }
        return below.Job == Guid.Empty
            ? new UnassignedReason(UnassignedReason.NoOpening, "No opening was scored for this learner.", null, null, [])
            : new UnassignedReason(UnassignedReason.BelowMinimumFit,
                FormattableString.Invariant($"No opening reaches the minimum fit of {minFit:0.#}; the best, {below.Job}, fits {below.Fit:0.#}."), below.Job, below.Fit, []);
    }

    private static PlacementOption?[] Assign(
        int learnerCount, IReadOnlyList<Opening> openings, Dictionary<Guid, int> openingIndex, List<PlacementOption>[] eligible)
    {
        // Nodes: 0 source, 1..n learners, n+1..n+m openings, n+m+1 sink. Costs are kept ≥ 0 by
        // charging every learner CostOffset − fit when placed and CostOffset when not: same optimum.
        var sink = learnerCount + openings.Count + 1;
        using var flow = new MinCostFlow();
        var pairArcs = new List<(int Arc, int Learner, PlacementOption Option)>();
        for (var l = 0; l < learnerCount; l++)
        {
            flow.AddArcWithCapacityAndUnitCost(0, 1 + l, 1, 0);
            flow.AddArcWithCapacityAndUnitCost(1 + l, sink, 1, CostOffset);
            foreach (var option in eligible[l])
            {
                var cost = CostOffset - (long)Math.Round(option.Fit * FitScale, MidpointRounding.AwayFromZero);
                pairArcs.Add((flow.AddArcWithCapacityAndUnitCost(1 + l, 1 + learnerCount + openingIndex[option.JobId], 1, cost), l, option));
            }
        }
        for (var o = 0; o < openings.Count; o++)
            flow.AddArcWithCapacityAndUnitCost(1 + learnerCount + o, sink, Math.Min(openings[o].Capacity, learnerCount), 0);
        flow.SetNodeSupply(0, learnerCount);
        flow.SetNodeSupply(sink, -learnerCount);

        var status = flow.Solve();
        if (status != MinCostFlowBase.Status.OPTIMAL)
            throw new InvalidOperationException($"min-cost flow ended with {status}; the network always has a feasible flow, so this is a bug");
        var assigned = new PlacementOption?[learnerCount];
        foreach (var (arc, learner, option) in pairArcs)
            if (flow.Flow(arc) > 0) assigned[learner] = option;
        return assigned;
    }

    private static void Validate(
        IReadOnlyList<Guid> learners, IReadOnlyList<Opening> openings,
        IReadOnlyDictionary<(Guid Learner, Guid Job), double> fits, PlacementOptions options)
    {
        if (learners.GroupBy(l => l).FirstOrDefault(g => g.Count() > 1) is { } learner)
            throw new ArgumentException($"learner {learner.Key} appears more than once in the cohort", nameof(learners));
        if (openings.GroupBy(o => o.JobId).FirstOrDefault(g => g.Count() > 1) is { } opening)
            throw new ArgumentException($"opening {opening.Key} appears more than once", nameof(openings));
        if (openings.FirstOrDefault(o => o.Capacity < 1) is { } empty)
            throw new ArgumentException($"opening {empty.JobId} has capacity {empty.Capacity}; it must be ≥ 1", nameof(openings));
        if (!double.IsFinite(options.MinFit) || options.OptionsPerLearner is < 0)
            throw new ArgumentException("minimum fit must be a number and options per learner ≥ 0", nameof(options));
        var learnerSet = learners.ToHashSet();
        var jobSet = openings.Select(o => o.JobId).ToHashSet();
        foreach (var ((l, j), fit) in fits)
        {
            if (!learnerSet.Contains(l)) throw new ArgumentException($"a fit names learner {l}, who is not in the cohort", nameof(fits));
            if (!jobSet.Contains(j)) throw new ArgumentException($"a fit names job {j}, which is not among the openings", nameof(fits));
            if (!double.IsFinite(fit) || fit is < 0 or > 100)
                throw new ArgumentException($"fit {fit} for learner {l} and job {j} is outside 0–100", nameof(fits));
        }
    }
}
