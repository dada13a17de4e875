namespace SkillsMatch.Matching.Plans;

/// <summary>
/// The set-cover instance behind a plan, in integers: gaps are indices, offerings carry the gap indices
/// they teach, hours in hundredths, cost in cents. A gap's value encodes the lexicographic order
/// "essential gaps closed, then importance closed, then gaps closed" in one sum (see <see cref="GapValues"/>).
/// </summary>
internal sealed class CoverProblem
{
    public required IReadOnlyList<SkillGap> Gaps { get; init; }
    public required long[] GapValues { get; init; }
    public required IReadOnlyList<PlanOffering> Offerings { get; init; }
    public required int[][] Teaches { get; init; }
    public required long[] Hours { get; init; }
    public required long[] Cents { get; init; }
    public long? HoursBudget { get; init; }
    public long? CentsBudget { get; init; }

    public bool HasBudget => HoursBudget is not null || CentsBudget is not null;

    /// <summary>What the goal minimises first, and what breaks its ties.</summary>
    public (long[] Primary, long[] Secondary) Metrics(PlanGoal goal) =>
        goal == PlanGoal.Fastest ? (Hours, Cents) : (Cents, Hours);

    public static long ScaleHours(double hours) => (long)Math.Round(hours * 100, MidpointRounding.AwayFromZero);
    public static long ScaleCost(decimal cost) => (long)Math.Round(cost * 100, MidpointRounding.AwayFromZero);

    /// <summary>
    /// value = essential·A + importance·(m+1) + 1 with importance in thousandths and A larger than every
    /// importance-and-count sum, so maximising the summed value of closed gaps is lexicographic.
    /// </summary>
    public static long[] ValuesOf(IReadOnlyList<SkillGap> gaps)
    {
        var m = gaps.Count;
        var importance = gaps.Select(g => (long)Math.Round(g.Importance * 1000, MidpointRounding.AwayFromZero)).ToArray();
        var essentialWeight = importance.Sum() * (m + 1) + m + 1;
        return [.. gaps.Select((g, i) => (g.Essential ? essentialWeight : 0) + importance[i] * (m + 1) + 1)];
    }
}

/// <summary>A chosen set of offerings (indices into <see cref="CoverProblem.Offerings"/>) and how it was found.</summary>
internal sealed record CoverSolution(IReadOnlyList<int> Chosen, PlanMethod Method, bool ProvenOptimal);
