namespace SkillsMatch.Matching.Plans;

/// <summary>
/// Greedy weighted set cover: repeatedly take the offering with the most newly closed value per unit of
/// the goal's metric (hours or cents) that still fits the budget, then drop offerings made redundant.
/// Without a budget this is the classic H(n) ≤ ln(n)+1 approximation; it is never claimed optimal.
/// </summary>
internal static class GreedyCover
{
    public static CoverSolution Solve(CoverProblem problem, PlanGoal goal)
    {
        var (primary, secondary) = problem.Metrics(goal);
        var closed = new bool[problem.Gaps.Count];
        var chosen = new List<int>();
        long hours = 0, cents = 0;
        while (true)
        {
            var best = -1;
            double bestRatio = 0;
            foreach (var o in Enumerable.Range(0, problem.Offerings.Count))
            {
                if (chosen.Contains(o) || !Fits(problem, o, hours, cents)) continue;
                long gained = problem.Teaches[o].Where(g => !closed[g]).Sum(g => problem.GapValues[g]);
                if (gained == 0) continue;
                // A zero-cost offering is worth taking first; the +1 keeps the ratio finite and ordered by gain.
                var ratio = gained / (primary[o] + 1.0);
                if (best < 0 || ratio > bestRatio || (ratio == bestRatio && secondary[o] < secondary[best]))
                    (best, bestRatio) = (o, ratio);
            }
            if (best < 0) break;
            chosen.Add(best);
            hours += problem.Hours[best];
            cents += problem.Cents[best];
            foreach (var g in problem.Teaches[best]) closed[g] = true;
        }
        DropRedundant(problem, chosen, primary);
        return new CoverSolution(chosen, PlanMethod.Greedy, ProvenOptimal: false);
    }

    private static bool Fits(CoverProblem problem, int o, long hours, long cents) =>
        (problem.HoursBudget is not { } h || hours + problem.Hours[o] <= h) &&
        (problem.CentsBudget is not { } c || cents + problem.Cents[o] <= c);

    /// <summary>Removes, costliest first, any chosen offering whose gaps the others already close.</summary>
    private static void DropRedundant(CoverProblem problem, List<int> chosen, long[] primary)
    {
        foreach (var o in chosen.OrderByDescending(o => primary[o]).ToList())
        {
            var others = chosen.Where(c => c != o).SelectMany(c => problem.Teaches[c]).ToHashSet();
            if (problem.Teaches[o].All(others.Contains)) chosen.Remove(o);
        }
    }
}
