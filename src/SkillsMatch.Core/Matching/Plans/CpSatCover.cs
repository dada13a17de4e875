using System.Globalization;
using Google.OrTools.Sat;

namespace SkillsMatch.Matching.Plans;

/// <summary>
/// Exact plan with OR-Tools CP-SAT: x[o] takes offering o, y[g] closes gap g only if a taken offering
/// teaches it, budgets bound the sums. The lexicographic goal is solved in phases (most value closed,
/// then the goal's metric, then the other), each phase fixing the optimum of the one before.
/// </summary>
internal static class CpSatCover
{
    /// <returns>Null when a phase ends without any solution (only on a time limit far too short).</returns>
    public static CoverSolution? Solve(CoverProblem problem, PlanGoal goal, TimeSpan timeLimit)
    {
        var model = new CpModel();
        var take = problem.Offerings.Select((_, o) => model.NewBoolVar($"x{o}")).ToArray();
        var close = problem.Gaps.Select((_, g) => model.NewBoolVar($"y{g}")).ToArray();
        var teachers = problem.Gaps.Select(_ => new List<BoolVar>()).ToArray();
        for (var o = 0; o < take.Length; o++)
            foreach (var g in problem.Teaches[o]) teachers[g].Add(take[o]);
        for (var g = 0; g < close.Length; g++)
        {
            // Without a budget every coverable gap can be closed, so the first phase is settled already.
            if (problem.HasBudget) model.Add(close[g] <= LinearExpr.Sum(teachers[g]));
            else model.AddBoolOr(teachers[g]);
        }
        if (problem.HoursBudget is { } hours) model.Add(LinearExpr.WeightedSum(take, problem.Hours) <= hours);
        if (problem.CentsBudget is { } cents) model.Add(LinearExpr.WeightedSum(take, problem.Cents) <= cents);

        var (primary, secondary) = problem.Metrics(goal);
        var proven = true;
        bool[] chosen = [];
        var phaseLimit = timeLimit / 3;

        if (problem.HasBudget)
        {
            var value = LinearExpr.WeightedSum(close, problem.GapValues);
            model.Maximize(value);
            if (Run(model, take, close, problem.GapValues, phaseLimit, closedValueOf: true) is not ({ } taken, var closedValue, var optimal)) return null;
            (chosen, proven) = (taken, proven && optimal);
            model.Add(value >= closedValue);
        }
        foreach (var metric in new[] { primary, secondary })
        {
            var expression = LinearExpr.WeightedSum(take, metric);
            model.Minimize(expression);
            model.ClearHints();
            for (var o = 0; o < take.Length && chosen.Length > 0; o++) model.AddHint(take[o], chosen[o]);
            if (Run(model, take, close, metric, phaseLimit, closedValueOf: false) is not ({ } taken, var best, var optimal)) return null;
            (chosen, proven) = (taken, proven && optimal);
            model.Add(expression <= best);
        }
        return new CoverSolution([.. Enumerable.Range(0, take.Length).Where(o => chosen[o])], PlanMethod.CpSat, proven);
    }

    private static (bool[] Taken, long Objective, bool Optimal)? Run(
        CpModel model, BoolVar[] take, BoolVar[] close, long[] weights, TimeSpan limit, bool closedValueOf)
    {
        var solver = new CpSolver
        {
            // One worker: the machine's cores belong to the web server; these models are small.
            StringParameters = string.Create(CultureInfo.InvariantCulture, $"num_workers:1, max_time_in_seconds:{limit.TotalSeconds:0.###}"),
        };
        var status = solver.Solve(model);
        // Taking nothing is always feasible, so no solution means the time ran out first.
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible)) return null;
        var taken = take.Select(x => solver.BooleanValue(x)).ToArray();
        var variables = closedValueOf ? close : take;
        var objective = variables.Select((v, i) => solver.BooleanValue(v) ? weights[i] : 0).Sum();
        return (taken, objective, status == CpSolverStatus.Optimal);
    }
}
