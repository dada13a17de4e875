namespace SkillsMatch.Matching.Plans;

/// <summary>A skill the learner lacks for the target role; <paramref name="Importance"/> is ≥ 0 (e.g. 0–1).</summary>
public sealed record SkillGap(long SkillId, string Label, double Importance, bool Essential);

/// <summary>A skill an offering teaches, with the catalog's confidence (0–1) that it does.</summary>
public sealed record TaughtSkill(long SkillId, double Confidence);

/// <summary>One catalog offering as the planner sees it. <paramref name="Region"/> null means available everywhere.</summary>
public sealed record PlanOffering(
    string Id,
    string Title,
    string Provider,
    double Hours,
    decimal CostCad,
    IReadOnlyList<TaughtSkill> Teaches,
    string Format,
    string Language,
    string? Region,
    string QaStatus);

/// <summary>
/// Which offerings may enter a plan and how large a plan may be. Null set filters accept everything.
/// <see cref="MaxTotalCost"/> and <see cref="MaxTotalHours"/> bound the whole plan (so they also drop any
/// single offering over them); under a budget a plan closes as much as it can afford.
/// </summary>
public sealed record GapPlanOptions
{
    public double MinConfidence { get; init; } = 0.5;
    public IReadOnlySet<string>? Formats { get; init; }
    public IReadOnlySet<string>? Languages { get; init; }
    public IReadOnlySet<string>? Regions { get; init; }
    public IReadOnlySet<string>? QaStatuses { get; init; }
    public decimal? MaxTotalCost { get; init; }
    public double? MaxTotalHours { get; init; }
    /// <summary>Up to this many offerings (after pruning) are planned exactly with CP-SAT; above it, greedily.</summary>
    public int ExactOfferingLimit { get; init; } = 25;
    public TimeSpan ExactTimeLimit { get; init; } = TimeSpan.FromSeconds(5);
}

public enum PlanGoal { Fastest, Cheapest }

public enum PlanMethod
{
    /// <summary>Nothing to choose: no gap any admissible offering teaches.</summary>
    Trivial,
    /// <summary>OR-Tools CP-SAT, lexicographic objective solved in phases.</summary>
    CpSat,
    /// <summary>Greedy weighted set cover (best closed importance per hour or per dollar), an ln(n)-approximation.</summary>
    Greedy,
}

public sealed record PlannedOffering(PlanOffering Offering, IReadOnlyList<SkillGap> Closes);

public sealed record GapPlan(
    PlanGoal Goal,
    IReadOnlyList<PlannedOffering> Offerings,
    IReadOnlyList<SkillGap> Closed,
    /// <summary>Gaps some admissible offering teaches that this plan leaves open (only under a budget, or greedy).</summary>
    IReadOnlyList<SkillGap> LeftOpen,
    int TotalGaps,
    double TotalHours,
    decimal TotalCostCad,
    PlanMethod Method,
    bool ProvenOptimal)
{
    public string Summary =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"closes {Closed.Count} of {TotalGaps} gaps, {TotalHours:0.#} hours, cost {TotalCostCad:0.00} CAD");
}

/// <param name="Uncoverable">Gaps no admissible offering teaches (at the minimum confidence, after filters).</param>
public sealed record GapPlans(GapPlan Fastest, GapPlan Cheapest, IReadOnlyList<SkillGap> Uncoverable, int CandidateOfferings);
